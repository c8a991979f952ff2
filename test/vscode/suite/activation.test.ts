import assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import { activateProduct } from '../helpers';
import { recordMetric } from '../runner/metrics';
import { startupTimes } from '../runner/startup';

suite('Activation', () => {
  test('the first diagnostics of the broken example follow activation', async () => {
    const extension = await activateProduct();
    // The runner opened the broken example the moment it started, listening for its diagnostics.
    const { probeStartedAt, firstDiagnosticsAt, alreadyPresent } = await startupTimes();
    recordMetric('runnerStartToFirstDiagnosticsMs', firstDiagnosticsAt - probeStartedAt);
    const activatedAt = (extension.exports as { activatedAt?: unknown } | undefined)?.activatedAt;
    assert.ok(
      typeof activatedAt === 'number' && Number.isFinite(activatedAt),
      `activate() must return { activatedAt: <epoch ms> }; it returned ${JSON.stringify(extension.exports)}`,
    );
    const elapsed = firstDiagnosticsAt - activatedAt;
    recordMetric('activationToFirstDiagnosticsMs', elapsed);
    assert.ok(!alreadyPresent, 'The diagnostics were there before the runner started; nothing was measured.');
    assert.ok(elapsed >= 0, `The first diagnostics came ${-elapsed} ms before activation.`);
  });
});
