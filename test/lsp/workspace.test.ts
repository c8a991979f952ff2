import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol';
import { baseline, vary } from '../service/fixture';
import { ServerProcess } from './serverProcess';

/** A second definition of its own, except that it uses the baseline's SqlData file. */
const other = vary([
  ['Shared\\Witness.vhdx', 'Shared\\FsWitness.vhdx'],
  ['name: SQLCLUS01', 'name: FSCLUS01'],
])
  .replaceAll('SQLVM0', 'FSVM0')
  .replace('sql-prod', 'files');

describe('cross-file checks over the workspace index', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'gcluster-ws-'));
  const a = pathToFileURL(path.join(folder, 'a.gcluster.yaml')).href;
  const b = pathToFileURL(path.join(folder, 'nested', 'b.gcluster.yaml')).href;
  let server: ServerProcess;

  before(async () => {
    writeFileSync(path.join(folder, 'a.gcluster.yaml'), baseline);
    mkdirSync(path.join(folder, 'nested'));
    writeFileSync(path.join(folder, 'nested', 'b.gcluster.yaml'), other);
    server = (
      await ServerProcess.start({}, { workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }] })
    ).server;
  });
  after(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('warns on the closed file too, once the workspace is indexed', async () => {
    const published = await server.nextDiagnostics(b, (p) => p.diagnostics.some((d) => d.code === 'WKS001'));
    const warning = published.diagnostics.find((d) => d.code === 'WKS001')!;
    assert.equal(warning.severity, 2);
    assert.equal(warning.relatedInformation?.[0]?.location.uri, a);
  });

  it('warns on the open file, and clears both sides when an edit removes the clash', async () => {
    const diagnostics = await server.open(a, baseline);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['WKS001'],
    );
    const cleared = server.nextDiagnostics(b, (p) => p.diagnostics.length === 0);
    const line = baseline.split('\n').findIndex((l) => l.includes('SqlData.vhdx'));
    const character = baseline.split('\n')[line]!.indexOf('SqlData.vhdx');
    const after = await server.change(a, 2, [
      { range: { start: { line, character }, end: { line, character: character + 3 } }, text: 'App' },
    ]);
    assert.deepEqual(after, []);
    await cleared;
  });

  it('hears of files created on disk', async () => {
    const c = path.join(folder, 'c.gcluster.yaml');
    writeFileSync(c, other.replace('FSCLUS01', 'CCLUS01').replaceAll('FSVM0', 'CVM0'));
    const uri = pathToFileURL(c).href;
    const published = server.nextDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'WKS001'));
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri, type: FileChangeType.Created }],
    });
    const warning = (await published).diagnostics.find((d) => d.code === 'WKS001');
    assert.equal(warning?.relatedInformation?.[0]?.location.uri, b);
  });

  it('settles when two open files clash: each is published a bounded number of times', async () => {
    const x = pathToFileURL(path.join(folder, 'x.gcluster.yaml')).href;
    const y = pathToFileURL(path.join(folder, 'y.gcluster.yaml')).href;
    await server.open(x, baseline.replace('SqlData.vhdx', 'X.vhdx'));
    await server.open(y, baseline.replace('SqlData.vhdx', 'Y.vhdx'));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const counts = [server.publishCount.get(x) ?? 0, server.publishCount.get(y) ?? 0];
    assert.ok(
      counts.every((count) => count >= 1 && count <= 4),
      `published ${counts.join(' and ')} times`,
    );
    await server.closeAll();
  });
});
