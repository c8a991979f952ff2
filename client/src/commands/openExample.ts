import { Uri, window, workspace, type ExtensionContext, type QuickPickItem } from 'vscode';

/** The examples shipped with the extension, in the order a newcomer should read them. */
export const examples = [
  {
    file: 'sql-csv-2012r2.gcluster.yaml',
    label: 'SQL Server on Cluster Shared Volumes',
    detail: 'Two SQL Server VMs on shared VHDX files, Windows Server 2012 R2 hosts',
  },
  {
    file: 'fileserver-sofs-2016.gcluster.yaml',
    label: 'File server on a Scale-Out File Server',
    detail: 'Three file server VMs on VHD Sets, Windows Server 2016',
  },
  {
    file: 'broken.gcluster.yaml',
    label: 'Common mistakes',
    detail: 'A definition with the problems this extension catches, to try the quick fixes on',
  },
] as const;

/**
 * "Open Example": an example as a new untitled definition, so that the user can edit it freely
 * and save it where they like; the shipped file is never changed.
 */
export async function openExample(context: ExtensionContext, file?: unknown): Promise<Uri | undefined> {
  let chosen = examples.find((example) => example.file === file);
  if (!chosen) {
    const items: (QuickPickItem & { example: (typeof examples)[number] })[] = examples.map((example) => ({
      label: example.label,
      detail: example.detail,
      example,
    }));
    chosen = (await window.showQuickPick(items, { title: 'Open a Guest Cluster Example' }))?.example;
  }
  if (!chosen) return undefined;
  const source = Uri.joinPath(context.extensionUri, 'examples', chosen.file);
  const content = new TextDecoder().decode(await workspace.fs.readFile(source));
  const document = await workspace.openTextDocument({ language: 'gcluster', content });
  await window.showTextDocument(document);
  return document.uri;
}
