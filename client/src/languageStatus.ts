import {
  languages,
  LanguageStatusSeverity,
  window,
  workspace,
  DiagnosticSeverity,
  type Disposable,
  type TextDocument,
  type Uri,
} from 'vscode';

/**
 * The language status item of `.gcluster.yaml` files: "Validating…" while an edit waits for its
 * diagnostics, then the active definition's problem counts, with the worst severity.
 */
export class DefinitionStatus implements Disposable {
  private readonly item = languages.createLanguageStatusItem('gcluster.status', { language: 'gcluster' });
  private readonly waiting = new Set<string>();
  private readonly subscriptions: Disposable[];

  constructor() {
    this.item.name = 'Guest Cluster Validation';
    this.item.command = { command: 'workbench.actions.view.problems', title: 'Show Problems' };
    this.subscriptions = [
      this.item,
      // A save or an undo to the saved state changes no text: nothing to validate.
      workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.markWaiting(event.document);
      }),
      workspace.onDidCloseTextDocument((document) => this.waiting.delete(document.uri.toString())),
      workspace.onDidOpenTextDocument((document) => this.markWaiting(document)),
      languages.onDidChangeDiagnostics((event) => {
        for (const uri of event.uris) this.waiting.delete(uri.toString());
        this.update();
      }),
      window.onDidChangeActiveTextEditor(() => this.update()),
    ];
    this.update();
  }

  private markWaiting(document: TextDocument): void {
    if (document.languageId !== 'gcluster') return;
    this.waiting.add(document.uri.toString());
    if (window.activeTextEditor?.document === document) this.update();
  }

  private update(): void {
    const document = window.activeTextEditor?.document;
    if (!document || document.languageId !== 'gcluster') return;
    const busy = this.waiting.has(document.uri.toString());
    this.item.busy = busy;
    if (busy) {
      this.item.text = 'Validating…';
      this.item.detail = 'Guest cluster definition';
      this.item.severity = LanguageStatusSeverity.Information;
      return;
    }
    const counts = countProblems(document.uri);
    this.item.text =
      counts.errors + counts.warnings === 0
        ? '$(check) No problems'
        : `$(error) ${counts.errors} $(warning) ${counts.warnings}`;
    this.item.detail = 'Guest cluster definition validated';
    this.item.severity =
      counts.errors > 0
        ? LanguageStatusSeverity.Error
        : counts.warnings > 0
          ? LanguageStatusSeverity.Warning
          : LanguageStatusSeverity.Information;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

function countProblems(uri: Uri): { errors: number; warnings: number } {
  const ours = languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'gcluster');
  return {
    errors: ours.filter((d) => d.severity === DiagnosticSeverity.Error).length,
    warnings: ours.filter((d) => d.severity === DiagnosticSeverity.Warning).length,
  };
}
