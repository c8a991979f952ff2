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
 */
import { spawn } from 'node:child_process';
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
    default:
      process.stderr.write(`The stand-in does not know the script '${script}'.\n`);
      process.exitCode = 2;
  }
}

void main();
