import assert from 'node:assert/strict';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import {
  activateProduct,
  brokenExample,
  codeOf,
  completionLabel,
  hoverText,
  openWorkspaceFile,
  positionOf,
  waitForDiagnostics,
} from '../helpers';

// Runs with GCLUSTER_SUITE=restricted, in a window whose folder was not trusted.
suite('Restricted Mode', () => {
  let document: vscode.TextDocument;

  suiteSetup(async () => {
    await activateProduct();
    document = (await openWorkspaceFile(brokenExample)).document;
  });

  test('the workspace is not trusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  test('diagnostics still appear', async () => {
    const diagnostics = await waitForDiagnostics(document.uri, (found) =>
      found.some((diagnostic) => codeOf(diagnostic) === 'STOR001'),
    );
    assert.ok(diagnostics.length > 0);
  });

  test('hover, completion, quick fixes and the outline still work', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      positionOf(document, 'sharedDisks:').translate(0, 3),
    );
    assert.match(hoverText(hovers), /every node of the guest cluster attaches/);
    const completions = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      positionOf(document, 'guestOs: windowsServer2012').translate(0, 'guestOs: '.length),
    );
    assert.ok(completions.items.some((item) => completionLabel(item) === 'windowsServer2016'));
    const stor001 = (await waitForDiagnostics(document.uri)).find((d) => codeOf(d) === 'STOR001')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      stor001.range,
    );
    assert.ok(actions.some((action) => action.title.startsWith('Use a .vhdx file')));
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      document.uri,
    );
    assert.ok(symbols.some((symbol) => symbol.name === 'Virtual machines'));
  });

  test('Plan Deployment refuses to run, and the deployment commands are disabled', async () => {
    const plan = await vscode.commands.executeCommand('gcluster.planDeployment', document.uri);
    assert.equal(plan, undefined);
    assert.equal(await vscode.commands.executeCommand('gcluster.openPlanJson'), undefined);
    const deployed = await vscode.commands.executeCommand('gcluster.deployCluster', document.uri, {
      confirmed: true,
    });
    assert.equal(deployed, undefined);
    assert.equal(await vscode.commands.executeCommand('gcluster.checkPrerequisites'), undefined);
    assert.equal(await vscode.commands.executeCommand('gcluster.addLiveCluster', 'HVCLUS01'), undefined);
    assert.equal(
      await vscode.commands.executeCommand('gcluster.exportLiveCluster', { connection: 'HVCLUS01' }),
      undefined,
    );
    assert.equal(
      await vscode.commands.executeCommand('gcluster.signInToGuests', {
        connection: 'HVCLUS01',
        credential: { userName: 'u', password: 'p' },
      }),
      undefined,
    );
  });

  test('the views and editing commands are there', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const command of ['gcluster.newDefinition', 'gcluster.showTopology', 'gcluster.validateWorkspace']) {
      assert.ok(commands.includes(command), command);
    }
    const result = await vscode.commands.executeCommand<{ files: number }>('gcluster.validateWorkspace');
    assert.ok(result.files >= 3);
  });
});
