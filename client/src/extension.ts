import { commands, Uri, window, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { newDefinition, type NewDefinitionArgs } from './commands/newDefinition';
import { openExample } from './commands/openExample';
import { planDeployment } from './commands/planDeployment';
import { deploy, dryRunStatus, type DeployArgs } from './commands/deploy';
import { checkPrerequisites } from './commands/checkPrerequisites';
import { FailureReports } from './failures/failureReports';
import { LiveClustersView } from './live/liveClustersView';
import type { LiveNode } from './live/liveNodes';
import { PlanPanel } from './plan/planPanel';
import { showRuleDocumentation } from './commands/showRuleDocumentation';
import { validateWorkspace } from './commands/validateWorkspace';
import type { DefinitionOverview } from '../../server/src/protocol';
import type { DefinitionNode } from './definitions/definitionNodes';
import { DefinitionsSource } from './definitions/definitionsSource';
import { DefinitionsView } from './definitions/definitionsView';
import { createLanguageClient } from './languageClient';
import { DefinitionStatus } from './languageStatus';
import { reveal, TopologyPanels } from './topology/topologyPanels';

/** What the extension exports, for other extensions and for the tests that run inside VS Code. */
export interface GclusterApi {
  /** `Date.now()` when activation began: the start of "time to first diagnostics". */
  readonly activatedAt: number;
  /** What a definition declares and the problems on each part, as the views show it. */
  overview(uri: Uri): Promise<DefinitionOverview | undefined>;
  /** The rows the Definitions view shows now. */
  definitionRows(): readonly DefinitionNode[];
  /** The rows the Live Clusters view shows now. */
  liveRows(): readonly LiveNode[];
}

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<GclusterApi> {
  const activatedAt = Date.now();
  const output = window.createOutputChannel('Guest Cluster', { log: true });
  const languageClient = createLanguageClient(context, output);
  client = languageClient;
  const source = new DefinitionsSource(languageClient);
  const definitions = new DefinitionsView(source, output);
  const topology = new TopologyPanels(context, source, output);
  const plans = new PlanPanel(context, (plan) => dryRunStatus(context, output, plan));
  const live = new LiveClustersView(context, output);
  const failures = new FailureReports(languageClient, topology, output);
  context.subscriptions.push(
    output,
    source,
    definitions,
    topology,
    plans,
    live,
    failures,
    new DefinitionStatus(),
  );

  const register = (id: string, run: (...args: unknown[]) => unknown) =>
    context.subscriptions.push(commands.registerCommand(id, run));
  register('gcluster.newDefinition', (args) =>
    newDefinition(languageClient, (args ?? {}) as NewDefinitionArgs),
  );
  register('gcluster.validateWorkspace', () => validateWorkspace(languageClient));
  register('gcluster.showRuleDocumentation', (ruleId) => showRuleDocumentation(languageClient, ruleId));
  register('gcluster.openExample', (file) => openExample(context, file));
  register('gcluster.restartServer', async () => {
    output.info('Restarting the language server.');
    await languageClient.restart();
  });
  register('gcluster.showOutput', () => output.show(true));
  register('gcluster.refreshDefinitions', () => definitions.refresh());
  register('gcluster.showTopology', (target) => {
    const uri = targetUri(target);
    if (!uri) {
      void window.showInformationMessage(
        'Open a .gcluster.yaml file, or pick a definition in the Definitions view.',
      );
      return undefined;
    }
    topology.show(uri);
    return uri;
  });
  register('gcluster.simulateFailures', (target) => failures.simulate(targetUri(target)));
  register('gcluster.planDeployment', (target) => planDeployment(languageClient, plans, targetUri(target)));
  register('gcluster.openPlanJson', () => plans.openJson());
  register('gcluster.checkPlanStatus', () => plans.checkCluster());
  register('gcluster.deployCluster', (target, args) =>
    deploy(languageClient, context, output, targetUri(target), (args ?? {}) as DeployArgs),
  );
  register('gcluster.checkPrerequisites', (target) =>
    checkPrerequisites(context, source, output, targetUri(target)),
  );
  register('gcluster.addLiveCluster', (name) => live.add(name));
  register('gcluster.removeLiveCluster', (node) => live.remove(node));
  register('gcluster.refreshLiveClusters', (node) => live.refresh(node));
  register('gcluster.exportLiveCluster', (node) => live.export(node));
  register('gcluster.signInToGuests', (node) => live.signIn(node));
  register('gcluster.compareWithDefinition', async (target) => {
    const uri = targetUri(target);
    return live.compare(uri ?? '', uri ? (await source.fetch([uri]))?.[0] : undefined);
  });
  register('gcluster.revealInEditor', (uri, range) =>
    typeof uri === 'string' ? reveal(uri, range as Parameters<typeof reveal>[1]) : undefined,
  );

  try {
    await languageClient.start();
    output.info(`Guest Cluster activated; language server started in ${Date.now() - activatedAt} ms.`);
  } catch (error) {
    // Activation still succeeds: the commands stay, and Restart Language Server can try again.
    output.error(
      `The language server did not start: ${error instanceof Error ? error.message : String(error)}`,
    );
    void window.showErrorMessage(
      'The Guest Cluster language server did not start. See Guest Cluster: Show Output.',
    );
  }
  return {
    activatedAt,
    overview: async (uri) => (await source.fetch([uri.toString()]))?.[0],
    definitionRows: () => definitions.getChildren(),
    liveRows: () => live.getChildren(),
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

/** The definition a command acts on: a row of the Definitions view, a file URI, or the active editor's. */
function targetUri(target: unknown): string | undefined {
  if (typeof target === 'string') return target;
  if (target instanceof Uri) return target.toString();
  if (typeof target === 'object' && target !== null && typeof (target as DefinitionNode).uri === 'string') {
    return (target as DefinitionNode).uri;
  }
  // From a walkthrough or a webview there is no active text editor: a visible definition will do.
  const editors = [window.activeTextEditor, ...window.visibleTextEditors];
  return editors.find((editor) => editor?.document.languageId === 'gcluster')?.document.uri.toString();
}
