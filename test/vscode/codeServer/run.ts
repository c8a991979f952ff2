/**
 * `npm run test:codeserver`: runs the suites of test/vscode inside a real VS Code (code-server), once
 * in a trusted window and once in a Restricted Mode window, then the browser checks.
 *
 * 1. scripts/code-server-setup.sh (cached per machine), `npm run package`;
 * 2. installs gcluster.vsix with `code-server --install-extension`, so the packaged artifact is tested,
 *    and generates the test-runner extension next to it;
 * 3. per mode: a copy of examples/, a fresh profile, code-server on 127.0.0.1:<free port>, Chromium on
 *    the folder; answers the trust prompt, waits for the runner's results file, runs the browser checks;
 * 4. prints every result; screenshots, logs and results go to test-artifacts/.
 *
 * Exits 1 when a test or check fails or anything times out. Environment: GCLUSTER_SUITE=trusted|restricted
 * runs one window only; GCLUSTER_TEST_GREP filters tests; GCLUSTER_TEST_TIMEOUT_MS (default 300000)
 * bounds the wait for results; GCLUSTER_KEEP_TMP=1 keeps the temporary folder.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { copyExamples, repoRoot, runnerModule } from '../paths';
import { env, suiteModeOf, type SuiteMode, type SuiteResults } from '../results';
import { simulatedInventory } from '../../fixtures/simulatedCluster';
import { installStandIn } from '../../powershell/installStandIn';
import { browserChecks } from './browserChecks';
import { CodeServer, createProfile, freePort, installExtension, setUpCodeServer } from './server';
import { writeRunnerExtension } from './runnerExtension';
import { launchBrowser, Workbench } from './workbench';

interface CheckResult {
  readonly name: string;
  readonly error?: string;
}

interface WindowReport {
  readonly mode: SuiteMode;
  readonly results?: SuiteResults;
  readonly checks: CheckResult[];
  /** Why the window produced no (or incomplete) results. */
  readonly error?: string;
}

interface Run {
  readonly root: string;
  readonly artifacts: string;
  readonly temp: string;
  readonly entry: string;
  readonly extensionsDir: string;
  readonly browser: Browser;
}

const resultsTimeoutMs = Number(process.env['GCLUSTER_TEST_TIMEOUT_MS'] ?? 5 * 60_000);

async function main(): Promise<number> {
  const started = Date.now();
  const root = repoRoot();
  const artifacts = path.join(root, 'test-artifacts');
  fs.rmSync(artifacts, { recursive: true, force: true });
  fs.mkdirSync(artifacts, { recursive: true });
  if (!fs.existsSync(runnerModule))
    throw new Error(`${runnerModule} is missing: run tsc -p tsconfig.vscode.json.`);

  step('code-server set-up');
  const entry = setUpCodeServer(root);
  step('npm run package');
  const vsix = packageExtension(root);

  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'gcluster-codeserver-'));
  const keep = process.env['GCLUSTER_KEEP_TMP'] === '1';
  process.on('exit', () => {
    if (!keep) fs.rmSync(temp, { recursive: true, force: true });
  });
  let browser: Browser | undefined;
  const reports: WindowReport[] = [];
  try {
    step(`installing ${path.relative(root, vsix)} (${Math.round(fs.statSync(vsix).size / 1024)} KB)`);
    const shared = createProfile(path.join(temp, 'install'));
    // First the runner: the first installation registers every folder already there in extensions.json;
    // a folder that is not registered there is removed at startup.
    writeRunnerExtension(shared.extensionsDir, runnerModule);
    installExtension(entry, vsix, shared);
    browser = await launchBrowser();
    const only = process.env[env.suite];
    const modes: SuiteMode[] = only ? [suiteModeOf(only)] : ['trusted', 'restricted'];
    for (const mode of modes) {
      step(`${mode} window`);
      const run: Run = { root, artifacts, temp, entry, extensionsDir: shared.extensionsDir, browser };
      reports.push(await runWindow(run, mode));
    }
  } finally {
    await browser?.close().catch(() => undefined);
    if (keep) console.log(`kept ${temp}`);
  }
  const failed = printReports(reports);
  console.log(
    `\ntest:codeserver took ${Math.round((Date.now() - started) / 1000)} s; artifacts in test-artifacts/`,
  );
  return failed ? 1 : 0;
}

function step(what: string): void {
  console.log(`\n== ${what}`);
}

function packageExtension(root: string): string {
  const result = spawnSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run package failed (exit ${result.status}).`);
  const vsix = path.join(root, 'gcluster.vsix');
  if (!fs.existsSync(vsix)) throw new Error(`npm run package wrote no ${vsix}.`);
  return vsix;
}

/**
 * The PowerShell stand-in (a Node test double, test/powershell/standIn.ts) as the window's
 * PowerShell, set as users set theirs: `gcluster.powershell.path` in the machine settings (the
 * setting is machine-scoped). It keeps a simulated cluster of its own: Deploy never reaches a host.
 */
function powerShellStandIn(base: string, userDataDir: string): Record<string, string> {
  const bin = path.join(base, 'bin');
  fs.mkdirSync(bin, { recursive: true });
  const pwsh = installStandIn(bin);
  const state = path.join(base, 'simulated-cluster.json');
  fs.writeFileSync(state, JSON.stringify({ done: [] }));
  const machine = path.join(userDataDir, 'Machine');
  fs.mkdirSync(machine, { recursive: true });
  fs.writeFileSync(path.join(machine, 'settings.json'), JSON.stringify({ 'gcluster.powershell.path': pwsh }));
  const inventory = path.join(base, 'simulated-inventory.json');
  // The guests let in only this user: the view must offer Sign In, and the password must arrive.
  fs.writeFileSync(
    inventory,
    JSON.stringify({
      inventory: simulatedInventory,
      guestAuth: { userName: 'CORP\\gcadmin', password: "Pa55;$(w0rd)'" },
    }),
  );
  return { GCLUSTER_STAND_IN_STATE: state, GCLUSTER_STAND_IN_INVENTORY: inventory };
}

/** One code-server and one browser context with a fresh profile: the suites of one mode, then its browser checks. */
async function runWindow(run: Run, mode: SuiteMode): Promise<WindowReport> {
  const base = path.join(run.temp, mode);
  const profile = createProfile(base, run.extensionsDir);
  const workspace = copyExamples(base);
  for (const check of browserChecks) if (check.mode === mode) check.prepare?.(workspace);
  const resultsFile = path.join(base, 'results.json');
  const startFile = path.join(base, 'start');
  const server = CodeServer.start({
    entry: run.entry,
    port: await freePort(),
    profile,
    workspace,
    logFile: path.join(run.artifacts, `${mode}-code-server.log`),
    env: {
      [env.suite]: mode,
      [env.results]: resultsFile,
      [env.start]: startFile,
      ...powerShellStandIn(base, profile.userDataDir),
    },
  });
  const checks: CheckResult[] = [];
  let results: SuiteResults | undefined;
  const context = await run.browser.newContext({ viewport: { width: 1400, height: 900 } });
  const workbench = new Workbench(await context.newPage(), run.artifacts, mode, workspace);
  try {
    await server.waitUntilHealthy();
    const url = server.folderUrl(workspace);
    console.log(`code-server (pid ${server.pid}) at ${url}`);
    await workbench.page.goto(url);
    await workbench.waitForWorkbench();
    await workbench.answerTrustPrompt(mode === 'trusted');
    fs.writeFileSync(startFile, `${new Date().toISOString()}\n`);
    results = await waitForResults(resultsFile, server);
    fs.copyFileSync(resultsFile, path.join(run.artifacts, `${mode}-results.json`));
    await workbench.screenshot('after-suites');
    for (const check of browserChecks.filter((candidate) => candidate.mode === mode)) {
      try {
        await check.run(workbench);
        checks.push({ name: check.name });
      } catch (error) {
        const name = `check-failed-${checks.length + 1}`;
        await workbench.screenshot(name).catch(() => undefined);
        checks.push({ name: check.name, error: `${describe(error)}\n(screenshot ${mode}-${name}.png)` });
      }
    }
    return { mode, results, checks };
  } catch (error) {
    await workbench.screenshot('error').catch(() => undefined);
    return { mode, ...(results ? { results } : {}), checks, error: describe(error) };
  } finally {
    await context.close().catch(() => undefined);
    await server.stop();
  }
}

async function waitForResults(file: string, server: CodeServer): Promise<SuiteResults> {
  const deadline = Date.now() + resultsTimeoutMs;
  while (!fs.existsSync(file)) {
    if (server.failure) throw new Error(server.failure);
    if (Date.now() > deadline)
      throw new Error(
        `No results within ${resultsTimeoutMs / 1000} s; see the extension host log in the code-server log.`,
      );
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as SuiteResults;
}

/** Prints every test, failure and metric; true when anything failed. */
function printReports(reports: WindowReport[]): boolean {
  let failed = reports.length === 0;
  let passed = 0;
  let failures = 0;
  for (const report of reports) {
    const { results } = report;
    step(
      results
        ? `${report.mode}: VS Code ${results.vscodeVersion}, workspace trusted: ${results.workspaceTrusted}`
        : report.mode,
    );
    for (const test of results?.passes ?? []) console.log(`  ✔ ${test.fullTitle} (${test.durationMs} ms)`);
    for (const test of results?.pending ?? []) console.log(`  - ${test.fullTitle} (pending)`);
    for (const test of results?.failures ?? []) {
      console.log(`  ✘ ${test.fullTitle} [${test.file}]`);
      console.log(
        indent(test.stack.includes(test.message) ? test.stack : `${test.message}\n${test.stack}`, 6),
      );
    }
    for (const [name, value] of Object.entries(results?.metrics ?? {}))
      console.log(`  metric ${name} = ${value}`);
    for (const check of report.checks) {
      console.log(`  ${check.error ? '✘' : '✔'} browser: ${check.name}`);
      if (check.error) console.log(indent(check.error, 6));
    }
    if (results && !results.error && results.passes.length + results.failures.length === 0)
      console.log(`  ✘ no test ran${process.env[env.grep] ? ` (${env.grep} matches none)` : ''}`);
    if (results?.error) console.log(`  ✘ runner error:\n${indent(results.error, 6)}`);
    if (report.error) console.log(`  ✘ ${indent(report.error, 4).trimStart()}`);
    const windowFailures =
      (results?.failures.length ?? 0) + report.checks.filter((check) => check.error).length;
    passed += (results?.passes.length ?? 0) + report.checks.filter((check) => !check.error).length;
    failures += windowFailures;
    if (!results || results.error || report.error || windowFailures > 0 || results.passes.length === 0)
      failed = true;
  }
  console.log(
    `\n${passed} passed, ${failures} failed${failed && failures === 0 ? ' (see the errors above)' : ''}`,
  );
  return failed;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

function indent(text: string, spaces: number): string {
  return text
    .split('\n')
    .map((line) => ' '.repeat(spaces) + line)
    .join('\n');
}

// Ctrl-C and kill: the process groups are killed by server.ts's exit handler.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`\ntest:codeserver failed: ${describe(error)}`);
    process.exit(1);
  },
);
