import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { locatePowerShell } from '../../client/src/powershell/locate';
import { powerShellArguments, runScript, type RunResult } from '../../client/src/powershell/runScript';
import { installStandIn } from './installStandIn';

/** Whether a process still exists. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, timeoutMs = 5000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}

describe('locating PowerShell', () => {
  const on = (files: string[]) => (file: string) => files.includes(file);

  it('uses the configured executable, and says so when it cannot be run', () => {
    assert.deepEqual(
      locatePowerShell({
        configured: '/opt/pwsh',
        platform: 'linux',
        pathVariable: '',
        isExecutable: on(['/opt/pwsh']),
      }),
      { executable: '/opt/pwsh' },
    );
    const missing = locatePowerShell({
      configured: '/nope',
      platform: 'linux',
      pathVariable: '',
      isExecutable: on([]),
    });
    assert.match('missing' in missing ? missing.missing : '', /gcluster\.powershell\.path is set to \/nope/);
  });

  it('finds pwsh on the PATH, and on Windows prefers PowerShell 7, or Windows PowerShell for the executor', () => {
    assert.deepEqual(
      locatePowerShell({
        configured: '',
        platform: 'linux',
        pathVariable: '/a:/b',
        isExecutable: on(['/b/pwsh']),
      }),
      { executable: '/b/pwsh' },
    );
    const windows = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0;C:\\Program Files\\PowerShell\\7';
    const both = on([
      'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      'C:\\Program Files\\PowerShell\\7\\pwsh.exe',
    ]);
    assert.deepEqual(
      locatePowerShell({ configured: '', platform: 'win32', pathVariable: windows, isExecutable: both }),
      {
        executable: 'C:\\Program Files\\PowerShell\\7\\pwsh.exe',
      },
    );
    // The executor sets properties on FailoverClusters objects, which PowerShell 7 reaches only
    // through copies: for it, Windows PowerShell comes first; elsewhere there is only pwsh.
    assert.deepEqual(
      locatePowerShell({
        configured: '',
        platform: 'win32',
        pathVariable: windows,
        isExecutable: both,
        prefer: 'windowsPowerShell',
      }),
      { executable: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe' },
    );
    assert.deepEqual(
      locatePowerShell({
        configured: '',
        platform: 'linux',
        pathVariable: '/b',
        isExecutable: on(['/b/pwsh']),
        prefer: 'windowsPowerShell',
      }),
      { executable: '/b/pwsh' },
    );
    const none = locatePowerShell({
      configured: '',
      platform: 'win32',
      pathVariable: windows,
      isExecutable: on([]),
    });
    assert.match('missing' in none ? none.missing : '', /Neither PowerShell 7/);
  });
});

describe('running a script (against the PowerShell stand-in)', () => {
  const bin = mkdtempSync(path.join(tmpdir(), 'gcluster-pwsh-'));
  let located = '';

  before(() => {
    // The stand-in, first on a PATH of its own, as `pwsh`.
    const pwsh = installStandIn(bin);
    const found = locatePowerShell({
      configured: '',
      platform: process.platform,
      pathVariable: [bin, process.env.PATH ?? ''].join(path.delimiter),
      isExecutable: (file) => file === pwsh,
    });
    assert.ok('executable' in found);
    located = found.executable;
  });
  after(() => rmSync(bin, { recursive: true, force: true }));

  const run = (script: string, args: string[] = [], extra: Partial<Parameters<typeof runScript>[0]> = {}) =>
    runScript({
      executable: located,
      script: path.join('/ext/powershell', script),
      args,
      timeoutMs: 10_000,
      ...extra,
    });

  it('passes hostile values as exact arguments and secrets on standard input, never through a shell', async () => {
    const hostileValues = [
      'a\'b"c',
      '$(Remove-Item C:\\)',
      '`n; rm -rf /',
      'x & calc.exe | y > z',
      'line\nbreak',
      '%PATH% $env:PATH',
      'Ünïcødé ✓ \u202e',
      ' leading and trailing ',
    ];
    for (const hostile of hostileValues) {
      const planPath = path.join(tmpdir(), `${hostile}.json`);
      const result = await run('echo.ps1', ['-PlanPath', planPath], {
        input: `{"secret":${JSON.stringify(hostile)}}\n`,
      });
      assert.deepEqual(result.events, [
        {
          type: 'echo',
          argv: powerShellArguments(path.join('/ext/powershell', 'echo.ps1'), ['-PlanPath', planPath]),
          input: `{"secret":${JSON.stringify(hostile)}}\n`,
        },
      ]);
    }
    assert.deepEqual(powerShellArguments('s.ps1', ['-X', 'y']), [
      '-NoLogo',
      '-NoProfile',
      '-NonInteractive',
      '-ExecutionPolicy',
      'Bypass',
      '-File',
      's.ps1',
      '-X',
      'y',
    ]);
  });

  it('reads one JSON object per line as it comes, keeps other lines as text, and reports the exit code', async () => {
    const seen: unknown[] = [];
    const result: RunResult = await run('steps.ps1', ['-Steps', '2', '-ExitCode', '3'], {
      onEvent: (e) => seen.push(e),
    });
    assert.deepEqual(result.events, [
      { type: 'started', step: 's1' },
      { type: 'done', step: 's1' },
      { type: 'started', step: 's2' },
      { type: 'done', step: 's2' },
      { type: 'text', text: 'WARNING: a line that is not JSON' },
      { type: 'result', steps: 2 },
    ]);
    assert.deepEqual(seen, result.events);
    assert.equal(result.exitCode, 3);
    assert.equal(result.stderr, 'a message on the error stream\n');
    assert.equal(result.stopped, undefined);
  });

  for (const how of ['timeout', 'cancelled'] as const) {
    it(`ends the whole process tree when ${how === 'timeout' ? 'it runs out of time' : 'the user cancels'}`, async () => {
      const controller = new AbortController();
      let pids: { pid: number; childPid: number } | undefined;
      const result = await run('hang.ps1', [], {
        timeoutMs: how === 'timeout' ? 1500 : 60_000,
        signal: controller.signal,
        onEvent: (event) => {
          pids = event as unknown as { pid: number; childPid: number };
          if (how === 'cancelled') controller.abort();
        },
      });
      assert.equal(result.stopped, how);
      assert.ok(pids, 'the script started');
      assert.ok(await until(() => !alive(pids!.pid) && !alive(pids!.childPid)), 'no process is left running');
    });
  }

  it('says plainly when PowerShell is not there', async () => {
    await assert.rejects(
      runScript({ executable: path.join(bin, 'no-such-pwsh'), script: 'x.ps1', args: [], timeoutMs: 1000 }),
      /PowerShell was not found at .*no-such-pwsh/,
    );
  });
});
