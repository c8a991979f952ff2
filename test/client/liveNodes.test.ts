import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { liveClusterNode, type LiveNode } from '../../client/src/live/liveNodes';
import { simulatedInventory } from '../fixtures/simulatedCluster';

function lines(node: LiveNode, depth = 0): string[] {
  const health = node.health ? ` !${node.health}` : '';
  return [
    `${'  '.repeat(depth)}${node.label} — ${node.description} [${node.icon}${health}]`,
    ...node.children.flatMap((child) => lines(child, depth + 1)),
  ];
}

describe('Live Clusters rows', () => {
  it('show nodes, CSVs with per-node I/O, VMs with their disks, and the quorum', () => {
    assert.deepEqual(lines(liveClusterNode('hvclus01', { inventory: simulatedInventory })), [
      'HVCLUS01 — 3 nodes (1 not up) · 3 VMs [server-environment !warning]',
      '  Host nodes — 3 [server]',
      '    HV01 — Up [server !ok]',
      '    HV02 — Up [server !ok]',
      '    HV03 — Down [server !error]',
      '  Cluster Shared Volumes — 3 [database]',
      '    C:\\ClusterStorage\\Volume1 — Online · owner HV01 [layers !ok]',
      '      HV01 — direct I/O [arrow-swap !ok]',
      '      HV02 — direct I/O [arrow-swap !ok]',
      '    C:\\ClusterStorage\\Volume2 — Online · owner HV01 · redirected on HV02 [layers !warning]',
      '      HV01 — direct I/O [arrow-swap !ok]',
      '      HV02 — FileSystemRedirected (redirected I/O) [arrow-swap !warning]',
      '    C:\\ClusterStorage\\Volume3 — Online · owner HV02 [layers !ok]',
      '      HV01 — direct I/O [arrow-swap !ok]',
      '      HV02 — direct I/O [arrow-swap !ok]',
      '  Virtual machines — 3 [vm]',
      '    SQLVM01 — Running · Gen 2 · on HV01 [vm !ok]',
      '      os.vhdx — SCSI 0:0 · VHDX Dynamic 60 GB [file-binary]',
      '      SqlData.vhdx — SCSI 0:1 · shared · VHDX Fixed 500 GB [file-binary]',
      '      SqlLog.vhdx — SCSI 0:2 · shared · VHDX Fixed 100 GB [file-binary]',
      '      Witness.vhdx — SCSI 0:3 · shared · VHDX Fixed 1 GB [file-binary]',
      '    SQLVM02 — Running · Gen 2 · on HV02 [vm !ok]',
      '      os.vhdx — SCSI 0:0 · VHDX Dynamic 60 GB [file-binary]',
      '      SqlData.vhdx — SCSI 0:1 · shared · VHDX Fixed 500 GB [file-binary]',
      '      SqlLog.vhdx — IDE 0:1 · VHDX Fixed 100 GB [file-binary]',
      '      Witness.vhdx — SCSI 0:3 · shared · VHDX Fixed 1 GB [file-binary]',
      '    LEGACY-APP — Off · Gen 1 · on HV01 · not highly available [vm !off]',
      '  Guest cluster SQLCLUS01 — 2 nodes · NodeAndDiskMajority · Witness [organization !ok]',
      '    SQLVM01 — Up [vm !ok]',
      '    SQLVM02 — Up [vm !ok]',
      '    Quorum — NodeAndDiskMajority · Witness [law]',
      '  Quorum — NodeAndDiskMajority · Cluster Disk 4 [law]',
    ]);
  });

  it('offer Sign In on a guest cluster that refused this identity, and only then', () => {
    const rows = (error: string) =>
      liveClusterNode('hvclus01', {
        inventory: { ...simulatedInventory, guestClusters: [{ vms: ['SQLVM01', 'SQLVM02'], error }] },
      }).children.find((row) => row.label.startsWith('Guest cluster'))!;
    const refused = rows('Connecting to remote server SQLVM01 failed: Access is denied.\nmore');
    assert.deepEqual(
      [refused.label, refused.description, refused.contextValue, refused.health],
      [
        'Guest cluster in SQLVM01, SQLVM02',
        'not reachable: Connecting to remote server SQLVM01 failed: Access is denied.',
        'liveGuestSignIn',
        'warning',
      ],
    );
    assert.equal(
      rows('WinRM cannot complete the operation. The computer is off.').contextValue,
      'liveGuestUnreachable',
    );
  });

  it('say why a cluster could not be read, or that it is not read yet', () => {
    const failed = liveClusterNode('NOSUCH', { error: 'Could not read NOSUCH: no answer\nmore' });
    assert.deepEqual(
      [failed.description, failed.icon, failed.health],
      ['Could not read NOSUCH: no answer', 'error', 'error'],
    );
    assert.match(liveClusterNode('HV', {}).description, /not read yet/);
  });
});
