import assert from 'node:assert/strict';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { brokenExample, codeOf, openWorkspaceFile, waitForDiagnostics } from '../helpers';

// Runs with GCLUSTER_SUITE=restricted, in a window whose folder was not trusted.
suite('Restricted Mode', () => {
  test('the workspace is not trusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  test('diagnostics still appear', async () => {
    const { document } = await openWorkspaceFile(brokenExample);
    const diagnostics = await waitForDiagnostics(document.uri, (found) =>
      found.some((diagnostic) => codeOf(diagnostic) === 'STOR001'),
    );
    assert.ok(diagnostics.length > 0);
  });
});
