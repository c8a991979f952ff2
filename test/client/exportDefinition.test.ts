import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exportDefinition, guestGroups, versionOfBuild } from '../../client/src/live/exportDefinition';
import type { Inventory } from '../../client/src/powershell/inspect';
import { healthyInventory, simulatedInventory } from '../fixtures/simulatedCluster';
import { validate } from '../service/fixture';

/** Every diagnostic of a text as "CODE line", to compare whole lists. */
function problems(text: string): string[] {
  return validate(text).map((d) => `${String(d.code)} ${d.range.start.line + 1}`);
}

function exported(inventory: Inventory) {
  const groups = guestGroups(inventory);
  assert.equal(groups.length, 1, 'one group of VMs shares disks');
  return exportDefinition(inventory, groups[0]!);
}

describe('Export Live Cluster', () => {
  it('finds the guest cluster among the VMs: the two SQL VMs share disks, LEGACY-APP shares none', () => {
    const [group] = guestGroups(simulatedInventory);
    assert.deepEqual(
      group!.vms.map((vm) => vm.name),
      ['SQLVM01', 'SQLVM02'],
    );
    assert.equal(group!.guest?.name, 'SQLCLUS01');
  });

  it('writes a definition of a healthy cluster that validates with no problem at all', () => {
    const { text, guesses } = exported(healthyInventory);
    assert.deepEqual(problems(text), []);
    assert.deepEqual(guesses, []);
    // What was read is what was written: the 2012 R2 build, the CSV volumes, the disks and the witness.
    assert.match(text, /os: windowsServer2012R2/);
    assert.match(
      text,
      /- \{ name: Witness, path: C:\\ClusterStorage\\Volume3\\Shared\\Witness.vhdx, sizeGB: 1, type: fixed, guestUse: witness \}/,
    );
    assert.match(text, /quorum: \{ witness: disk, disk: Witness \}/);
    assert.match(text, /memory: \{ startupGB: 16 \}/);
    assert.match(text, /osDisk: \{ path: C:\\ClusterStorage\\Volume1\\SQLVM01\\os.vhdx \}/);
    assert.doesNotMatch(text, /LEGACY-APP/);
  });

  it('writes what is wrong as it is, so the definition shows the same problems as the cluster', () => {
    const { text } = exported(simulatedInventory);
    // SQLVM02's log disk hangs on IDE without persistent reservations: ATT001 and ATT002, on that line.
    const line = text.split('\n').findIndex((l) => l.includes('disk: SqlLog, controller: ide')) + 1;
    assert.ok(line > 0, text);
    assert.deepEqual(problems(text).sort(), [`ATT001 ${line}`, `ATT002 ${line}`]);
  });

  it('marks what it could not read when the guest cluster does not answer, and only the unknown address is a problem', () => {
    const unreachable: Inventory = {
      ...healthyInventory,
      guestClusters: [{ vms: ['SQLVM01', 'SQLVM02'], error: 'WinRM cannot complete the operation.\nMore' }],
    };
    const { text, guesses } = exported(unreachable);
    // Only the cluster's address is missing, and the definition says so where it matters.
    assert.deepEqual(
      problems(text).map((p) => p.split(' ')[0]),
      ['NET005'],
    );
    assert.equal(guesses.length, 3, guesses.join('\n'));
    assert.match(
      text,
      /name: SQLVM01-CL # not read: the guest cluster did not answer remoting \(WinRM cannot complete the operation.\)/,
    );
    assert.match(text, /guestOs: windowsServer2012R2 # not read: SQLVM01 did not answer remoting/);
    assert.match(text, /quorum: \{ witness: disk, disk: Witness \}/, 'the 1 GB disk named Witness');
  });

  const hostileNames = [
    "O'Brien: #1 - [x]",
    '*alias &anchor !tag',
    'line one\nline two',
    '{ flow: map }',
    '$(Remove-Item C:\\) `; \' "',
    'yes',
    '0x1F',
    'ünïcødé ✓',
  ];

  it('keeps hostile names as YAML data: they read back as the same strings', async () => {
    const { parse } = await import('yaml');
    for (const hostile of hostileNames) {
      const inventory: Inventory = {
        ...healthyInventory,
        cluster: { ...healthyInventory.cluster, name: hostile },
        vms: healthyInventory.vms.map((vm) => (vm.name === 'SQLVM01' ? { ...vm, name: hostile } : vm)),
        guestClusters: [],
      };
      const { text } = exported(inventory);
      const read = parse(text) as { hostCluster: { name: string }; virtualMachines: { name: string }[] };
      assert.equal(read.hostCluster.name, hostile);
      assert.equal(read.virtualMachines[0]!.name, hostile);
      assert.doesNotMatch(text.split('\n')[0]!, /\n/);
    }
  });

  it('names the Windows Server version of each build', () => {
    assert.equal(versionOfBuild(9600), 'windowsServer2012R2');
    assert.equal(versionOfBuild(14393), 'windowsServer2016');
    assert.equal(versionOfBuild(17763), 'windowsServer2019');
    assert.equal(versionOfBuild(20348), 'windowsServer2022');
    assert.equal(versionOfBuild(26100), 'windowsServer2025');
    assert.equal(versionOfBuild(0), undefined);
  });
});
