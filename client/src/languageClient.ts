import type { ExtensionContext, LogOutputChannel } from 'vscode';
import { FileType, workspace } from 'vscode';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { serverExecArgv } from '../../server/src/protocol';

/** The documents the server handles: the language, and the file pattern for editors that guessed another. */
export const definitionSelector = [
  { language: 'gcluster' },
  { scheme: 'file', pattern: '**/*.gcluster.yaml' },
  { scheme: 'untitled', language: 'gcluster' },
];

/** The language server over IPC, logging to the extension's own channel. */
export function createLanguageClient(context: ExtensionContext, output: LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...serverExecArgv] } },
    debug: {
      module,
      transport: TransportKind.ipc,
      options: { execArgv: [...serverExecArgv, '--nolazy', '--inspect=6009'] },
    },
  };
  const watchers = [
    workspace.createFileSystemWatcher('**/*.gcluster.yaml'),
    workspace.createFileSystemWatcher('**/*', true, true, false),
  ];
  context.subscriptions.push(...watchers);
  const clientOptions: LanguageClientOptions = {
    documentSelector: definitionSelector,
    outputChannel: output,
    // The server indexes every definition in the workspace; it hears of changes on disk from here.
    // A deleted folder is one event for the folder, so deletions of anything are passed on too.
    synchronize: {
      configurationSection: 'gcluster',
      fileEvents: watchers,
    },
  };
  const client = new LanguageClient(
    'gcluster',
    'Guest Cluster Language Server',
    serverOptions,
    clientOptions,
  );
  // A folder copied or moved in may come as one event for the folder, none for the files in it:
  // the server is told of created folders (only folders), and reads the definitions inside.
  const folders = workspace.createFileSystemWatcher('**/*', false, true, true);
  context.subscriptions.push(
    folders,
    folders.onDidCreate(async (uri) => {
      if (uri.path.toLowerCase().endsWith('.gcluster.yaml') || !client.isRunning()) return;
      try {
        if ((await workspace.fs.stat(uri)).type !== FileType.Directory) return;
      } catch {
        return;
      }
      await client.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: uri.toString(), type: FileChangeType.Created }],
      });
    }),
  );
  return client;
}
