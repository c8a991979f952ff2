import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CompletionRequest,
  HoverRequest,
  type CompletionList,
  type Hover,
} from 'vscode-languageserver-protocol';
import { vary } from '../service/fixture';
import { cursor } from '../service/editing/cursor';
import { ServerProcess } from './serverProcess';

describe('editing features over a real connection', () => {
  let server: ServerProcess;
  before(async () => {
    server = (await ServerProcess.start()).server;
  });
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
});
