import { commands, window, workspace } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PlanRequest, type DeploymentPlan, type PlanResult } from '../../../server/src/protocol';
import type { PlanPanel } from '../plan/planPanel';

/** Why the deployment commands do nothing in Restricted Mode; shown when one is run there anyway. */
export const restrictedMessage =
  'Planning and deploying are turned off in Restricted Mode: trust this workspace to use them.';

/**
 * "Plan Deployment": the steps that would deploy a definition, shown beside it. A definition
 * with errors is not planned: the user is sent to the problems instead.
 */
export async function planDeployment(
  client: LanguageClient,
  panel: PlanPanel,
  uri: string | undefined,
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
      .showErrorMessage(`Cannot plan the deployment. ${result.refused}`, 'Show Problems')
      .then((choice) => choice && commands.executeCommand('workbench.actions.view.problems'));
    return undefined;
  }
  panel.show(result.plan, decodeURIComponent(uri.split('/').pop() ?? uri));
  return result.plan;
}
