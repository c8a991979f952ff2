/**
 * Finding PowerShell on this machine, and running one of the extension's scripts in it with the
 * stubs loaded: through the extension's own runner (runScript), with the same command line.
 */
import { accessSync, constants, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runScript } from '../../client/src/powershell/runScript';
import type { LoggedCall, Returned, RunRecord } from './runCheck';

/**
 * Every PowerShell on the PATH, one per kind: PowerShell 7 (`pwsh`), and on Windows also Windows
 * PowerShell 5.1 (`powershell.exe`), because the scripts promise to work in both.
 */
export function findPowerShells(
  platform: NodeJS.Platform = process.platform,
  pathVariable: string = process.env['PATH'] ?? process.env['Path'] ?? '',
): string[] {
  const windows = platform === 'win32';
  const directories = pathVariable.split(windows ? ';' : ':').filter((entry) => entry.trim() !== '');
  const runnable = (file: string) => {
    if (!existsSync(file)) return false;
    if (windows) return true;
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  };
  const found: string[] = [];
  for (const name of windows ? ['pwsh.exe', 'powershell.exe'] : ['pwsh']) {
    const hit = directories.map((directory) => path.join(directory, name)).find(runnable);
    if (hit) found.push(hit);
  }
  return found;
}

export interface StubRunOptions {
  readonly executable: string;
  readonly bootstrap: string;
  readonly stubRoot: string;
  /** The extension's script to run, by absolute path. */
  readonly script: string;
  /** Its named arguments. */
  readonly args: Readonly<Record<string, string | boolean>>;
  readonly state: unknown;
  /** Names the New-* and Add-* stubs give their result, so that a step can set them. */
  readonly settable?: readonly string[];
  readonly stdin?: string;
  /** A folder of its own for this run's log, state and returned objects. */
  readonly folder: string;
  readonly timeoutMs?: number;
}

/** The name of an environment variable as this process has it, whatever its case (Windows). */
function environmentName(name: string): string {
  return Object.keys(process.env).find((key) => key.toLowerCase() === name.toLowerCase()) ?? name;
}

function setEnvironment(name: string, value: string): void {
  process.env[environmentName(name)] = value;
}

// Taken once: each run puts the stubs in front of the PSModulePath the test started with.
const startingModulePath = process.env[environmentName('PSModulePath')] ?? '';

function readJsonLines<T>(file: string): T[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/** Runs one script with the stubs; what it printed, and what the stubs saw. */
export async function runWithStubs(options: StubRunOptions): Promise<RunRecord> {
  mkdirSync(options.folder, { recursive: true });
  const log = path.join(options.folder, 'calls.jsonl');
  const stateFile = path.join(options.folder, 'state.json');
  const returnedFile = path.join(options.folder, 'returned.json');
  writeFileSync(log, '');
  writeFileSync(stateFile, `${JSON.stringify(options.state, null, 2)}\n`);
  // runScript passes this process's environment on: the stubs find their files there.
  setEnvironment('PSModulePath', [options.stubRoot, startingModulePath].filter(Boolean).join(path.delimiter));
  setEnvironment('GCLUSTER_STUB_LOG', log);
  setEnvironment('GCLUSTER_STUB_STATE', stateFile);
  setEnvironment('GCLUSTER_STUB_RETURNED', returnedFile);
  setEnvironment('GCLUSTER_STUB_SETTABLE', (options.settable ?? []).join(','));
  setEnvironment('GCLUSTER_STUB_ARGUMENTS', JSON.stringify(options.args));
  const result = await runScript({
    executable: options.executable,
    script: options.bootstrap,
    args: ['-StubRoot', options.stubRoot, '-Script', options.script],
    input: options.stdin ?? '',
    timeoutMs: options.timeoutMs ?? 180_000,
  });
  const lines = result.events.map((event) =>
    event['type'] === 'text' && typeof event['text'] === 'string' && Object.keys(event).length === 2
      ? event['text']
      : JSON.stringify(event),
  );
  let returned: Returned[] = [];
  if (existsSync(returnedFile)) {
    const parsed = JSON.parse(readFileSync(returnedFile, 'utf8').replace(/^\uFEFF/, '')) as {
      returned?: Returned[];
    };
    returned = parsed.returned ?? [];
  }
  return {
    exitCode: result.stopped ? null : result.exitCode,
    lines,
    stderr: result.stopped ? `stopped: ${result.stopped}\n${result.stderr}` : result.stderr,
    calls: readJsonLines<LoggedCall>(log),
    returned,
  };
}
