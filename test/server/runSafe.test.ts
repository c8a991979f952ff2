import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CancellationTokenSource, LSPErrorCodes, ErrorCodes, ResponseError } from 'vscode-languageserver';
import { runSafe, runSafeVoid } from '../../server/src/runSafe';
import { ValidationScheduler } from '../../server/src/validationScheduler';

describe('runSafe', () => {
  it('returns the handler result', async () => {
    assert.equal(
      await runSafe(
        () => undefined,
        'x',
        undefined,
        () => 42,
      ),
      42,
    );
  });

  it('answers a cancelled request as cancelled without running it', async () => {
    const source = new CancellationTokenSource();
    source.cancel();
    let ran = false;
    const result = await runSafe(
      () => undefined,
      'x',
      source.token,
      () => (ran = true),
    );
    assert.ok(result instanceof ResponseError);
    assert.equal(result.code, LSPErrorCodes.RequestCancelled);
    assert.equal(ran, false);
  });

  it('answers a request cancelled while it ran as cancelled', async () => {
    const source = new CancellationTokenSource();
    const result = await runSafe(
      () => undefined,
      'x',
      source.token,
      async () => {
        source.cancel();
        return 1;
      },
    );
    assert.ok(result instanceof ResponseError && result.code === LSPErrorCodes.RequestCancelled);
  });

  it('logs an exception and answers an internal error instead of throwing', async () => {
    const logged: string[] = [];
    const result = await runSafe(
      (m) => logged.push(m),
      'Hover',
      undefined,
      () => {
        throw new Error('boom');
      },
    );
    assert.ok(result instanceof ResponseError && result.code === ErrorCodes.InternalError);
    assert.match(logged[0] ?? '', /^Hover failed: Error: boom/);
  });

  it('logs failures of notifications, sync and async', async () => {
    const logged: string[] = [];
    runSafeVoid(
      (m) => logged.push(m),
      'A',
      () => {
        throw new Error('sync');
      },
    );
    runSafeVoid(
      (m) => logged.push(m),
      'B',
      () => Promise.reject(new Error('async')),
    );
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(
      logged.map((m) => m.split('\n')[0]),
      ['A failed: Error: sync', 'B failed: Error: async'],
    );
  });
});

describe('ValidationScheduler', () => {
  it('validates a burst of changes once, on the next turn, without a fixed delay', async () => {
    const runs: string[] = [];
    const scheduler = new ValidationScheduler(async (uri) => void runs.push(uri));
    scheduler.schedule('a');
    scheduler.schedule('a');
    scheduler.schedule('a');
    assert.deepEqual(runs, []);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(runs, ['a']);
  });

  it('paces a document whose last validation was slow', async () => {
    const runs: number[] = [];
    let cost = 150;
    const scheduler = new ValidationScheduler(async () => {
      const started = performance.now();
      while (performance.now() - started < cost); // a validation this expensive
      runs.push(performance.now());
    });
    scheduler.schedule('big');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(runs.length, 1);
    cost = 0;
    const asked = performance.now();
    scheduler.schedule('big');
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(runs.length, 1, 'not validated at once');
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.equal(runs.length, 2);
    assert.ok(runs[1]! - asked >= 100, `waited ${runs[1]! - asked} ms`);
  });

  it('forgets a closed document', async () => {
    const runs: string[] = [];
    const scheduler = new ValidationScheduler(async (uri) => void runs.push(uri));
    scheduler.schedule('gone');
    scheduler.forget('gone');
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(runs, []);
  });
});
