import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { definitionNode, type DefinitionNode } from '../../client/src/definitions/definitionNodes';
import type { DefinitionOverview } from '../../server/src/protocol';
import { baseline, service, vary } from '../service/fixture';

function overviewOf(text: string): DefinitionOverview {
  const document = TextDocument.create('file:///w/sql.gcluster.yaml', 'gcluster', 1, text);
  const parsed = service.parse(text);
  return service.overview(document, parsed, service.doValidation(document, parsed));
}

/** The tree as indented lines: "label — description [icon severity]". */
function lines(node: DefinitionNode, depth = 0): string[] {
  const marker = node.severity ? ` !${node.severity}` : '';
  return [
    `${'  '.repeat(depth)}${node.label} — ${node.description} [${node.icon}${marker}]`,
    ...node.children.flatMap((child) => lines(child, depth + 1)),
  ];
}

describe('Definitions view rows', () => {
  it('show a definition as host cluster, shared disks with their VMs, VMs and guest cluster', () => {
    assert.deepEqual(lines(definitionNode(overviewOf(baseline), 'clusters/sql.gcluster.yaml')), [
      'sql-prod — clusters/sql.gcluster.yaml [symbol-file]',
      '  HVCLUS01 — Windows Server 2012 R2 · 3 nodes [server-environment]',
      '    HV01 —  [server]',
      '    HV02 —  [server]',
      '    HV03 —  [server]',
      '    Cluster Shared Volumes — 1 volume [database]',
      '      Volume1 — C:\\ClusterStorage\\Volume1 · 2048 GB [layers]',
      '  Shared disks — 2 [files]',
      '    SqlData — 500 GB .vhdx fixed · Volume1 [file-binary]',
      '      SQLVM01 — attached [link]',
      '      SQLVM02 — attached [link]',
      '    Witness — 1 GB .vhdx fixed · Volume1 [file-binary]',
      '      SQLVM01 — attached [link]',
      '      SQLVM02 — attached [link]',
      '  Virtual machines — 2 [vm]',
      '    SQLVM01 — Gen 2 · 4 vCPU · 16 GB · prefers HV01 [vm]',
      '    SQLVM02 — Gen 2 · 4 vCPU · 16 GB · prefers HV02 [vm]',
      '  SQLCLUS01 — 2 nodes · 10.0.10.50 [organization]',
      '    Disk witness — Witness [law]',
    ]);
  });

  it('carry problem counts and the worst severity up to the file', () => {
    const node = definitionNode(overviewOf(vary([['SqlData.vhdx', 'SqlData.vhd']])), 'sql.gcluster.yaml');
    const disks = node.children.find((child) => child.label === 'Shared disks')!;
    const disk = disks.children[0]!;
    assert.equal(disk.severity, 'error');
    assert.match(disk.description, /· 1 error$/);
    assert.match(disk.tooltip, /1 error/);
    assert.equal(disks.severity, 'error');
    assert.match(disks.description, /^2 · 1 error$/);
    assert.equal(node.severity, 'error');
    assert.match(node.description, /1 error/);
    assert.equal(disks.children[1]!.severity, undefined);
  });

  it('reveal each item at its name, and keep ids stable and distinct', () => {
    const first = definitionNode(overviewOf(baseline), 'sql.gcluster.yaml');
    const second = definitionNode(
      overviewOf(baseline.replace('processors: 4', 'processors: 2')),
      'sql.gcluster.yaml',
    );
    const ids = (node: DefinitionNode): string[] => [node.id, ...node.children.flatMap(ids)];
    assert.deepEqual(ids(first), ids(second));
    assert.equal(new Set(ids(first)).size, ids(first).length);
    const vm = first.children.find((c) => c.label === 'Virtual machines')!.children[1]!;
    const line = baseline.split('\n').findIndex((l) => l.includes('name: SQLVM02'));
    assert.deepEqual(vm.selection?.start, { line, character: 10 });
    // An attached-VM row under a disk reveals the VM itself.
    const attached = first.children.find((c) => c.label === 'Shared disks')!.children[0]!.children[1]!;
    assert.deepEqual(attached.selection, vm.selection);
  });

  it('keep names as plain text in labels and tooltips', () => {
    const hostile = '[x](command:workbench.action.terminal.new) <b>';
    const node = definitionNode(
      overviewOf(vary([['name: SQLVM01', `name: '${hostile}'`]])),
      'a.gcluster.yaml',
    );
    const vm = node.children.find((c) => c.label === 'Virtual machines')!.children[0]!;
    assert.equal(vm.label, hostile);
    assert.ok(vm.tooltip.includes(hostile));
  });

  it('name an unreadable file after its path, with the reason', () => {
    const node = definitionNode(
      {
        uri: 'file:///w/x.gcluster.yaml',
        problems: { errors: 1, warnings: 0, infos: 0, hints: 0 },
        unreadable: 'Too big',
        sharedDisks: [],
        virtualMachines: [],
      },
      'deep/x.gcluster.yaml',
    );
    assert.equal(node.label, 'x.gcluster.yaml');
    assert.equal(node.description, 'deep/x.gcluster.yaml · Too big');
    assert.equal(node.severity, 'error');
  });
});
