import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DefinitionOverview } from '../../../server/src/protocol';
import { baseline, service, vary } from '../fixture';

function overviewOf(text: string): DefinitionOverview {
  const document = TextDocument.create('file:///w/a.gcluster.yaml', 'gcluster', 1, text);
  const parsed = service.parse(text);
  return service.overview(document, parsed, service.doValidation(document, parsed));
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle));

describe('definition overview (Definitions and Topology views)', () => {
  it('lists what the baseline declares and how it hangs together', () => {
    const overview = overviewOf(baseline);
    assert.equal(overview.name, 'sql-prod');
    assert.deepEqual(overview.problems, { errors: 0, warnings: 0, infos: 0, hints: 0 });
    const host = overview.hostCluster!;
    assert.equal(host.name, 'HVCLUS01');
    assert.equal(host.detail, 'Windows Server 2012 R2 · 3 nodes');
    assert.deepEqual(
      host.nodes.map((node) => node.name),
      ['HV01', 'HV02', 'HV03'],
    );
    assert.equal(host.storage?.storageKind, 'csv');
    assert.deepEqual(
      host.storage?.locations.map((l) => [l.kind, l.name, l.path, l.capacityGB]),
      [['volume', 'Volume1', 'C:\\ClusterStorage\\Volume1', 2048]],
    );
    assert.deepEqual(
      overview.sharedDisks.map((d) => [d.name, d.location, d.attachedTo, d.detail]),
      [
        ['SqlData', 'Volume1', ['SQLVM01', 'SQLVM02'], '500 GB .vhdx fixed · Volume1'],
        ['Witness', 'Volume1', ['SQLVM01', 'SQLVM02'], '1 GB .vhdx fixed · Volume1'],
      ],
    );
    const vm = overview.virtualMachines[0]!;
    assert.equal(vm.name, 'SQLVM01');
    assert.equal(vm.guestNode, true);
    assert.equal(vm.preferredHost, 'HV01');
    assert.deepEqual(
      vm.attachments.map((a) => [a.disk, a.controller, a.persistentReservations]),
      [
        ['SqlData', 'scsi', true],
        ['Witness', 'scsi', true],
      ],
    );
    assert.deepEqual(overview.guestCluster?.nodes, ['SQLVM01', 'SQLVM02']);
    assert.deepEqual(
      [overview.guestCluster?.witness?.name, overview.guestCluster?.witness?.target],
      ['Disk witness', 'Witness'],
    );
  });

  it('places each item: the range covers its mapping, the selection its name', () => {
    const overview = overviewOf(baseline);
    const vm = overview.virtualMachines[1]!;
    const nameLine = lineOf(baseline, 'name: SQLVM02');
    assert.deepEqual(vm.selectionRange, {
      start: { line: nameLine, character: 10 },
      end: { line: nameLine, character: 17 },
    });
    assert.equal(vm.range.start.line, nameLine);
    // The VM ends on its last line, not on the next key's line.
    assert.equal(vm.range.end.line, lineOf(baseline, 'guestCluster:') - 1);
  });

  it('counts each problem on the item it falls in, and in the whole file', () => {
    const text = vary([
      ['SqlData.vhdx', 'SqlData.vhd'],
      [
        'SqlGuestCluster]\n    sharedDisks:\n      - SqlData\n      - { disk: Witness',
        'SqlGuestCluster]\n    sharedDisks:\n      - SqlData\n      - { disk: Witness',
      ],
      [
        'location: 2, persistentReservations: true }\nguestCluster',
        'location: 2, persistentReservations: false }\nguestCluster',
      ],
    ]);
    const overview = overviewOf(text);
    const disk = overview.sharedDisks[0]!;
    assert.ok(disk.problems.errors >= 1, `STOR001 on the disk: ${JSON.stringify(disk.problems)}`);
    assert.deepEqual(overview.sharedDisks[1]!.problems, { errors: 0, warnings: 0, infos: 0, hints: 0 });
    assert.ok(overview.virtualMachines[1]!.problems.errors >= 1);
    assert.deepEqual(overview.virtualMachines[0]!.problems, { errors: 0, warnings: 0, infos: 0, hints: 0 });
    const total = overview.problems.errors + overview.problems.warnings;
    assert.ok(total >= disk.problems.errors + overview.virtualMachines[1]!.problems.errors);
  });

  it('shows SOFS shares and a VM outside the guest cluster', () => {
    const text = vary([
      [
        "kind: csv\n    volumes:\n      - { name: Volume1, path: 'C:\\ClusterStorage\\Volume1', capacityGB: 2048 }",
        "kind: sofs\n    sofs:\n      name: SOFS01\n      os: windowsServer2016\n      shares:\n        - { name: VMStore, path: '\\\\SOFS01\\VMStore' }",
      ],
      ['nodes: [SQLVM01, SQLVM02]', 'nodes: [SQLVM01]'],
    ]).replaceAll('C:\\ClusterStorage\\Volume1', '\\\\SOFS01\\VMStore');
    const overview = overviewOf(text);
    assert.equal(overview.hostCluster?.storage?.sofsName, 'SOFS01');
    assert.deepEqual(
      overview.hostCluster?.storage?.locations.map((l) => [l.kind, l.name]),
      [['share', 'VMStore']],
    );
    assert.equal(overview.sharedDisks[0]?.location, 'VMStore');
    assert.deepEqual(
      overview.virtualMachines.map((vm) => vm.guestNode),
      [true, false],
    );
  });

  it('keeps a half-typed definition: unnamed items are shown, missing parts absent', () => {
    const overview = overviewOf('version: 1\nvirtualMachines:\n  - generation: 2\n');
    assert.equal(overview.hostCluster, undefined);
    assert.equal(overview.guestCluster, undefined);
    assert.deepEqual(
      overview.virtualMachines.map((vm) => vm.name),
      ['(unnamed)'],
    );
    assert.ok(overview.problems.errors > 0);
  });

  it('gives a refused file its reason and nothing else', () => {
    const overview = overviewOf('a: [1, 2\n  b: }');
    assert.deepEqual(overview.sharedDisks, []);
    assert.ok(overview.problems.errors > 0);
    const huge = 'x'.repeat(6 * 1024 * 1024);
    const document = TextDocument.create('file:///w/big.gcluster.yaml', 'gcluster', 1, huge);
    const parsed = service.parse(huge);
    const big = service.overview(document, parsed, service.doValidation(document, parsed));
    assert.match(big.unreadable ?? '', /MB/);
  });

  it('passes names through as data, unescaped, for the views to escape', () => {
    const hostile = `<img src=x onerror=alert(1)>`;
    const overview = overviewOf(vary([['name: SQLVM01', `name: '${hostile}'`]]));
    assert.equal(overview.virtualMachines[0]?.name, hostile);
  });
});
