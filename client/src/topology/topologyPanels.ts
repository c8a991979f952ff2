import { randomBytes } from 'node:crypto';
import {
  Range,
  Selection,
  Uri,
  ViewColumn,
  window,
  workspace,
  type Disposable,
  type ExtensionContext,
  type WebviewPanel,
} from 'vscode';
import type { Logger } from '../logger';
import type { DefinitionsSource } from '../definitions/definitionsSource';
import { parseFromWebview, type ToWebview } from './messages';
import { makeNonce, topologyHtml } from './topologyHtml';

export const topologyViewType = 'gcluster.topology';

/**
 * Topology views beside the editor, one per definition, redrawn as the server reports the
 * definition changed (that is, as the user types).
 */
export class TopologyPanels implements Disposable {
  private readonly panels = new Map<string, WebviewPanel>();
  private readonly subscription: Disposable;

  constructor(
    private readonly context: ExtensionContext,
    private readonly source: DefinitionsSource,
    private readonly log: Logger,
  ) {
    this.subscription = source.onDidChange((uris) => {
      for (const uri of this.panels.keys()) if (uris === 'all' || uris.includes(uri)) void this.update(uri);
    });
  }

  /** Opens (or brings forward) the Topology view of a definition. */
  show(uri: string): WebviewPanel {
    const open = this.panels.get(uri);
    if (open) {
      open.reveal(undefined, true);
      return open;
    }
    const media = Uri.joinPath(this.context.extensionUri, 'client', 'media');
    const dist = Uri.joinPath(this.context.extensionUri, 'dist');
    const panel = window.createWebviewPanel(
      topologyViewType,
      `Topology: ${fileName(uri)}`,
      { viewColumn: ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [media, dist] },
    );
    panel.iconPath = Uri.joinPath(this.context.extensionUri, 'client', 'language', 'gcluster-file.svg');
    const webview = panel.webview;
    webview.html = topologyHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce((size) => randomBytes(size)),
      scriptUri: webview.asWebviewUri(Uri.joinPath(dist, 'topology.js')).toString(),
      styleUri: webview.asWebviewUri(Uri.joinPath(media, 'topology.css')).toString(),
    });
    webview.onDidReceiveMessage((raw: unknown) => {
      const message = parseFromWebview(raw);
      if (message?.type === 'ready') void this.update(uri);
      else if (message?.type === 'reveal') void reveal(uri, message.range);
    });
    panel.onDidDispose(() => this.panels.delete(uri));
    this.panels.set(uri, panel);
    return panel;
  }

  private async update(uri: string): Promise<void> {
    const panel = this.panels.get(uri);
    if (!panel) return;
    try {
      const [overview] = await this.source.fetch([uri]);
      const message: ToWebview = overview
        ? { type: 'overview', overview, fileName: fileName(uri) }
        : { type: 'gone', fileName: fileName(uri) };
      if (overview?.name) panel.title = `Topology: ${overview.name}`;
      await panel.webview.postMessage(message);
    } catch (error) {
      this.log.warn(`Could not draw the topology: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  dispose(): void {
    this.subscription.dispose();
    for (const panel of this.panels.values()) panel.dispose();
  }
}

/** Shows a range of a definition in the editor, in the first column (the Topology view stays beside). */
export async function reveal(
  uri: string,
  range: { start: { line: number; character: number }; end: { line: number; character: number } } | undefined,
): Promise<void> {
  const document = await workspace.openTextDocument(Uri.parse(uri));
  const editor = await window.showTextDocument(document, {
    viewColumn: ViewColumn.One,
    preserveFocus: false,
  });
  if (!range) return;
  const selection = new Range(range.start.line, range.start.character, range.end.line, range.end.character);
  editor.selection = new Selection(selection.start, selection.end);
  editor.revealRange(selection);
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.split('/').pop() ?? uri);
}
