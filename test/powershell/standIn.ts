/**
 * A test double for PowerShell: a small Node program that the runner tests put first on the PATH
 * as `pwsh`. It accepts PowerShell's command line (`-NoLogo -NoProfile -NonInteractive
 * -ExecutionPolicy Bypass -File <script> …`) and, by the script's file name, answers as a script
 * would: it proves the runner (arguments, input, output, time-outs, cancelling), not any `.ps1`.
 *
 * - `echo.ps1`: one JSON line with the exact arguments and the standard input it received.
 * - `steps.ps1`: a started and a done event per step for `-Steps <n>`, a line that is not JSON,
 *   then a result; exits with `-ExitCode <n>` (default 0).
 * - `hang.ps1`: starts a child process that runs forever, reports both process ids, and waits.
 * - `Invoke-GclusterPlan.ps1`: the executor's protocol over a simulated cluster kept in the JSON
 *   file named by GCLUSTER_STAND_IN_STATE (`{ "done": [step ids], "failAt": id, "delayMs": n }`):
 *   a step already done is skipped, any other is started and done (and recorded), `failAt` fails,
 *   `-WhatIf` reports what would run and changes nothing. It also records the secrets it was given.
 * - `Get-GclusterInventory.ps1`: the inventory of the simulated cluster in GCLUSTER_STAND_IN_INVENTORY
 *   (a JSON file) for `-ClusterName`, or the error a missing cluster gives; each run is counted
 *   in that file's `runs`. With `guestAuth` there, the guests refuse remoting ("Access is denied")
 *   unless standard input brings that credential.
 * - `Test-GclusterPrerequisites.ps1`: the checker's protocol, from a simulated machine: the modules
 *   are there, the session is not elevated, and a host named `unreachable` refuses remoting.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const argv = process.argv.slice(2);
const fileIndex = argv.indexOf('-File');
const script = fileIndex >= 0 ? path.basename(argv[fileIndex + 1] ?? '') : '';
const scriptArgs = fileIndex >= 0 ? argv.slice(fileIndex + 2) : [];
const option = (name: string) => {
  const index = scriptArgs.indexOf(`-${name}`);
  return index >= 0 ? scriptArgs[index + 1] : undefined;
};
const write = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

async function readInput(): Promise<string> {
  let input = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) input += String(chunk);
  return input;
}

async function main(): Promise<void> {
  switch (script) {
    case 'echo.ps1':
      write({ type: 'echo', argv, input: await readInput() });
      return;
    case 'steps.ps1': {
      const steps = Number(option('Steps') ?? '2');
      for (let i = 1; i <= steps; i++) {
        write({ type: 'started', step: `s${i}` });
        write({ type: 'done', step: `s${i}` });
      }
      process.stdout.write('WARNING: a line that is not JSON\r\n');
      write({ type: 'result', steps });
      process.stderr.write('a message on the error stream\n');
      process.exitCode = Number(option('ExitCode') ?? '0');
      return;
    }
    case 'hang.ps1': {
      const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      write({ type: 'started', pid: process.pid, childPid: child.pid });
      setInterval(() => undefined, 1000);
      return;
    }
    case 'Get-GclusterInventory.ps1': {
      const file = process.env.GCLUSTER_STAND_IN_INVENTORY ?? '';
      const simulated = JSON.parse(readFileSync(file, 'utf8')) as {
        runs?: number;
        /** The user the guests let in; without it (or with another), they refuse remoting. */
        guestAuth?: { userName: string; password: string };
        credentialUser?: string;
        inventory: {
          cluster: { name: string };
          guestClusters?: { reachedThrough?: string; vms?: string[] }[];
        };
      };
      const given = JSON.parse((await readInput()) || '{}') as {
        credential?: { userName: string; password: string };
      };
      simulated.runs = (simulated.runs ?? 0) + 1;
      if (given.credential) simulated.credentialUser = given.credential.userName;
      writeFileSync(file, JSON.stringify(simulated));
      const auth = simulated.guestAuth;
      if (
        auth &&
        (given.credential?.userName !== auth.userName || given.credential.password !== auth.password)
      ) {
        simulated.inventory.guestClusters = (simulated.inventory.guestClusters ?? []).map((guest) => ({
          vms: guest.vms ?? [guest.reachedThrough ?? ''],
          error: `Connecting to remote server ${guest.reachedThrough ?? ''} failed: Access is denied.`,
        }));
      }
      if (simulated.inventory.cluster.name.toLowerCase() !== (option('ClusterName') ?? '').toLowerCase()) {
        process.stderr.write(
          `Get-Cluster : The cluster service is not running on '${option('ClusterName') ?? ''}'.\n`,
        );
        process.exitCode = 1;
        return;
      }
      write({ type: 'inventory', inventory: simulated.inventory });
      return;
    }
    case 'Test-GclusterPrerequisites.ps1': {
      const check = (name: string, passed: boolean, detail: string, fix: string) =>
        write({ type: 'check', name, passed, detail, fix });
      check('PowerShell', true, 'PowerShell 7.4.6', '');
      check('Hyper-V module', true, 'version 2.0.0.0', '');
      check('FailoverClusters module', true, 'version 2.0.0.0', '');
      check('Elevation', false, 'not elevated', 'Run VS Code as administrator.');
      for (const host of (option('HostNames') ?? '').split(',').filter((h) => h !== '')) {
        const reachable = host !== 'unreachable';
        check(
          `Remoting to ${host}`,
          reachable,
          reachable ? 'PowerShell 5.1 there' : 'WinRM cannot complete the operation.',
          reachable ? '' : 'Run Enable-PSRemoting on the host.',
        );
      }
      write({ type: 'result' });
      return;
    }
    case 'Invoke-GclusterPlan.ps1':
      await executor();
      return;
    default:
      process.stderr.write(`The stand-in does not know the script '${script}'.\n`);
      process.exitCode = 2;
  }
}

interface SimulatedCluster {
  done: string[];
  failAt?: string;
  delayMs?: number;
  secrets?: unknown;
  /** The user name of the credential the executor was given (the password is not kept). */
  credentialUser?: string;
}

async function executor(): Promise<void> {
  const stateFile = process.env.GCLUSTER_STAND_IN_STATE ?? '';
  const state = JSON.parse(readFileSync(stateFile, 'utf8')) as SimulatedCluster;
  const plan = JSON.parse(readFileSync(option('PlanPath') ?? '', 'utf8')) as {
    steps: { id: string; title: string; optional?: boolean }[];
  };
  const whatIf = scriptArgs.includes('-WhatIf');
  const given = JSON.parse((await readInput()) || '{}') as {
    secrets?: unknown;
    credential?: { userName: string };
  };
  state.secrets = given.secrets ?? {};
  if (given.credential) state.credentialUser = given.credential.userName;
  const save = () => writeFileSync(stateFile, JSON.stringify(state));
  let done = 0;
  let skipped = 0;
  for (const step of plan.steps) {
    if (state.done.includes(step.id)) {
      skipped++;
      write({ type: 'skipped', step: step.id, title: step.title });
      continue;
    }
    if (whatIf) {
      write({ type: 'wouldRun', step: step.id, title: step.title });
      continue;
    }
    write({ type: 'started', step: step.id, title: step.title });
    if (state.delayMs) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
    if (state.failAt === step.id && step.optional) {
      // As the executor does: a failed check is reported, and the deployment goes on.
      write({
        type: 'warning',
        step: step.id,
        title: step.title,
        message: 'The simulated check found a problem.',
      });
      continue;
    }
    if (state.failAt === step.id) {
      save();
      write({
        type: 'error',
        step: step.id,
        title: step.title,
        message: 'The simulated host refused the step.',
      });
      process.exitCode = 1;
      return;
    }
    state.done.push(step.id);
    save();
    done++;
    write({ type: 'done', step: step.id, title: step.title });
  }
  save();
  write({ type: 'result', done, skipped, whatIf });
}

void main();
