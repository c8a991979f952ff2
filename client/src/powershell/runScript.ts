import { spawn, type ChildProcess } from 'node:child_process';

/** One line of a script's output: the JSON object it wrote, or a line that was not JSON. */
export type ScriptEvent =
  { readonly [key: string]: unknown } | { readonly type: 'text'; readonly text: string };

export interface RunOptions {
  readonly executable: string;
  /** The `.ps1` file: a static script shipped with the extension. */
  readonly script: string;
  /** Arguments after `-File <script>`, e.g. `-PlanPath <file>`: data, never code. */
  readonly args: readonly string[];
  /** Written to the script's standard input, then closed (secrets travel here, never in arguments). */
  readonly input?: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly onEvent?: (event: ScriptEvent) => void;
}

export interface RunResult {
  readonly exitCode: number | null;
  readonly events: readonly ScriptEvent[];
  readonly stderr: string;
  /** Why the run stopped early: the user cancelled, or it ran out of time. */
  readonly stopped?: 'cancelled' | 'timeout';
}

/** The command line of every run: no profile, no prompts, the script as a file. */
export function powerShellArguments(script: string, args: readonly string[]): string[] {
  return ['-NoLogo', '-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', script, ...args];
}

/**
 * Runs a PowerShell script as a process of its own, spawned with an argument array (never a
 * shell string), reading one JSON object per line from its output. Cancelling or running out of
 * time ends the whole process tree, so no remote session is left running behind it.
 */
export function runScript(options: RunOptions): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = spawn(options.executable, powerShellArguments(options.script, options.args), {
        shell: false,
        windowsHide: true,
        // Its own process group on POSIX, so that the whole tree can be ended at once.
        detached: process.platform !== 'win32',
        stdio: ['pipe', 'pipe', 'pipe'],
      });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    const events: ScriptEvent[] = [];
    let stderr = '';
    let pending = '';
    let stopped: RunResult['stopped'];
    const emit = (line: string) => {
      if (line.trim() === '') return;
      const event = parseLine(line);
      events.push(event);
      options.onEvent?.(event);
    };
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      pending += chunk;
      let newline: number;
      while ((newline = pending.indexOf('\n')) >= 0) {
        emit(pending.slice(0, newline).replace(/\r$/, ''));
        pending = pending.slice(newline + 1);
      }
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      // Bounded: a script that floods its error stream must not fill the extension host's memory.
      if (stderr.length < 64 * 1024) stderr += chunk;
    });
    const stop = (why: 'cancelled' | 'timeout') => {
      if (stopped) return;
      stopped = why;
      killTree(child);
    };
    const timer = setTimeout(() => stop('timeout'), options.timeoutMs);
    const onAbort = () => stop('cancelled');
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      reject(
        error.code === 'ENOENT'
          ? new Error(
              `PowerShell was not found at ${options.executable}. Install PowerShell 7, or set gcluster.powershell.path.`,
            )
          : error,
      );
    });
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      emit(pending);
      resolve({ exitCode, events, stderr, ...(stopped ? { stopped } : {}) });
    });
    child.stdin?.on('error', () => undefined); // the script may exit before reading its input
    child.stdin?.end(options.input ?? '');
  });
}

function parseLine(line: string): ScriptEvent {
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as ScriptEvent;
  } catch {
    // not JSON: kept as text
  }
  return { type: 'text', text: line };
}

/** Ends a process and everything it started: its process group on POSIX, `taskkill /T` on Windows. */
function killTree(child: ChildProcess): void {
  if (child.pid === undefined) return;
  if (process.platform === 'win32') {
    spawn('taskkill', ['/pid', String(child.pid), '/T', '/F'], { shell: false, windowsHide: true }).on(
      'error',
      () => child.kill(),
    );
    return;
  }
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}
