/**
 * `npm run test:pwsh`: runs the extension's three PowerShell scripts, unchanged, in real
 * PowerShell, against stub modules generated from the cmdlet reference (stubModules.ts), and checks
 * what they print and which cmdlets they call with which parameters. See README.md in this folder.
 *
 * Without PowerShell on the PATH it says so, prints SKIPPED and exits 0: nothing was checked.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { simulatedInventory } from '../fixtures/simulatedCluster';
import { bootstrapScript } from './bootstrap';
import { checkInventoryRun, checkPrerequisitesRun, inventoryState } from './inventoryCheck';
import { dummySecrets, type Plan } from './planData';
import { findPowerShells, runWithStubs, type StubRunOptions } from './powershellHost';
import { checkPlanRun, checkWhatIfRun } from './runCheck';
import { generateStubModules, type CmdletReference } from './stubModules';
import { expectedOutcomes, probesFoundState, refSeeds, setState, type StubState } from './stubState';

const root = path.resolve(__dirname, '..', '..', '..');
const scripts = path.join(root, 'client', 'powershell');
const plansFolder = path.join(root, 'test', 'fixtures', 'plans');

class Report {
  failed = 0;
  passed = 0;
  readonly notVerified: string[] = [];

  add(name: string, problems: readonly string[], notVerified: readonly string[] = []): void {
    if (problems.length === 0) {
      this.passed++;
      console.log(`ok - ${name}`);
    } else {
      this.failed++;
      console.log(`not ok - ${name}`);
      for (const problem of problems) console.log(`    ${problem}`);
    }
    for (const line of notVerified) {
      console.log(`    NOT VERIFIED: ${line}`);
      this.notVerified.push(`${name}: ${line}`);
    }
  }
}

/** Writes the stub modules and the bootstrap into `work`; returns their paths. */
function writeStubs(work: string): { stubRoot: string; bootstrap: string } {
  const reference = JSON.parse(
    readFileSync(path.join(root, 'test', 'fixtures', 'powershell-cmdlets.json'), 'utf8'),
  ) as CmdletReference;
  const stubRoot = path.join(work, 'modules');
  for (const module of generateStubModules(reference)) {
    for (const file of module.files) {
      const target = path.join(stubRoot, file.path);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, file.text);
    }
  }
  const bootstrap = path.join(work, 'Invoke-WithStubs.ps1');
  writeFileSync(bootstrap, bootstrapScript);
  return { stubRoot, bootstrap };
}

type Common = Pick<StubRunOptions, 'executable' | 'bootstrap' | 'stubRoot'>;

/** A dummy credential: the stubs take it; nothing checks it. */
const credential = { userName: 'CORP\\stub-deployer', password: 'stub-password' };

/**
 * The executor's standard input, as client/src/powershell/deployPlan.ts writes it:
 * `{ secrets, credential? }`. The secrets are also given flat, the shape the executor read before
 * `secrets` was introduced, so that either version finds them.
 */
function executorInput(secrets: Readonly<Record<string, string>>, withCredential: boolean): string {
  return JSON.stringify({ ...secrets, secrets, ...(withCredential ? { credential } : {}) });
}

async function checkPlan(
  common: Common,
  work: string,
  file: string,
  report: Report,
  tag: string,
): Promise<void> {
  const plan = JSON.parse(readFileSync(path.join(plansFolder, file), 'utf8')) as Plan;
  const secrets = dummySecrets(plan);
  const settable = [...new Set(plan.steps.flatMap((step) => Object.keys(step.set ?? {})))];
  const planPath = path.join(work, 'plans', file);
  mkdirSync(path.dirname(planPath), { recursive: true });
  writeFileSync(planPath, JSON.stringify(plan, null, 2));
  let count = 0;
  const run = (state: StubState, options: { whatIf?: boolean; credential?: boolean } = {}) =>
    runWithStubs({
      ...common,
      script: path.join(scripts, 'Invoke-GclusterPlan.ps1'),
      args: options.whatIf ? { PlanPath: planPath, WhatIf: true } : { PlanPath: planPath },
      state,
      settable,
      stdin: executorInput(secrets, options.credential ?? false),
      folder: path.join(work, 'runs', `${path.basename(file, '.plan.json')}-${++count}`),
    });

  // Nothing exists yet (but what the executor's finders need): every step runs. With a credential
  // for remoting, as the Deploy command sends when asked.
  const empty = refSeeds(plan);
  const first = checkPlanRun(plan, empty, secrets, await run(empty, { credential: true }), true);
  for (const step of plan.steps) {
    const outcome = first.outcomes.get(step.id);
    if (outcome === 'skip' && step.probe?.doneWhen !== 'notFound') {
      first.problems.push(`${step.id}: skipped although nothing exists yet`);
    }
  }
  report.add(
    `${tag}${file}: a first run calls every step's cmdlet with the plan's parameters`,
    first.problems,
    first.notVerified,
  );

  // Everything exists: every step with a probe is skipped.
  const found = probesFoundState(plan, secrets);
  const second = checkPlanRun(plan, found, secrets, await run(found));
  for (const [id, outcome] of expectedOutcomes(plan, found, secrets)) {
    const step = plan.steps.find((candidate) => candidate.id === id)!;
    if (step.probe && outcome === 'run')
      second.problems.push(`${id}: the test could not build a state in which it is done`);
    if (step.probe && second.outcomes.has(id) && second.outcomes.get(id) !== 'skip') {
      second.problems.push(`${id}: not skipped although its probe finds it done`);
    }
  }
  report.add(
    `${tag}${file}: a second run, with everything done, skips every step with a probe`,
    second.problems,
    second.notVerified,
  );

  // The objects a step sets exist, not yet as the step wants them.
  const toSet = setState(plan, secrets);
  if (toSet) {
    const third = checkPlanRun(plan, toSet, secrets, await run(toSet));
    report.add(
      `${tag}${file}: a step's set changes the object its cmdlet returned`,
      third.problems,
      third.notVerified,
    );
  }

  report.add(
    `${tag}${file}: -WhatIf reports what would run and calls only reading cmdlets`,
    checkWhatIfRun(plan, empty, secrets, await run(empty, { whatIf: true })),
  );
}

async function checkShell(executable: string, work: string, report: Report): Promise<void> {
  const common: Common = { executable, ...writeStubs(work) };
  const tag = `[${path.basename(executable)}] `;
  const plans = readdirSync(plansFolder)
    .filter((name) => name.endsWith('.plan.json'))
    .sort();
  if (plans.length === 0) report.add(`${tag}golden plans`, [`no *.plan.json in ${plansFolder}`]);
  for (const file of plans) await checkPlan(common, work, file, report, tag);

  const inventoryName = `${tag}Get-GclusterInventory.ps1 reads the simulated cluster`;
  let state: StubState | undefined;
  try {
    state = inventoryState(simulatedInventory);
  } catch (error) {
    report.add(inventoryName, [`no stub state for test/fixtures/simulatedCluster.ts: ${String(error)}`]);
  }
  if (state) {
    const inventoryRecord = await runWithStubs({
      ...common,
      script: path.join(scripts, 'Get-GclusterInventory.ps1'),
      args: { ClusterName: simulatedInventory.cluster.name },
      state,
      // The inspector reads a credential for the guests as Live Clusters sends it.
      stdin: JSON.stringify({ credential }),
      folder: path.join(work, 'runs', 'inventory'),
    });
    report.add(inventoryName, checkInventoryRun(inventoryRecord, simulatedInventory, true));
  }

  const hosts = ['HV01', 'HV02'];
  const prerequisitesRecord = await runWithStubs({
    ...common,
    script: path.join(scripts, 'Test-GclusterPrerequisites.ps1'),
    args: { HostNames: hosts.join(',') },
    state: {},
    folder: path.join(work, 'runs', 'prerequisites'),
  });
  report.add(
    `${tag}Test-GclusterPrerequisites.ps1 prints its checks`,
    checkPrerequisitesRun(prerequisitesRecord, hosts),
  );
}

async function main(): Promise<number> {
  const shells = findPowerShells();
  if (shells.length === 0) {
    const names = process.platform === 'win32' ? 'pwsh.exe or powershell.exe' : 'pwsh';
    console.log(
      `The PowerShell scripts need PowerShell to run, and this machine has none (no ${names} on the PATH).`,
    );
    console.log('SKIPPED: nothing was run, so nothing about the scripts was checked.');
    return 0;
  }
  const report = new Report();
  const work = mkdtempSync(path.join(os.tmpdir(), 'gcluster-pwsh-'));
  for (const [index, shell] of shells.entries()) {
    console.log(`# ${shell}`);
    await checkShell(shell, path.join(work, String(index)), report);
  }
  console.log(
    `# ${report.passed} passed, ${report.failed} failed, ${report.notVerified.length} not verified`,
  );
  if (report.notVerified.length > 0) {
    console.log('# Not verified means the executor stopped at a value it finds while deploying: see above.');
  }
  if (report.failed > 0) {
    console.log(`# The scripts' output, the call logs and the stub states are kept in ${work}`);
    return 1;
  }
  rmSync(work, { recursive: true, force: true });
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);
