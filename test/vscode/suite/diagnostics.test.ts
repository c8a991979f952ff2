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
  workspaceFile,
} from '../helpers';

suite('The broken example in a real VS Code', () => {
  let document: vscode.TextDocument;

  suiteSetup(async () => {
    await activateProduct();
    document = (await openWorkspaceFile(brokenExample)).document;
    await waitForDiagnostics(document.uri);
  });

  test('is a gcluster document', () => {
    assert.equal(document.languageId, 'gcluster');
  });

  test('gets the diagnostics of the command-line validator', async () => {
    // `gcluster validate examples/broken.gcluster.yaml` reports these rules (13 errors, 3 warnings).
    // Other files in the workspace can add WKS diagnostics (clashing names), so: at least these.
    const expected = [
      'ATT001',
      'ATT002',
      'ATT003',
      'GEN002',
      'NAME001',
      'NET001',
      'OPS001',
      'Q001',
      'SCHEMA001',
      'STOR001',
      'STOR004',
      'TOPO001',
      'TOPO005',
      'TOPO006',
    ];
    const diagnostics = await waitForDiagnostics(workspaceFile(brokenExample), (found) =>
      expected.every((code) => found.some((diagnostic) => codeOf(diagnostic) === code)),
    );
    const codes = new Set(diagnostics.map(codeOf));
    assert.deepEqual(
      expected.filter((code) => !codes.has(code)),
      [],
    );
    const stor001 = diagnostics.find((diagnostic) => codeOf(diagnostic) === 'STOR001')!;
    assert.equal(stor001.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(stor001.range.start.line, 18);
    assert.match(stor001.message, /is a \.vhd; a shared virtual hard disk must be a \.vhdx/);
  });

  test('shows the documentation of a key on hover', async () => {
    const position = positionOf(document, 'sharedDisks:').translate(0, 3); // the top-level key
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      position,
    );
    assert.match(
      hoverText(hovers),
      /The virtual hard disks that every node of the guest cluster attaches at once/,
    );
  });

  test('offers the VM names in guestCluster.nodes', async () => {
    // An untitled copy: it takes no part in the workspace index, so the example's own
    // diagnostics stay as they are (a file copy would clash with it by name, WKS001–WKS003).
    const text = document.getText().replace('nodes: [APPNODEPRIMARY01, APP02]', 'nodes: []');
    const copy = await vscode.workspace.openTextDocument({ language: 'gcluster', content: text });
    const position = positionOf(copy, 'nodes: []').translate(0, 'nodes: ['.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      copy.uri,
      position,
    );
    // Word-based suggestions would offer the names too; the language server's items are references.
    const references = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Reference);
    assert.deepEqual(references.map(completionLabel).sort(), ['APP02', 'APPNODEPRIMARY01']);
  });
});
