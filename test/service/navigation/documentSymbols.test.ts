import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { findDocumentSymbols } from '../../../server/src/service/documentSymbols';
import { baseline, vary } from '../fixture';
import { sofsBaseline } from '../rules/helpers';
import { broken, open, sweepTexts } from './cursor';

const kindNames = new Map(Object.entries(SymbolKind).map(([name, value]) => [value, name]));

/** The outline as lines: indentation for nesting, then name, kind and detail. */
function outline(text: string): string[] {
  const { document, analysis } = open(text);
  return lines(findDocumentSymbols(document, analysis), '');
}

function lines(symbols: readonly DocumentSymbol[], indent: string): string[] {
  return symbols.flatMap((symbol) => [
    `${indent}${symbol.name} (${kindNames.get(symbol.kind)})${symbol.detail ? ` ${symbol.detail}` : ''}`,
    ...lines(symbol.children ?? [], `${indent}  `),
  ]);
}

function contains(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) =>
    a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** Every selection range lies in its symbol's range, and every child in its parent's. */
function assertNested(symbols: readonly DocumentSymbol[], parent?: DocumentSymbol): void {
  for (const symbol of symbols) {
    assert.ok(contains(symbol.range, symbol.selectionRange), `${symbol.name}: selection outside range`);
    if (parent) assert.ok(contains(parent.range, symbol.range), `${symbol.name}: outside ${parent.name}`);
    assert.ok(symbol.name.trim().length > 0, 'a symbol has a name');
    assertNested(symbol.children ?? [], symbol);
  }
}

function symbolsOf(text: string): DocumentSymbol[] {
  const { document, analysis } = open(text);
  const symbols = findDocumentSymbols(document, analysis);
  assertNested(symbols);
  return symbols;
}

const r = (sl: number, sc: number, el: number, ec: number): Range => ({
  start: { line: sl, character: sc },
  end: { line: el, character: ec },
});

describe('findDocumentSymbols', () => {
  it('outlines the baseline: host cluster, shared disks, VMs with attachments, guest cluster', () => {
    assert.deepEqual(outline(baseline), [
      'Host cluster (Namespace) HVCLUS01',
      '  Nodes (Array)',
      '    HV01 (Struct)',
      '    HV02 (Struct)',
      '    HV03 (Struct)',
      '  Storage (Object) csv',
      '    Volume1 (Package) C:\\ClusterStorage\\Volume1',
      '  Networks (Array)',
      '    Cluster (Interface) cluster',
      '    Client (Interface) client',
      'Shared disks (Array)',
      '  SqlData (File) 500 GB .vhdx fixed',
      '  Witness (File) 1 GB .vhdx fixed',
      'Virtual machines (Array)',
      '  SQLVM01 (Class) Gen 2 · 4 vCPU · 16 GB',
      '    SqlData (File)',
      '    Witness (File) scsi 0:2',
      '  SQLVM02 (Class) Gen 2 · 4 vCPU · 16 GB',
      '    SqlData (File)',
      '    Witness (File) scsi 0:2',
      'Guest cluster (Namespace) SQLCLUS01',
      '  Nodes (Array)',
      '    SQLVM01 (Class)',
      '    SQLVM02 (Class)',
      '  Quorum (Object) disk Witness',
    ]);
  });

  it('spans each whole mapping and selects its name, or the key of a section', () => {
    const [host, disks, vms, guest] = symbolsOf(baseline);
    // From `hostCluster:` to the end of `switch: ConvergedSwitch`, selecting the key.
    assert.deepEqual([host?.range, host?.selectionRange], [r(2, 0, 17, 25), r(2, 0, 2, 11)]);
    const [nodes, storage] = host?.children ?? [];
    assert.deepEqual([nodes?.range, nodes?.selectionRange], [r(6, 2, 9, 16), r(6, 2, 6, 7)]);
    // A list item's mapping starts after its dash; its name is selected.
    assert.deepEqual(
      [nodes?.children?.[0]?.range, nodes?.children?.[0]?.selectionRange],
      [r(7, 6, 7, 16), r(7, 12, 7, 16)],
    );
    assert.deepEqual([storage?.range, storage?.selectionRange], [r(10, 2, 13, 78), r(10, 2, 10, 9)]);
    assert.deepEqual([disks?.range, disks?.selectionRange], [r(18, 0, 20, 100), r(18, 0, 18, 11)]);
    const vm = vms?.children?.[0];
    assert.deepEqual([vm?.range, vm?.selectionRange], [r(22, 4, 32, 107), r(22, 10, 22, 17)]);
    // A short attachment is its own scalar; a long one its flow mapping, selecting the disk.
    assert.deepEqual(
      vm?.children?.map((child) => [child.range, child.selectionRange]),
      [
        [r(31, 8, 31, 15), r(31, 8, 31, 15)],
        [r(32, 8, 32, 107), r(32, 16, 32, 23)],
      ],
    );
    assert.deepEqual([guest?.range, guest?.selectionRange], [r(44, 0, 49, 42), r(44, 0, 44, 12)]);
    assert.deepEqual(
      guest?.children?.map((child) => [child.name, child.range, child.selectionRange]),
      [
        ['Nodes', r(48, 2, 48, 27), r(48, 2, 48, 7)],
        ['Quorum', r(49, 2, 49, 42), r(49, 2, 49, 8)],
      ],
    );
  });

  it('shows a Scale-Out File Server with its shares, and every kind of witness', () => {
    const sofs = vary(
      [
        [
          'quorum: { witness: disk, disk: Witness }',
          "quorum: { witness: fileShare, path: '\\\\FS01\\Witness' }",
        ],
      ],
      sofsBaseline,
    );
    const lines = outline(sofs);
    assert.deepEqual(lines.slice(5, 8), [
      '  Storage (Object) sofs',
      '    Scale-Out File Server (Module) SOFS01',
      '      VMStore (Package) \\\\SOFS01\\VMStore',
    ]);
    assert.equal(lines.at(-1), '  Quorum (Object) fileShare \\\\FS01\\Witness');
    symbolsOf(sofs);
    const cloud = vary([
      ['quorum: { witness: disk, disk: Witness }', 'quorum: { witness: cloud, storageAccount: acct }'],
    ]);
    assert.equal(outline(cloud).at(-1), '  Quorum (Object) cloud acct');
    assert.equal(
      outline(vary([['{ witness: disk, disk: Witness }', '{ witness: none }']])).at(-1),
      '  Quorum (Object) none',
    );
  });

  it('describes dynamic memory and a VHD Set, and leaves out what is not written', () => {
    const text = vary([
      ['memory: { startupGB: 16 }', 'memory: { dynamic: true, minimumGB: 2, startupGB: 4, maximumGB: 8 }'],
      ['SqlData.vhdx', 'SqlData.vhds'],
      [
        '    generation: 2\n    guestOs: windowsServer2012R2\n    processors: 4\n    memory: { startupGB: 16 }\n',
        '    guestOs: windowsServer2012R2\n',
      ],
      ['{ name: Witness, path: ', '{ name: Witness, pat: '],
    ]);
    const lines = outline(text);
    assert.ok(lines.includes('  SqlData (File) 500 GB .vhds fixed'));
    assert.ok(lines.includes('  Witness (File) 1 GB fixed'));
    assert.ok(lines.includes('  SQLVM01 (Class) Gen 2 · 4 vCPU · 4 GB dynamic'));
    assert.ok(lines.includes('  SQLVM02 (Class)'));
  });

  it('outlines a definition being written: sections without items, items without names', () => {
    assert.deepEqual(
      outline(`hostCluster:
  nodes:
  networks: []
sharedDisks:
  - path: 'C:\\ClusterStorage\\Volume1\\x.vhdx'
  - { name: '' }
virtualMachines:
  - name: VM1
    sharedDisks:
      - { controller: scsi }
      - Data
guestCluster:
  nodes: [VM1, 5, { a: b }]
`),
      [
        'Host cluster (Namespace)',
        '  Nodes (Array)',
        '  Networks (Array)',
        'Shared disks (Array)',
        'Virtual machines (Array)',
        '  VM1 (Class)',
        '    Data (File)',
        'Guest cluster (Namespace)',
        '  Nodes (Array)',
        '    VM1 (Class)',
      ],
    );
  });

  it('does not throw on broken YAML, and outlines what the model still holds', () => {
    assert.deepEqual(
      outline(
        broken(`hostCluster:
  name: HVCLUS01
  nodes:
    - name: HV01
   - name: HV02
  stor
virtualMachines:
  - name: VM1
     generation: 2
  - name: VM2
    processors: 4
    sharedDisks: [Data
`),
      ),
      [
        'Host cluster (Namespace) HVCLUS01',
        '  Nodes (Array)',
        '    HV01 (Struct)',
        'Virtual machines (Array)',
        '  VM2 (Class) 4 vCPU',
        '    Data (File)',
      ],
    );
    for (const text of [
      '',
      '|',
      '- a\n- b\n',
      'just text',
      'hostCluster: 5\nsharedDisks: x\n',
      'guestCluster:\n  quorum:\n',
    ]) {
      symbolsOf(text);
    }
    assert.deepEqual(outline('hostCluster: 5\nsharedDisks: x\n'), ['Shared disks (Array)']);
  });

  it('never throws, and nests well, on half-typed and misindented texts', () => {
    for (const text of sweepTexts()) symbolsOf(text);
  });
});
