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
import type { FailureHighlight } from '../../../server/src/protocol';
import type { Logger } from '../logger';
import type { DefinitionsSource } from '../definitions/definitionsSource';
import { parseFromWebview, type ToWebview } from './messages';
import { openPagePanel } from '../webviewPanel';

export const topologyViewType = 'gcluster.topology';

/**
 * Topology views beside the editor, one per definition, redrawn as the server reports the
 * definition changed (that is, as the user types).
 */
export class TopologyPanels implements Disposable {
  private readonly panels = new Map<string, WebviewPanel>();
  /** Each panel's first drawing, awaited before another webview opens beside it. */
  private readonly drawn = new Map<string, { promise: Promise<void>; resolve: () => void }>();
  /** The failure each panel marks, sent again after every redraw. */
  private readonly highlights = new Map<string, FailureHighlight | undefined>();
  private readonly subscription: Disposable;

  constructor(
    private readonly context: ExtensionContext,
    private readonly source: DefinitionsSource,
    private readonly log: Logger,
  ) {
    this.subscription = source.onDidChange((uris) => {
      const changed = uris === 'all' ? undefined : new Set(uris.map(sameSpelling));
      for (const uri of this.panels.keys()) if (!changed || changed.has(uri)) void this.update(uri);
    });
  }

  /** Opens (or brings forward) the Topology view of a definition, beside the editor or in `column`. */
  show(target: string, column?: ViewColumn): WebviewPanel {
    const uri = sameSpelling(target);
    const open = this.panels.get(uri);
    if (open) {
      open.reveal(column, true);
      return open;
    }
    const panel = openPagePanel(this.context, {
      viewType: topologyViewType,
      title: `Topology: ${fileName(uri)}`,
      page: 'topology',
      pageTitle: 'Topology',
      ...(column ? { column } : {}),
    });
    panel.iconPath = Uri.joinPath(this.context.extensionUri, 'client', 'language', 'gcluster-file.svg');
    panel.webview.onDidReceiveMessage((raw: unknown) => {
      const message = parseFromWebview(raw);
      if (message?.type === 'ready') void this.update(uri);
      else if (message?.type === 'reveal') {
        reveal(uri, message.range).catch((error: unknown) =>
          this.log.warn(
            `Could not show the definition: ${error instanceof Error ? error.message : String(error)}`,
          ),
        );
      }
    });
    let resolve: () => void = () => undefined;
    const promise = new Promise<void>((done) => (resolve = done));
    this.drawn.set(uri, { promise, resolve });
    panel.onDidDispose(() => {
      this.panels.delete(uri);
      this.highlights.delete(uri);
      this.drawn.get(uri)?.resolve();
      this.drawn.delete(uri);
    });
    this.panels.set(uri, panel);
    return panel;
  }

  /**
   * Resolves once a definition's Topology view has drawn (or after `timeoutMs`): a webview that is
   * still loading when another opens beside it can stay blank in some hosts.
   */
  async whenDrawn(target: string, timeoutMs = 5000): Promise<void> {
    const waiting = this.drawn.get(sameSpelling(target))?.promise;
    if (!waiting) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([waiting, new Promise<void>((done) => (timer = setTimeout(done, timeoutMs)))]);
    clearTimeout(timer);
  }

  /** Marks what a failure takes down in a definition's Topology view (which must be open). */
  highlight(target: string, highlight: FailureHighlight | undefined): void {
    const uri = sameSpelling(target);
    this.highlights.set(uri, highlight);
    void this.panels.get(uri)?.webview.postMessage({ type: 'highlight', highlight } satisfies ToWebview);
  }

  private async update(uri: string): Promise<void> {
    const panel = this.panels.get(uri);
    if (!panel) return;
    try {
      const fetched = await this.source.fetch([uri]);
      if (!fetched) return; // the server is restarting; it says when it is back
      const [overview] = fetched;
      const message: ToWebview = overview
        ? { type: 'overview', overview, fileName: fileName(uri) }
        : { type: 'gone', fileName: fileName(uri) };
      panel.title = `Topology: ${overview?.name ?? fileName(uri)}`;
      await panel.webview.postMessage(message);
      this.drawn.get(uri)?.resolve();
      if (this.highlights.has(uri)) {
        await panel.webview.postMessage({
          type: 'highlight',
          highlight: this.highlights.get(uri),
        } satisfies ToWebview);
      }
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

/**
 * One spelling of a URI for both sides: the editor writes `file:///c%3A/…`, the server
 * `file:///c:/…`; parsed and printed by VS Code, both read the same.
 */
function sameSpelling(uri: string): string {
  return Uri.parse(uri).toString();
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.split('/').pop() ?? uri);
}
