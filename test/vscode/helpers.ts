/** Helpers for suites that run inside VS Code against the real `vscode` API. */
import * as vscode from 'vscode';

export const extensionId = 'gcluster.gcluster';

/** The example that produces a diagnostic of most rules, STOR001 among them. */
export const brokenExample = 'broken.gcluster.yaml';

/** A file of the workspace folder the window has open (a temporary copy of examples/). */
export function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('The window has no workspace folder: start VS Code on a copy of examples/.');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

export async function openWorkspaceFile(relative: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(relative));
  return vscode.window.showTextDocument(document, { preview: false });
}

/** The product extension, activated; its exports are whatever `activate` returned. */
export async function activateProduct(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(extensionId);
  if (!extension) throw new Error(`The extension ${extensionId} is not installed in this VS Code.`);
  await extension.activate();
  return extension;
}

/** The rule id of a diagnostic: `code` is a string, or `{ value, target }` when the rule has a documentation link. */
export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  if (code === undefined) return '';
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** The diagnostics the gcluster language server published for a file. */
export function gclusterDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'gcluster');
}

/** Resolves with the file's gcluster diagnostics as soon as `accept` holds for them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean = (diagnostics) => diagnostics.length > 0,
  timeoutMs = 30_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const diagnostics = gclusterDiagnostics(uri);
      if (!accept(diagnostics)) return false;
      subscription.dispose();
      clearTimeout(timer);
      resolve(diagnostics);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      const seen = gclusterDiagnostics(uri).map(codeOf);
      reject(new Error(`No matching diagnostics for ${uri.fsPath} after ${timeoutMs} ms; codes: [${seen}]`));
    }, timeoutMs);
    check();
  });
}

/** Retries `probe` until it returns something other than undefined. */
export async function eventually<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The position of the `occurrence`-th (from 0) appearance of `needle` in the document. */
export function positionOf(document: vscode.TextDocument, needle: string, occurrence = 0): vscode.Position {
  let offset = -1;
  for (let i = 0; i <= occurrence; i++) {
    offset = document.getText().indexOf(needle, offset + 1);
    if (offset < 0)
      throw new Error(`'${needle}' occurs fewer than ${occurrence + 1} times in ${document.uri}`);
  }
  return document.positionAt(offset);
}

/** The text of a hover's contents, whichever of the content shapes it uses. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

export function completionLabel(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}
