import { commands, ProgressLocation, window } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ValidateWorkspaceRequest, type ValidateWorkspaceResult } from '../../../server/src/protocol';
import { problemText } from '../definitions/definitionNodes';

/**
 * "Validate Workspace": every definition on disk is validated and its problems shown in the
 * Problems panel, open or not. Returns the server's summary.
 */
export async function validateWorkspace(client: LanguageClient): Promise<ValidateWorkspaceResult> {
  const result = await window.withProgress(
    {
      location: ProgressLocation.Notification,
      title: 'Validating guest cluster definitions',
      cancellable: true,
    },
    (_progress, token) => client.sendRequest<ValidateWorkspaceResult>(ValidateWorkspaceRequest.method, token),
  );
  const files = `${result.files} definition${result.files === 1 ? '' : 's'}`;
  const problems = problemText(result.problems);
  if (!problems) {
    void window.showInformationMessage(`Validated ${files}: no problems.`);
  } else {
    void window
      .showWarningMessage(`Validated ${files}: ${problems}.`, 'Show Problems')
      .then((choice) => choice && commands.executeCommand('workbench.actions.view.problems'));
  }
  return result;
}
