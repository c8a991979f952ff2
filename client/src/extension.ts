import * as path from 'node:path';
import { workspace, type ExtensionContext } from 'vscode';
import { serverExecArgv } from '../../server/src/protocol';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** Starts the language server for `.gcluster.yaml` files. The full client comes later; this only wires the server. */
export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...serverExecArgv] } },
    debug: {
      module,
      transport: TransportKind.ipc,
      options: { execArgv: [...serverExecArgv, '--nolazy', '--inspect=6009'] },
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'gcluster' },
      { scheme: 'file', pattern: '**/*.gcluster.yaml' },
      { scheme: 'untitled', language: 'gcluster' },
    ],
    // The server indexes every definition in the workspace; it hears of changes on disk from here.
    synchronize: {
      configurationSection: 'gcluster',
      fileEvents: workspace.createFileSystemWatcher('**/*.gcluster.yaml'),
    },
  };
  client = new LanguageClient('gcluster', 'Guest Cluster Language Server', serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
