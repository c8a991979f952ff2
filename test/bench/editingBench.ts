import {
  CompletionRequest,
  HoverRequest,
  RenameRequest,
  type CompletionList,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ServerProcess } from '../lsp/serverProcess';
import { generateDefinition } from './generate';
import { measureAsync, ms, summarize, type Summary } from './stats';

interface EditingRow {
  readonly vms: number;
  readonly completion: Summary;
  readonly completionItems: number;
  readonly hover: Summary;
  readonly rename: Summary;
  readonly renameEdits: number;
}

/**
 * Completion, hover and rename latency through the real server, from sending the request to
 * receiving the answer, on a definition that is open and validated. Completion is asked for at
 * a key position in the last VM (the cursor's context is read from the lines above it), hover
 * on a key of the last VM, and rename of a shared disk that every VM attaches.
 */
export async function benchEditing(sizes: readonly { vms: number; runs: number }[]): Promise<string> {
  const rows: EditingRow[] = [];
  for (const { vms, runs } of sizes) {
    const text = generateDefinition(vms).replace(
      /(\n {4}processors: 4)(?![\s\S]*\n {4}processors: 4)/,
      '$1\n    ',
    );
    const document = TextDocument.create('file:///bench/editing.gcluster.yaml', 'gcluster', 1, text);
    const server = (await ServerProcess.start()).server;
    const uri = document.uri;
    await server.open(uri, text);
    const lastVm = text.lastIndexOf('  - name: SQLVM');
    const keyPosition = document.positionAt(text.indexOf('\n    \n', lastVm) + 5);
    const hoverPosition = document.positionAt(text.indexOf('processors', lastVm) + 3);
    const renamePosition = document.positionAt(text.indexOf('{ name: TempDb') + '{ name: Te'.length);
    let completionItems = 0;
    const completion = summarize(
      await measureAsync(runs, async () => {
        const list = (await server.connection.sendRequest(CompletionRequest.type, {
          textDocument: { uri },
          position: keyPosition,
        })) as CompletionList;
        completionItems = list.items.length;
      }),
    );
    const hover = summarize(
      await measureAsync(runs, async () => {
        await server.connection.sendRequest(HoverRequest.type, {
          textDocument: { uri },
          position: hoverPosition,
        });
      }),
    );
    let renameEdits = 0;
    const rename = summarize(
      await measureAsync(Math.min(runs, 20), async () => {
        const edit = (await server.connection.sendRequest(RenameRequest.type, {
          textDocument: { uri },
          position: renamePosition,
          newName: 'Scratch',
        })) as WorkspaceEdit;
        renameEdits = edit.changes?.[uri]?.length ?? 0;
      }),
    );
    await server.stop();
    rows.push({ vms, completion, completionItems, hover, rename, renameEdits });
    process.stdout.write(`measured editing at ${vms} VMs\n`);
  }
  return [
    '| VMs | completion median / p95 (items) | hover median / p95 | rename of a disk every VM attaches median / p95 (edits) |',
    '|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.vms} | ${ms(r.completion.median)} / ${ms(r.completion.p95)} ms (${r.completionItems}) | ${ms(r.hover.median)} / ${ms(r.hover.p95)} ms | ${ms(r.rename.median)} / ${ms(r.rename.p95)} ms (${r.renameEdits}) |`,
    ),
  ].join('\n');
}
