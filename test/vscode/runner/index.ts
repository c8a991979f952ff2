/**
 * Runs the Mocha suites of test/vscode/suite inside VS Code.
 *
 * - `run()` is the entry point that @vscode/test-electron expects for `extensionTestsPath`: it
 *   rejects when a test fails.
 * - `runAndWriteResults()` is what the test-runner extension calls under code-server: it writes
 *   the results as JSON to the file named by GCLUSTER_TEST_RESULTS, for the driver to read.
 *
 * GCLUSTER_SUITE picks the suites: `trusted` (default) runs suite/*.test.js except
 * *.restricted.test.js, `restricted` runs only those. GCLUSTER_TEST_GREP filters by full title.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import {
  env,
  suiteModeOf,
  type SuiteMode,
  type SuiteResults,
  type TestFailure,
  type TestOutcome,
} from '../results';
import { metrics } from './metrics';
import { startStartupProbe } from './startup';

const suiteDirectory = path.resolve(__dirname, '..', 'suite');
const startSignalTimeoutMs = 5 * 60_000;
const trustTimeoutMs = 60_000;

/** The compiled suite files for a mode, in a stable order. */
export function suiteFiles(mode: SuiteMode): string[] {
  return fs
    .readdirSync(suiteDirectory)
    .filter((name) => name.endsWith('.test.js'))
    .filter((name) => name.endsWith('.restricted.test.js') === (mode === 'restricted'))
    .sort()
    .map((name) => path.join(suiteDirectory, name));
}

export async function run(): Promise<void> {
  const results = await runSuites();
  const resultsFile = process.env[env.results];
  if (resultsFile) writeResults(resultsFile, results);
  if (results.error) throw new Error(results.error);
  if (results.failures.length > 0) {
    const total = results.failures.length + results.passes.length;
    throw new Error(`${results.failures.length} of ${total} tests failed.`);
  }
}

export async function runAndWriteResults(): Promise<void> {
  const resultsFile = process.env[env.results];
  if (!resultsFile) throw new Error(`${env.results} is not set: the driver names the results file there.`);
  writeResults(resultsFile, await runSuites());
}

/** Runs the suites of the mode that GCLUSTER_SUITE names; never rejects: a broken run comes back as `error`. */
export async function runSuites(): Promise<SuiteResults> {
  const startedAt = Date.now();
  const passes: TestOutcome[] = [];
  const failures: TestFailure[] = [];
  const pending: TestOutcome[] = [];
  let mode: SuiteMode = 'trusted';
  let error: string | undefined;
  try {
    mode = suiteModeOf(process.env[env.suite]);
    startStartupProbe();
    await waitForStartSignal();
    if (mode === 'trusted') await waitForTrust();
    const files = suiteFiles(mode);
    if (files.length === 0) throw new Error(`No ${mode} suites in ${suiteDirectory}.`);
    const grep = process.env[env.grep];
    const mocha = new Mocha({
      ui: 'tdd',
      color: false,
      timeout: 60_000,
      reporter: 'spec',
      ...(grep ? { grep: new RegExp(grep) } : {}),
    });
    for (const file of files) mocha.addFile(file);
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', (test) => passes.push(outcome(test)));
      runner.on('pending', (test) => pending.push(outcome(test)));
      runner.on('fail', (test, failure: unknown) => {
        const { message, stack } = describeError(failure);
        failures.push({ ...outcome(test), message, stack });
      });
    });
  } catch (failure) {
    const { message, stack } = describeError(failure);
    error = stack || message;
  }
  return {
    mode,
    vscodeVersion: vscode.version,
    workspaceTrusted: vscode.workspace.isTrusted,
    startedAt,
    finishedAt: Date.now(),
    passes,
    failures,
    pending,
    metrics: metrics(),
    ...(error === undefined ? {} : { error }),
  };
}

function outcome(test: Mocha.Runnable): TestOutcome {
  return {
    fullTitle: test.fullTitle(),
    file: test.file ? path.basename(test.file) : '',
    durationMs: test.duration ?? 0,
  };
}

function describeError(failure: unknown): { message: string; stack: string } {
  if (failure instanceof Error) return { message: failure.message, stack: failure.stack ?? '' };
  return { message: String(failure), stack: '' };
}

/** Written whole, then renamed, so that a reader never sees half a file. */
function writeResults(file: string, results: SuiteResults): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.partial`, JSON.stringify(results, null, 2));
  fs.renameSync(`${file}.partial`, file);
}

/** Under code-server the driver first answers the workspace trust prompt, then creates this file. */
async function waitForStartSignal(): Promise<void> {
  const file = process.env[env.start];
  if (!file) return;
  const deadline = Date.now() + startSignalTimeoutMs;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline)
      throw new Error(`The driver did not create ${file} within ${startSignalTimeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Trust reaches the extension host a moment after the click. */
async function waitForTrust(): Promise<void> {
  if (vscode.workspace.isTrusted) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, trustTimeoutMs);
    const subscription = vscode.workspace.onDidGrantWorkspaceTrust(done);
    function done(): void {
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    }
  });
}
