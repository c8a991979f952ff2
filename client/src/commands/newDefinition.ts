import { Uri, window, workspace, type QuickPickItem } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  NewDefinitionRequest,
  type NewDefinitionParams,
  type NewDefinitionResult,
} from '../../../server/src/protocol';

/** What a caller (a walkthrough link, a test) may answer in advance; the rest is asked. */
export type NewDefinitionArgs = Partial<NewDefinitionParams> & { readonly folder?: string };

const nodeChoices = [2, 3, 4, 5, 6, 8];

/**
 * "New Definition": asks for the guest cluster's name, node count and storage kind, has the
 * server write a definition that validates cleanly, saves it in the workspace folder as
 * `<name>.gcluster.yaml` (never over an existing file) and opens it.
 * Returns the file written, or undefined when the user cancelled.
 */
export async function newDefinition(
  client: LanguageClient,
  args: NewDefinitionArgs = {},
): Promise<Uri | undefined> {
  const ask = (params: NewDefinitionParams) =>
    client.sendRequest<NewDefinitionResult>(NewDefinitionRequest.method, params);
  const name =
    args.name ??
    (await window.showInputBox({
      title: 'New Guest Cluster Definition (1/3)',
      prompt: 'The guest cluster name: a computer name in Active Directory',
      placeHolder: 'SQLCLUS01',
      ignoreFocusOut: true,
      validateInput: async (value) => {
        const result = await ask({ name: value, guestNodes: 2, storage: 'csv' });
        return 'errors' in result ? result.errors.find((e) => e.field === 'name')?.message : undefined;
      },
    }));
  if (name === undefined) return undefined;
  const guestNodes = args.guestNodes ?? (await pickNodeCount());
  if (guestNodes === undefined) return undefined;
  const storage = args.storage ?? (await pickStorage());
  if (storage === undefined) return undefined;

  const result = await ask({ name, guestNodes, storage });
  if ('errors' in result) {
    void window.showErrorMessage(
      `Cannot create the definition: ${result.errors.map((e) => e.message).join(' ')}`,
    );
    return undefined;
  }
  const target = await targetFile(name.trim(), args.folder);
  if (!target) return undefined;
  await workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
  await window.showTextDocument(target);
  return target;
}

async function pickNodeCount(): Promise<number | undefined> {
  const items: (QuickPickItem & { count: number })[] = nodeChoices.map((count) => ({
    label: `${count} guest nodes`,
    description: `on ${count + 1} Hyper-V hosts`,
    count,
  }));
  const picked = await window.showQuickPick(items, {
    title: 'New Guest Cluster Definition (2/3)',
    placeHolder: 'How many VMs form the guest cluster?',
    ignoreFocusOut: true,
  });
  return picked?.count;
}

async function pickStorage(): Promise<'csv' | 'sofs' | undefined> {
  const items: (QuickPickItem & { storage: 'csv' | 'sofs' })[] = [
    {
      label: 'Cluster Shared Volumes',
      description: 'C:\\ClusterStorage\\…',
      detail: 'The shared disks live on a CSV of the host cluster.',
      storage: 'csv',
    },
    {
      label: 'Scale-Out File Server',
      description: '\\\\SOFS01\\VMStore',
      detail: 'The shared disks live on an SMB 3.0 share of a Scale-Out File Server.',
      storage: 'sofs',
    },
  ];
  const picked = await window.showQuickPick(items, {
    title: 'New Guest Cluster Definition (3/3)',
    placeHolder: 'Where do the shared disks live?',
    ignoreFocusOut: true,
  });
  return picked?.storage;
}

/**
 * `<name>.gcluster.yaml` in the workspace folder (the given one, the only one, or the one the
 * user picks), numbered if that name is taken; a save dialog when no folder is open.
 */
async function targetFile(name: string, folderPath: string | undefined): Promise<Uri | undefined> {
  const base = name.toLowerCase();
  const folders = workspace.workspaceFolders ?? [];
  const folder = folderPath
    ? Uri.file(folderPath)
    : folders.length === 1
      ? folders[0]!.uri
      : folders.length > 1
        ? (await window.showWorkspaceFolderPick({ placeHolder: 'Where should the definition go?' }))?.uri
        : undefined;
  if (!folder) {
    if (folders.length > 1) return undefined;
    return window.showSaveDialog({
      title: 'Save the guest cluster definition',
      saveLabel: 'Create',
      filters: { 'Guest cluster definition': ['gcluster.yaml'] },
    });
  }
  for (let n = 1; ; n++) {
    const candidate = Uri.joinPath(folder, n === 1 ? `${base}.gcluster.yaml` : `${base}-${n}.gcluster.yaml`);
    if (!(await exists(candidate))) return candidate;
  }
}

async function exists(uri: Uri): Promise<boolean> {
  try {
    await workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
