import { fork, spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { serverExecArgv } from '../../server/src/protocol';
import {
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

export type Transport = 'stdio' | 'ipc';

export const serverPath = path.resolve(__dirname, '..', '..', '..', 'dist', 'server.js');

/**
 * The real language server in its own process, spoken to over stdio or Node IPC with the LSP
 * library a client uses. Settings are answered from `settings` whenever the server asks for them.
 */
export class ServerProcess {
  readonly child: ChildProcess;
  readonly connection: ProtocolConnection;
  settings: Record<string, unknown> = {};
  stderr = '';
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: {
    uri: string;
    accept: (p: PublishDiagnosticsParams) => boolean;
    resolve: (p: PublishDiagnosticsParams) => void;
  }[] = [];

  private constructor(transport: Transport) {
    if (transport === 'ipc') {
      // As VS Code starts it: a forked Node process that speaks LSP over Node's IPC channel.
      this.child = fork(serverPath, ['--node-ipc'], {
        execArgv: [...serverExecArgv],
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      this.connection = createProtocolConnection(
        new IPCMessageReader(this.child),
        new IPCMessageWriter(this.child),
      );
    } else {
      this.child = spawn(process.execPath, [...serverExecArgv, serverPath, '--stdio'], { stdio: 'pipe' });
      this.connection = createProtocolConnection(
        new StreamMessageReader(this.child.stdout!),
        new StreamMessageWriter(this.child.stdin!),
      );
    }
    this.child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => this.settings));
    this.connection.onNotification(LogMessageNotification.type, (params) => {
      this.logs.push(params.message);
      for (const waiter of [...this.logWaiters]) {
        if (waiter.accept(params.message)) {
          this.logWaiters.splice(this.logWaiters.indexOf(waiter), 1);
          waiter.resolve(params.message);
        }
      }
    });
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.latest.set(params.uri, params);
      this.publishCount.set(params.uri, (this.publishCount.get(params.uri) ?? 0) + 1);
      for (const waiter of [...this.waiters]) {
        if (waiter.uri === params.uri && waiter.accept(params)) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve(params);
        }
      }
    });
    this.connection.listen();
  }

  static async start(
    settings: Record<string, unknown> = {},
    options: {
      transport?: Transport;
      pullsConfiguration?: boolean;
      workspaceFolders?: { uri: string; name: string }[];
    } = {},
  ): Promise<{ server: ServerProcess; result: InitializeResult }> {
    const server = new ServerProcess(options.transport ?? 'stdio');
    server.settings = settings;
    const pulls = options.pullsConfiguration ?? true;
    const result = await server.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        workspace: {
          configuration: pulls,
          didChangeConfiguration: { dynamicRegistration: false },
          workspaceFolders: options.workspaceFolders !== undefined,
        },
      },
      workspaceFolders: options.workspaceFolders ?? null,
      // A client that cannot be asked for settings passes them at start and on every change.
      ...(pulls ? {} : { initializationOptions: { settings } }),
    });
    await server.connection.sendNotification(InitializedNotification.type, {});
    return { server, result };
  }

  /** Resolves with the next diagnostics for `uri` that `accept` takes; rejects after `timeoutMs`. */
  nextDiagnostics(
    uri: string,
    accept: (p: PublishDiagnosticsParams) => boolean = () => true,
    timeoutMs = 10000,
  ): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr}`),
          ),
        timeoutMs,
      );
      this.waiters.push({
        uri,
        accept,
        resolve: (params) => {
          clearTimeout(timer);
          resolve(params);
        },
      });
    });
  }

  private readonly opened = new Set<string>();
  /** How many times diagnostics were published for each URI. */
  readonly publishCount = new Map<string, number>();
  readonly logs: string[] = [];
  private readonly logWaiters: {
    accept: (message: string) => boolean;
    resolve: (message: string) => void;
  }[] = [];

  /** Resolves with the first log message (already logged or to come) that `accept` takes. */
  nextLog(accept: (message: string) => boolean, timeoutMs = 60000): Promise<string> {
    const logged = this.logs.find(accept);
    if (logged !== undefined) return Promise.resolve(logged);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no such log message')), timeoutMs);
      this.logWaiters.push({
        accept,
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message);
        },
      });
    });
  }

  /**
   * Closes every document the test opened. Open definitions are part of the workspace and are
   * compared with each other (WKS001–WKS003), so tests that reuse the same text close theirs.
   */
  async closeAll(): Promise<void> {
    for (const uri of [...this.opened]) await this.close(uri);
  }

  async open(uri: string, text: string, version = 1): Promise<Diagnostic[]> {
    this.opened.add(uri);
    const published = this.nextDiagnostics(uri, (p) => p.version === version);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'gcluster', version, text },
    });
    return (await published).diagnostics;
  }

  async change(
    uri: string,
    version: number,
    changes: TextDocumentContentChangeEvent[],
  ): Promise<Diagnostic[]> {
    const published = this.nextDiagnostics(uri, (p) => p.version === version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes,
    });
    return (await published).diagnostics;
  }

  async close(uri: string): Promise<Diagnostic[]> {
    this.opened.delete(uri);
    const published = this.nextDiagnostics(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    return (await published).diagnostics;
  }

  /** Changes the settings and tells the server, as VS Code does when the user edits them. */
  async configure(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { gcluster: settings },
    });
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // The process may already be gone; killing it below is enough.
    }
    this.connection.dispose();
    this.child.kill();
  }
}
