import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  DefinitionRequest,
  DocumentFormattingRequest,
  type TextEdit,
  DocumentSymbolRequest,
  RenameRequest,
  type DocumentSymbol,
  type Location,
  type WorkspaceEdit,
  CompletionRequest,
  HoverRequest,
  type CodeAction,
  type CompletionList,
  type Hover,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { baseline, vary } from '../service/fixture';
import { cursor } from '../service/editing/cursor';
import { ServerProcess } from './serverProcess';

describe('editing features over a real connection', () => {
  let server: ServerProcess;
  before(async () => {
    server = (await ServerProcess.start()).server;
  });
  afterEach(() => server.closeAll());
  after(() => server.stop());

  it('completes the VM names in guestCluster.nodes', async () => {
    const { text, position } = cursor(vary([['nodes: [SQLVM01, SQLVM02]', 'nodes: [SQLVM01, |]']]));
    const uri = 'file:///work/complete.gcluster.yaml';
    await server.open(uri, text);
    const result = (await server.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position,
    })) as CompletionList;
    assert.deepEqual(
      result.items.map((item) => item.label),
      ['SQLVM02'],
    );
  });

  it('hovers a key with its documentation and a diagnostic with its rule', async () => {
    const { text, position } = cursor(vary([['    generation: 2', '    gener|ation: 2']]));
    const uri = 'file:///work/hover.gcluster.yaml';
    await server.open(uri, text);
    const hover = (await server.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position,
    })) as Hover;
    assert.match((hover.contents as { value: string }).value, /\*\*Generation\*\*/);
    const broken = cursor(vary([['Shared\\SqlData.vhdx', 'Shared\\Sql|Data.vhd']]));
    const brokenUri = 'file:///work/hover-rule.gcluster.yaml';
    await server.open(brokenUri, broken.text);
    const rule = (await server.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: brokenUri },
      position: broken.position,
    })) as Hover;
    // The rule's page is read from docs/rules beside the server: its "Why" section is in the hover.
    assert.match(
      (rule.contents as { value: string }).value,
      /^\*\*STOR001\*\*[\s\S]*Source: Virtual Hard Disk Sharing Overview/,
    );
  });

  it('answers requests for a document it does not know with nothing', async () => {
    const result = await server.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: 'file:///work/unknown.gcluster.yaml' },
      position: { line: 0, character: 0 },
    });
    assert.equal(result, null);
  });

  it('offers a quick fix whose edit, applied and sent back, clears the diagnostic', async () => {
    const uri = 'file:///work/fix.gcluster.yaml';
    const text = vary([['controller: scsi', 'controller: ide']]);
    const diagnostics = await server.open(uri, text);
    const att001 = diagnostics.filter((d) => d.code === 'ATT001');
    assert.equal(att001.length, 1);
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: att001[0]!.range,
      context: { diagnostics: att001 },
    })) as CodeAction[];
    const fix = actions.find((action) => action.isPreferred);
    assert.equal(fix?.title, 'Attach on the SCSI controller');
    const edits = fix!.edit!.changes![uri]!;
    // The editor applies the edit and sends it back as an incremental change.
    const after = await server.change(
      uri,
      2,
      edits.map((edit) => ({ range: edit.range, text: edit.newText })),
    );
    assert.deepEqual(
      after.map((d) => d.code),
      [],
    );
  });

  it('renames a VM everywhere, and refuses an invalid computer name with a message', async () => {
    const uri = 'file:///work/rename.gcluster.yaml';
    const { text, position } = cursor(vary([['  - name: SQLVM01', '  - name: SQL|VM01']]));
    await server.open(uri, text);
    const edit = (await server.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri },
      position,
      newName: 'SQLNODE01',
    })) as WorkspaceEdit;
    const edits = edit.changes![uri]!;
    assert.equal(edits.length, 2, 'the declaration and the guest node');
    assert.ok(edits.every((e) => e.newText === 'SQLNODE01'));
    const after = await server.change(
      uri,
      2,
      edits.map((e) => ({ range: e.range, text: e.newText })),
    );
    assert.deepEqual(after, []);
    await assert.rejects(
      server.connection.sendRequest(RenameRequest.type, {
        textDocument: { uri },
        position,
        newName: 'SQLNODEPRIMARY01',
      }),
      /16 characters/,
    );
  });

  it('goes to the definition of a reference and lists the outline', async () => {
    const uri = 'file:///work/navigate.gcluster.yaml';
    const { text, position } = cursor(vary([['disk: Witness }', 'disk: Wit|ness }']]));
    await server.open(uri, text);
    const locations = (await server.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri },
      position,
    })) as Location[];
    assert.equal(locations.length, 1);
    assert.equal(locations[0]!.range.start.line, 20);
    const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri },
    })) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((symbol) => symbol.name),
      ['Host cluster', 'Shared disks', 'Virtual machines', 'Guest cluster'],
    );
  });

  it('formats a document with minimal edits that keep its meaning', async () => {
    const uri = 'file:///work/format.gcluster.yaml';
    const messy = baseline
      .replace('  name: HVCLUS01', '  name:   HVCLUS01   ')
      .replace('memory: { startupGB: 16 }', 'memory: {startupGB:   16}');
    await server.open(uri, messy);
    const edits = (await server.connection.sendRequest(DocumentFormattingRequest.type, {
      textDocument: { uri },
      options: { tabSize: 2, insertSpaces: true },
    })) as TextEdit[];
    assert.ok(edits.length >= 1);
    const formatted = TextDocument.applyEdits(TextDocument.create(uri, 'gcluster', 1, messy), edits);
    assert.equal(formatted, baseline);
  });
});
