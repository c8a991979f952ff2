import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  FileChangeType,
} from 'vscode-languageserver-protocol';
import {
  DefinitionsChangedNotification,
  DefinitionsRequest,
  NewDefinitionRequest,
  ValidateWorkspaceRequest,
  type DefinitionsChangedParams,
  type DefinitionsResult,
  type NewDefinitionResult,
  type ValidateWorkspaceResult,
} from '../../server/src/protocol';
import { baseline, vary } from '../service/fixture';
import { ServerProcess } from './serverProcess';

/** Resolves when the server says `uri`'s overview changed. */
function changed(server: ServerProcess, uri: string): Promise<void> {
  return new Promise((resolve) => {
    const subscription = server.connection.onNotification(
      DefinitionsChangedNotification.method,
      (params: DefinitionsChangedParams) => {
        if (!params.uris.includes(uri)) return;
        subscription.dispose();
        resolve();
      },
    );
  });
}

describe('requests behind the Definitions and Topology views', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'gcluster-views-'));
  const file = (name: string) => pathToFileURL(path.join(folder, name)).href;
  const good = file('good.gcluster.yaml');
  const broken = file('broken.gcluster.yaml');
  const brokenText = vary([
    ['SqlData.vhdx', 'SqlData.vhd'],
    ['name: SQLCLUS01', 'name: BRKCLUS01'],
    ['sql-prod', 'broken'],
  ])
    .replaceAll('SQLVM0', 'BRKVM0')
    .replaceAll('Volume1\\Shared', 'Volume1\\Broken');
  let server: ServerProcess;
  const definitions = async (uris?: string[]) =>
    (await server.connection.sendRequest<DefinitionsResult>(DefinitionsRequest.method, uris ? { uris } : {}))
      .definitions;

  before(async () => {
    writeFileSync(path.join(folder, 'good.gcluster.yaml'), baseline);
    writeFileSync(path.join(folder, 'broken.gcluster.yaml'), brokenText);
    const workspaceFolders = [{ uri: pathToFileURL(folder).href, name: 'ws' }];
    server = (await ServerProcess.start({}, { workspaceFolders })).server;
    await server.nextLog((message) => message.startsWith('Indexed'));
  });
  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('lists every definition of the workspace, closed ones with their problems', async () => {
    const all = await definitions();
    assert.deepEqual(all.map((d) => d.uri).sort(), [broken, good]);
    const closed = all.find((d) => d.uri === broken)!;
    assert.equal(closed.name, 'broken');
    assert.ok(closed.problems.errors >= 1);
    assert.ok(closed.sharedDisks[0]!.problems.errors >= 1, 'STOR001 counted on the disk');
    assert.deepEqual(all.find((d) => d.uri === good)!.problems, {
      errors: 0,
      warnings: 0,
      infos: 0,
      hints: 0,
    });
  });

  it('answers for an open file from the editor text, and says when it changed', async () => {
    await server.open(good, baseline);
    const line = baseline.split('\n').findIndex((l) => l.includes('name: SQLVM02'));
    const notified = changed(server, good);
    await server.change(good, 2, [
      { range: { start: { line, character: 10 }, end: { line, character: 17 } }, text: 'SQLVM09' },
    ]);
    await notified;
    const [overview] = await definitions([good]);
    assert.deepEqual(
      overview?.virtualMachines.map((vm) => [vm.name, vm.guestNode]),
      [
        ['SQLVM01', true],
        ['SQLVM09', false],
      ],
    );
    assert.ok(overview!.problems.errors >= 1, 'REF002: SQLVM02 in guestCluster.nodes no longer exists');
    await server.closeAll();
  });

  it('leaves out files that are gone, and says so', async () => {
    const extra = path.join(folder, 'extra.gcluster.yaml');
    writeFileSync(extra, baseline.replace('sql-prod', 'extra'));
    const uri = pathToFileURL(extra).href;
    let notified = changed(server, uri);
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri, type: FileChangeType.Created }],
    });
    await notified;
    assert.ok((await definitions()).some((d) => d.uri === uri));
    // The editor may hold a deleted file's document open after its tab is gone.
    await server.open(uri, baseline.replace('sql-prod', 'extra'));
    rmSync(extra);
    notified = changed(server, uri);
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri, type: FileChangeType.Deleted }],
    });
    await notified;
    assert.deepEqual(await definitions([uri]), []);
    assert.ok(!(await definitions()).some((d) => d.uri === uri));
    await server.closeAll();
  });

  it('takes a deleted file that is still open out of the cross-file checks', async () => {
    const twin = path.join(folder, 'twin.gcluster.yaml');
    writeFileSync(twin, baseline);
    const uri = pathToFileURL(twin).href;
    const clash = await server.open(uri, baseline);
    assert.ok(
      clash.some((d) => d.code === 'WKS001'),
      'the twin clashes with good.gcluster.yaml',
    );
    rmSync(twin);
    const cleared = server.nextDiagnostics(uri, (p) => !p.diagnostics.some((d) => d.code === 'WKS001'));
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri, type: FileChangeType.Deleted }],
    });
    await cleared;
    await server.closeAll();
  });

  it('reads the definitions of a folder moved in, and forgets them when it is deleted: one event each', async () => {
    const nested = path.join(folder, 'nested');
    mkdirSync(nested);
    writeFileSync(path.join(nested, 'n.gcluster.yaml'), baseline.replace('sql-prod', 'nested'));
    const uri = pathToFileURL(path.join(nested, 'n.gcluster.yaml')).href;
    let notified = changed(server, uri);
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(nested).href, type: FileChangeType.Created }],
    });
    await notified;
    assert.ok((await definitions()).some((d) => d.uri === uri));
    rmSync(nested, { recursive: true });
    notified = changed(server, uri);
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: pathToFileURL(nested).href, type: FileChangeType.Deleted }],
    });
    await notified;
    assert.ok(!(await definitions()).some((d) => d.uri === uri));
  });

  it('validates the whole workspace on request and publishes the problems of closed files', async () => {
    const published = server.nextDiagnostics(broken, (p) => p.diagnostics.some((d) => d.code === 'STOR001'));
    const result = await server.connection.sendRequest<ValidateWorkspaceResult>(
      ValidateWorkspaceRequest.method,
    );
    assert.equal(result.files, 2);
    assert.ok(result.problems.errors >= 1);
    await published;
  });

  it('writes new definitions, or says what is wrong with the answers', async () => {
    const made = await server.connection.sendRequest<NewDefinitionResult>(NewDefinitionRequest.method, {
      name: 'NEWCLUS',
      guestNodes: 3,
      storage: 'sofs',
    });
    assert.ok('text' in made);
    const refused = await server.connection.sendRequest<NewDefinitionResult>(NewDefinitionRequest.method, {
      name: '$(Invoke-Evil)',
      guestNodes: 0,
      storage: 'csv',
    });
    assert.ok('errors' in refused);
    assert.deepEqual(refused.errors.map((e) => e.field).sort(), ['guestNodes', 'name']);
  });
});

describe('the first listing and changes on disk', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'gcluster-views-start-'));
  let server: ServerProcess;
  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('waits for the workspace to be read rather than answer that there is nothing', async () => {
    for (let i = 0; i < 40; i++) {
      const text = baseline.replace('sql-prod', `def-${i}`).replaceAll('SQLVM0', `V${i}X`);
      writeFileSync(path.join(folder, `d${i}.gcluster.yaml`), text);
    }
    const workspaceFolders = [{ uri: pathToFileURL(folder).href, name: 'ws' }];
    server = (await ServerProcess.start({}, { workspaceFolders })).server;
    // Asked at once, as the Definitions view does when the client starts.
    const result = await server.connection.sendRequest<DefinitionsResult>(DefinitionsRequest.method, {});
    assert.equal(result.definitions.length, 40);
  });

  it('reads a closed file again once it changed on disk', async () => {
    const file = path.join(folder, 'd0.gcluster.yaml');
    const uri = pathToFileURL(file).href;
    const before = await server.connection.sendRequest<DefinitionsResult>(DefinitionsRequest.method, {
      uris: [uri],
    });
    assert.equal(before.definitions[0]?.virtualMachines.length, 2);
    const cut =
      baseline.slice(0, baseline.indexOf('  - name: SQLVM02')) +
      baseline.slice(baseline.indexOf('guestCluster:'));
    writeFileSync(file, cut.replace('sql-prod', 'def-0').replaceAll('SQLVM0', 'V0X'));
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri, type: FileChangeType.Changed }],
    });
    const after = await server.connection.sendRequest<DefinitionsResult>(DefinitionsRequest.method, {
      uris: [uri],
    });
    assert.equal(after.definitions[0]?.virtualMachines.length, 1);
  });
});

describe('workspace folders added and removed', () => {
  const first = mkdtempSync(path.join(tmpdir(), 'gcluster-folder-a-'));
  const second = mkdtempSync(path.join(tmpdir(), 'gcluster-folder-b-'));
  let server: ServerProcess;
  after(async () => {
    await server.stop();
    for (const folder of [first, second]) rmSync(folder, { recursive: true, force: true });
  });

  it('reads a folder added to the workspace, and forgets one removed from it', async () => {
    writeFileSync(path.join(first, 'a.gcluster.yaml'), baseline);
    writeFileSync(
      path.join(second, 'b.gcluster.yaml'),
      baseline.replace('sql-prod', 'other').replaceAll('SQLVM0', 'OVM0'),
    );
    const a = pathToFileURL(path.join(first, 'a.gcluster.yaml')).href;
    const b = pathToFileURL(path.join(second, 'b.gcluster.yaml')).href;
    const folder = (dir: string, name: string) => ({ uri: pathToFileURL(dir).href, name });
    server = (await ServerProcess.start({}, { workspaceFolders: [folder(first, 'a')] })).server;
    const list = async () =>
      (await server.connection.sendRequest<DefinitionsResult>(DefinitionsRequest.method, {})).definitions
        .map((d) => d.uri)
        .sort();
    assert.deepEqual(await list(), [a]);
    let notified = changed(server, b);
    await server.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: [folder(second, 'b')], removed: [] },
    });
    await notified;
    assert.deepEqual(await list(), [a, b].sort());
    notified = changed(server, a);
    await server.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
      event: { added: [], removed: [folder(first, 'a')] },
    });
    await notified;
    assert.deepEqual(await list(), [b]);
  });
});
