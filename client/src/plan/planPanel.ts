import { Uri, ViewColumn, window, workspace, type ExtensionContext, type WebviewPanel } from 'vscode';
import type { DeploymentPlan } from '../../../server/src/protocol';
import { openPagePanel } from '../webviewPanel';
import { parseFromPlanWebview, type ToPlanWebview } from './messages';

export const planViewType = 'gcluster.plan';

/** Shows a plan beside the editor, in one panel that each new plan replaces. */
export class PlanPanel {
  private panel: WebviewPanel | undefined;
  private plan: { plan: DeploymentPlan; fileName: string } | undefined;

  constructor(
    private readonly context: ExtensionContext,
    /** Runs the plan as a dry run and says which steps are done; set by the extension. */
    private readonly dryRun: (
      plan: DeploymentPlan,
    ) => Promise<{ done: string[]; toRun: string[] } | undefined>,
  ) {}

  show(plan: DeploymentPlan, fileName: string): WebviewPanel {
    this.plan = { plan, fileName };
    const title = `Plan: ${plan.definition || fileName}`;
    if (this.panel) {
      this.panel.title = title;
      this.panel.reveal(undefined, true);
      void this.post();
      return this.panel;
    }
    const panel = openPagePanel(this.context, {
      viewType: planViewType,
      title,
      page: 'plan',
      pageTitle: 'Deployment plan',
    });
    panel.webview.onDidReceiveMessage((raw: unknown) => {
      const message = parseFromPlanWebview(raw);
      if (message?.type === 'ready') void this.post();
      else if (message?.type === 'openJson') void this.openJson();
      else if (message?.type === 'checkCluster') void this.checkCluster();
    });
    panel.onDidDispose(() => (this.panel = undefined));
    this.panel = panel;
    return panel;
  }

  /** The plan as the executor reads it, in a new editor, to read, diff or save. */
  async openJson(): Promise<Uri | undefined> {
    if (!this.plan) return undefined;
    const content = `${JSON.stringify(this.plan.plan, null, 2)}\n`;
    const document = await workspace.openTextDocument({ language: 'json', content });
    await window.showTextDocument(document, { viewColumn: ViewColumn.Active });
    return document.uri;
  }

  /** The shown plan, probed on the cluster: each step marked done or to run. */
  async checkCluster(): Promise<{ done: string[]; toRun: string[] } | undefined> {
    if (!this.plan) return undefined;
    const status = await this.dryRun(this.plan.plan);
    if (status && this.panel)
      await this.panel.webview.postMessage({ type: 'status', ...status } satisfies ToPlanWebview);
    return status;
  }

  private async post(): Promise<void> {
    if (!this.panel || !this.plan) return;
    const message: ToPlanWebview = { type: 'plan', ...this.plan };
    await this.panel.webview.postMessage(message);
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
