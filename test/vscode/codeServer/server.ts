/** Builds, installs into and starts code-server (a real VS Code in the browser) for the tests and `npm start`. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';

/** Runs scripts/code-server-setup.sh (a few minutes once per machine, then a second) and returns the entry point. */
export function setUpCodeServer(root: string): string {
  const setup = spawnSync('bash', [path.join(root, 'scripts', 'code-server-setup.sh')], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (setup.status !== 0) throw new Error(`scripts/code-server-setup.sh failed (exit ${setup.status}).`);
  const entry = setup.stdout.trim().split('\n').pop() ?? '';
  if (!fs.existsSync(entry)) throw new Error(`code-server-setup.sh printed no entry point: '${entry}'`);
  return entry;
}

/** The folders one code-server instance keeps its state in; all under the test run's temporary folder. */
export interface Profile {
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** XDG_CONFIG_HOME and XDG_DATA_HOME, so that nothing is written under the home folder. */
  readonly xdgConfigHome: string;
  readonly xdgDataHome: string;
}

export function createProfile(base: string, extensionsDir = path.join(base, 'extensions')): Profile {
  const profile: Profile = {
    userDataDir: path.join(base, 'user-data'),
    extensionsDir,
    xdgConfigHome: path.join(base, 'xdg-config'),
    xdgDataHome: path.join(base, 'xdg-data'),
  };
  for (const dir of Object.values(profile)) fs.mkdirSync(dir, { recursive: true });
  const settings = path.join(profile.userDataDir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(settings), { recursive: true });
  const values = { 'telemetry.telemetryLevel': 'off', 'workbench.startupEditor': 'none' };
  fs.writeFileSync(settings, JSON.stringify(values, null, 2) + '\n');
  return profile;
}

/**
 * The environment of a code-server process: the profile's XDG folders, and none of the variables by
 * which an outer VS Code terminal would make `code-server` hand its arguments to that instance.
 */
function serverEnvironment(profile: Profile, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('VSCODE_') && name !== 'ELECTRON_RUN_AS_NODE') environment[name] = value;
  }
  return {
    ...environment,
    XDG_CONFIG_HOME: profile.xdgConfigHome,
    XDG_DATA_HOME: profile.xdgDataHome,
    ...extra,
  };
}

function profileArguments(profile: Profile): string[] {
  return ['--extensions-dir', profile.extensionsDir, '--user-data-dir', profile.userDataDir];
}

/** Installs a .vsix the way a user does, so that the packaged artifact is what runs. */
export function installExtension(entry: string, vsix: string, profile: Profile): void {
  const install = spawnSync(
    process.execPath,
    [entry, '--install-extension', vsix, '--force', ...profileArguments(profile)],
    { env: serverEnvironment(profile), encoding: 'utf8' },
  );
  const output = `${install.stdout}${install.stderr}`;
  if (install.status !== 0 || !/successfully installed/i.test(output))
    throw new Error(`Installing ${vsix} failed (exit ${install.status}):\n${output}`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Process groups still running, killed when this process exits however it exits. */
const running = new Set<number>();
process.on('exit', () => {
  for (const group of running) killGroup(group, 'SIGKILL');
});

/** Signal 0 only asks whether any process of the group is left. */
function killGroup(group: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-group, signal);
    return true;
  } catch {
    return false; // ESRCH: the group is gone
  }
}

export interface StartOptions {
  readonly entry: string;
  readonly port: number;
  readonly profile: Profile;
  /** The folder the window opens. */
  readonly workspace: string;
  /** Where stdout and stderr of code-server go. */
  readonly logFile: string;
  /** More environment for the server, which its extension host inherits. */
  readonly env?: Record<string, string>;
}

/** One code-server process group on 127.0.0.1, without authentication, telemetry or update checks. */
export class CodeServer {
  private exited = false;
  private exitCode: number | null = null;

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    readonly logFile: string,
  ) {
    child.once('exit', (code) => {
      this.exited = true;
      this.exitCode = code;
    });
  }

  /** Starts code-server in a session of its own (setsid), so that stop() reaches all its children. */
  static start(options: StartOptions): CodeServer {
    const log = fs.openSync(options.logFile, 'a');
    const child = spawn(
      'setsid',
      [
        process.execPath,
        options.entry,
        '--auth',
        'none',
        '--bind-addr',
        `127.0.0.1:${options.port}`,
        '--disable-telemetry',
        '--disable-update-check',
        ...profileArguments(options.profile),
        options.workspace,
      ],
      { env: serverEnvironment(options.profile, options.env), stdio: ['ignore', log, log] },
    );
    fs.closeSync(log);
    if (child.pid === undefined) throw new Error('setsid/code-server did not start.');
    // setsid runs code-server in place as the leader of a new process group: its pid is the group id.
    running.add(child.pid);
    return new CodeServer(child, options.port, options.logFile);
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Why the server is no longer usable, if it is not. */
  get failure(): string | undefined {
    return this.exited ? `code-server exited (code ${this.exitCode}); see ${this.logFile}` : undefined;
  }

  folderUrl(folder: string): string {
    return `http://127.0.0.1:${this.port}/?folder=${encodeURIComponent(folder)}`;
  }

  /** Polls /healthz until the server answers. */
  async waitUntilHealthy(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await this.healthy())) {
      if (this.failure) throw new Error(this.failure);
      if (Date.now() > deadline)
        throw new Error(`code-server did not answer /healthz within ${timeoutMs} ms.`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  private healthy(): Promise<boolean> {
    return new Promise((resolve) => {
      const request = http.get(
        { host: '127.0.0.1', port: this.port, path: '/healthz', timeout: 2000 },
        (response) => {
          response.resume();
          resolve(response.statusCode === 200);
        },
      );
      request.on('timeout', () => request.destroy());
      request.on('error', () => resolve(false));
    });
  }

  /** SIGTERM to the whole process group, SIGKILL after a grace period. */
  async stop(graceMs = 5000): Promise<void> {
    const group = this.pid;
    if (!killGroup(group, 'SIGTERM')) {
      running.delete(group);
      return;
    }
    const deadline = Date.now() + graceMs;
    while (killGroup(group, 0)) {
      if (Date.now() > deadline) {
        killGroup(group, 'SIGKILL');
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    running.delete(group);
  }
}
