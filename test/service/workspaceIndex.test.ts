import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { WorkspaceIndex } from '../../server/src/service/workspaceIndex';
import { baseline, service, vary } from './fixture';

function facts(uri: string, text: string) {
  return service.extractFacts(TextDocument.create(uri, 'gcluster', 1, text), service.parse(text));
}

/** A second definition that shares nothing with the baseline. */
const other = vary([
  ['Shared\\SqlData.vhdx', 'Shared\\FsData.vhdx'],
  ['Shared\\Witness.vhdx', 'Shared\\FsWitness.vhdx'],
  ['SQLVM01', 'FSVM01'],
  ['SQLVM02', 'FSVM02'],
  ['SQLVM01', 'FSVM01'],
  ['SQLVM02', 'FSVM02'],
  ['name: SQLCLUS01', 'name: FSCLUS01'],
])
  .replaceAll('SQLVM01', 'FSVM01')
  .replaceAll('SQLVM02', 'FSVM02');

describe('the workspace index', () => {
  it('finds nothing between definitions that share nothing, though they share a host cluster', () => {
    const index = new WorkspaceIndex();
    index.update('a', facts('a', baseline));
    index.update('b', facts('b', other));
    assert.deepEqual([index.problemsOf('a'), index.problemsOf('b')], [[], []]);
  });

  it('warns on both sides of a shared disk file, pointing at the other side', () => {
    const index = new WorkspaceIndex();
    index.update('file:///a.gcluster.yaml', facts('file:///a.gcluster.yaml', baseline));
    const shared = other.replace('Shared\\FsData.vhdx', 'shared\\SQLDATA.VHDX'); // same file, other spelling
    const affected = index.update('file:///b.gcluster.yaml', facts('file:///b.gcluster.yaml', shared));
    assert.deepEqual([...affected], ['file:///a.gcluster.yaml']);
    const a = index.problemsOf('file:///a.gcluster.yaml');
    const b = index.problemsOf('file:///b.gcluster.yaml');
    assert.deepEqual([a.map((p) => p.code), b.map((p) => p.code)], [['WKS001'], ['WKS001']]);
    assert.equal(a[0]!.related[0]!.uri, 'file:///b.gcluster.yaml');
    assert.equal(a[0]!.related[0]!.range.start.line, 19);
    assert.match(
      a[0]!.message,
      /^The shared disk file 'C:\\ClusterStorage\\Volume1\\Shared\\SqlData\.vhdx' is also used by another definition/,
    );
  });

  it('warns about a VM or computer name and a guest cluster name used twice', () => {
    const index = new WorkspaceIndex();
    index.update('a', facts('a', baseline));
    index.update(
      'b',
      facts(
        'b',
        other.replace('- name: FSVM02', '- name: sqlvm02').replace('name: FSCLUS01', 'name: SQLCLUS01'),
      ),
    );
    assert.deepEqual(
      index
        .problemsOf('b')
        .map((p) => p.code)
        .sort(),
      ['WKS002', 'WKS003'],
    );
  });

  it('clears both sides when one file changes or goes away, and says which files to update', () => {
    const index = new WorkspaceIndex();
    index.update('a', facts('a', baseline));
    index.update('b', facts('b', baseline.replace('SQLCLUS01', 'OTHER01')));
    assert.ok(index.problemsOf('a').length > 0);
    assert.deepEqual([...index.update('b', undefined)], ['a']);
    assert.deepEqual(index.problemsOf('a'), []);
    assert.equal(index.size, 1);
  });

  it('touches only the files that share a fact with the edited one', () => {
    const index = new WorkspaceIndex();
    for (let i = 0; i < 50; i++)
      index.update(`f${i}`, facts(`f${i}`, other.replaceAll('FS', `X${i}`).replaceAll('Fs', `X${i}`)));
    index.update('a', facts('a', baseline));
    const edited = index.update('a', facts('a', baseline.replace('SqlData.vhdx', 'X7Data.vhdx')));
    assert.deepEqual([...edited], ['f7']);
  });
});

describe('the workspace index, revalidation', () => {
  it('names no other file when a file is indexed again with the same facts', () => {
    const index = new WorkspaceIndex();
    index.update('a', facts('a', baseline));
    index.update('b', facts('b', baseline));
    // Re-indexing b unchanged (as revalidating it after a does) must not send a back to b.
    assert.deepEqual([...index.update('b', facts('b', baseline))], []);
    assert.deepEqual([...index.update('a', facts('a', baseline))], []);
    assert.ok(index.problemsOf('a').length > 0);
  });
});
