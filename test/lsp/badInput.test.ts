import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { hostileInputs } from '../fixtures/hostileInputs';
import { baseline, vary } from '../service/fixture';
import { ServerProcess } from './serverProcess';

describe('language server under bad input', () => {
  let server: ServerProcess;
  before(async () => {
    server = (await ServerProcess.start()).server;
  });
  afterEach(() => server.closeAll());
  after(() => server.stop());

  for (const [name, make] of Object.entries(hostileInputs)) {
    it(`answers ${name} with diagnostics and keeps serving other documents`, async () => {
      const uri = `file:///work/hostile-${name.replace(/\W+/g, '-')}.gcluster.yaml`;
      const started = performance.now();
      const diagnostics = await server.open(uri, make());
      const elapsed = performance.now() - started;
      assert.ok(diagnostics.length > 0, 'a clear diagnostic');
      assert.ok(elapsed < 5000, `${elapsed} ms`);
      // Another document still gets its diagnostics, so the server is alive and not stuck.
      const healthy = await server.open(
        `${uri}.other.gcluster.yaml`,
        vary([['SqlData.vhdx', 'SqlData.vhd']]),
      );
      assert.ok(healthy.some((d) => d.code === 'STOR001'));
      assert.equal(server.child.exitCode, null);
    });
  }

  it('still validates the baseline cleanly after all of them', async () => {
    assert.deepEqual(await server.open('file:///work/after-all.gcluster.yaml', baseline), []);
    assert.doesNotMatch(server.stderr, /failed|Unexpected/);
  });
});
