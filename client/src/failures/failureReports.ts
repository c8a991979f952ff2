import {
  commands,
  EventEmitter,
  Uri,
  ViewColumn,
  window,
  workspace,
  type Disposable,
  type TextDocumentContentProvider,
} from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FailuresRequest, type FailureReport, type FailuresResult } from '../../../server/src/protocol';
import type { Logger } from '../logger';
import type { TopologyPanels } from '../topology/topologyPanels';

export const failureScheme = 'gcluster-failures';

/**
 * "Simulate failures": the failure table of a definition as a read-only Markdown document (shown
 * in the Markdown preview), and the worst single failure highlighted in its Topology view.
 */
export class FailureReports implements TextDocumentContentProvider, Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new EventEmitter<Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration = workspace.registerTextDocumentContentProvider(failureScheme, this);

  constructor(
    private readonly client: LanguageClient,
    private readonly topology: TopologyPanels,
    private readonly log: Logger,
  ) {}

  provideTextDocumentContent(uri: Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  async simulate(
    definition: string | undefined,
  ): Promise<(FailureReport & { readonly uri: string }) | undefined> {
    if (!definition) {
      void window.showInformationMessage('Open a .gcluster.yaml file to simulate its failures.');
      return undefined;
    }
    const result = await this.client.sendRequest<FailuresResult>(FailuresRequest.method, { uri: definition });
    if ('unavailable' in result) {
      void window.showInformationMessage(result.unavailable);
      return undefined;
    }
    const name = (Uri.parse(definition).path.split('/').pop() ?? 'definition').replace(
      /\.gcluster\.yaml$/,
      '',
    );
    // One document per definition, refreshed in place when simulated again.
    const uri = Uri.from({ scheme: failureScheme, path: `/${name} failures.md`, query: definition });
    this.contents.set(uri.toString(), result.markdown);
    this.changed.fire(uri);
    this.topology.highlight(definition, result.highlight);
    // Editor, Topology, table: three columns, so that neither hides the other. Each webview
    // opens once the one before it has drawn.
    const panel = this.topology.show(definition);
    await this.topology.whenDrawn(definition);
    panel.reveal(panel.viewColumn, false);
    try {
      await commands.executeCommand('markdown.showPreviewToSide', uri);
    } catch (error) {
      // Without the Markdown extension, the table is still there to read as text.
      this.log.warn(`No Markdown preview: ${error instanceof Error ? error.message : String(error)}`);
      await window.showTextDocument(uri, { viewColumn: ViewColumn.Beside, preview: true });
    }
    return { ...result, uri: uri.toString() };
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
