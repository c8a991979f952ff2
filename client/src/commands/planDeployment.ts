import { commands, window, workspace } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PlanRequest, type DeploymentPlan, type PlanResult } from '../../../server/src/protocol';
import type { PlanPanel } from '../plan/planPanel';

/** Why the deployment commands do nothing in Restricted Mode; shown when one is run there anyway. */
export const restrictedMessage =
  'Planning and deploying are turned off in Restricted Mode: trust this workspace to use them.';

/**
 * The plan of a definition for a command that needs one, or undefined after telling the user
 * why not: Restricted Mode, no definition at hand, or a definition with errors (with a way to
 * its problems). `doing` names the command in the message ("plan the deployment", "deploy").
 */
export async function planFor(
  client: LanguageClient,
  uri: string | undefined,
  doing: string,
): Promise<DeploymentPlan | undefined> {
  if (!workspace.isTrusted) {
    void window.showWarningMessage(restrictedMessage);
    return undefined;
  }
  if (!uri) {
    void window.showInformationMessage(
      'Open a .gcluster.yaml file, or pick a definition in the Definitions view.',
    );
    return undefined;
  }
  const result = await client.sendRequest<PlanResult>(PlanRequest.method, { uri });
  if ('refused' in result) {
    // Not awaited: the command answers now, whatever the user does with the message.
    void window
      .showErrorMessage(`Cannot ${doing}. ${result.refused}`, 'Show Problems')
      .then((choice) => choice && commands.executeCommand('workbench.actions.view.problems'));
    return undefined;
  }
  return result.plan;
}

/**
 * "Plan Deployment": the steps that would deploy a definition, shown beside it. A definition
 * with errors is not planned: the user is sent to the problems instead.
 */
export async function planDeployment(
  client: LanguageClient,
  panel: PlanPanel,
  uri: string | undefined,
): Promise<DeploymentPlan | undefined> {
  const plan = await planFor(client, uri, 'plan the deployment');
  if (plan && uri) panel.show(plan, decodeURIComponent(uri.split('/').pop() ?? uri));
  return plan;
}
