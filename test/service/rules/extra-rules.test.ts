import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baseline, expectDiagnostics, expectNone, validate, vary } from '../fixture';
import { expectRelated, messageText, sofsBaseline, thirdVm, withVm } from './helpers';

const vm1 = '  - name: SQLVM01\n';
const vm2 = '  - name: SQLVM02\n';
const volume = "{ name: Volume1, path: 'C:\\ClusterStorage\\Volume1', capacityGB: 2048 }";
const share = "{ name: VMStore, path: '\\\\SOFS01\\VMStore', capacityGB: 4096 }";
const staticAddress = '  staticAddress: 10.0.10.50\n';
const networks =
  '  networks:\n    - { name: Cluster, role: cluster }\n    - { name: Client, role: client }\n';

/** The baseline's Volume1 with another capacity (or none), the rest untouched. */
function volumeOf(capacity: string, source = baseline): string {
  return vary([[volume, `{ name: Volume1, path: 'C:\\ClusterStorage\\Volume1'${capacity} }`]], source);
}

describe('the baseline', () => {
  it('has none of the five new codes', () => {
    const codes = new Set(validate(baseline).map((d) => d.code));
    for (const code of ['TOPO007', 'STOR009', 'GEN004', 'NAME006', 'NET005'])
      assert.ok(!codes.has(code), code);
  });
});

describe('TOPO007 guest VMs are highly available roles of the host cluster', () => {
  it('warns on an explicit highlyAvailable: false of a guest node', () => {
    const [d] = expectDiagnostics(
      vary([[vm1, `${vm1}    highlyAvailable: «false»\n`]]),
      'TOPO007',
      'warning',
    );
    assert.match(
      messageText(d),
      /^Guest node 'SQLVM01' is not a highly available role of the host cluster: when its host fails it stays down/,
    );
    assert.match(messageText(d), /Remove highlyAvailable: false\.$/);
  });

  it('warns once per guest node', () => {
    expectDiagnostics(
      vary([
        [vm1, `${vm1}    highlyAvailable: «false»\n`],
        [vm2, `${vm2}    highlyAvailable: «false»\n`],
      ]),
      'TOPO007',
      'warning',
    );
  });

  it('finds the guest node whatever the case of its name in guestCluster.nodes', () => {
    expectDiagnostics(
      vary([
        [vm2, `${vm2}    highlyAvailable: «false»\n`],
        ['nodes: [SQLVM01, SQLVM02]', 'nodes: [SQLVM01, sqlvm02]'],
      ]),
      'TOPO007',
      'warning',
    );
  });

  it('accepts highlyAvailable: true and an absent key (the default)', () => {
    expectNone(vary([[vm1, `${vm1}    highlyAvailable: true\n`]]), 'TOPO007');
    expectNone(baseline, 'TOPO007');
  });

  it('ignores a VM that is not a guest node', () => {
    const text = withVm(
      thirdVm.replace('  - name: SQLVM03\n', '  - name: SQLVM03\n    highlyAvailable: false\n'),
    );
    expectNone(text, 'TOPO007');
  });

  it('ignores a value that is not the boolean false (the schema reports it)', () => {
    const text = vary([[vm1, `${vm1}    highlyAvailable: 'false'\n`]]);
    expectNone(text, 'TOPO007');
    assert.ok(validate(text).some((d) => d.code === 'SCHEMA003'));
    expectNone(vary([[vm1, `${vm1}    highlyAvailable: no\n`]]), 'TOPO007');
  });
});

describe('STOR009 the disks on a volume or share fit in its capacity', () => {
  // On Volume1: SqlData 500 GB and Witness 1 GB (fixed), two 60 GB OS disks (counted as dynamic).

  it('reports fixed disks alone over capacity on the capacityGB value', () => {
    const [d] = expectDiagnostics(volumeOf(', capacityGB: «400»'), 'STOR009', 'warning');
    assert.equal(
      messageText(d),
      "The 4 disks on 'Volume1' need 501 GB allocated up front (fixed disks alone), more than its 400 GB: New-VHD will fail for lack of space.",
    );
  });

  it('counts a shared disk without type as fixed (the default)', () => {
    const [d] = expectDiagnostics(
      vary([[', sizeGB: 500, type: fixed }', ', sizeGB: 500 }']], volumeOf(', capacityGB: «450»')),
      'STOR009',
      'warning',
    );
    assert.match(messageText(d), /need 501 GB allocated up front \(fixed disks alone\)/);
  });

  it('reports dynamic growth over capacity, counting the OS disks', () => {
    const [d] = expectDiagnostics(volumeOf(', capacityGB: «600»'), 'STOR009', 'warning');
    assert.equal(
      messageText(d),
      "The 4 disks on 'Volume1' can grow to 621 GB, more than its 600 GB. Dynamic disks fill the volume as they grow; when it is full, the VMs on it pause. Monitor free space, or add capacity.",
    );
  });

  it('reports a dynamic shared disk that could outgrow the volume', () => {
    const [d] = expectDiagnostics(
      vary([['sizeGB: 500, type: fixed', 'sizeGB: 1500, type: dynamic']], volumeOf(', capacityGB: «1600»')),
      'STOR009',
      'warning',
    );
    assert.match(messageText(d), /can grow to 1621 GB, more than its 1600 GB/);
  });

  it('accepts disks that exactly fill the volume, and the baseline', () => {
    expectNone(volumeOf(', capacityGB: 621'), 'STOR009');
    expectNone(baseline, 'STOR009');
  });

  it('never reports a volume without capacityGB', () => {
    expectNone(vary([['sizeGB: 500, type: fixed', 'sizeGB: 60000, type: fixed']], volumeOf('')), 'STOR009');
  });

  it('ignores disks outside every declared location', () => {
    const text = vary([
      [
        "'C:\\ClusterStorage\\Volume1\\Shared\\SqlData.vhdx'",
        "'C:\\ClusterStorage\\Volume2\\Shared\\SqlData.vhdx'",
      ],
    ]);
    expectNone(volumeOf(', capacityGB: 200', text), 'STOR009');
  });

  it('matches paths ignoring case and slash direction', () => {
    const text = vary([
      [
        "'C:\\ClusterStorage\\Volume1\\Shared\\SqlData.vhdx'",
        "'c:/clusterstorage/volume1/Shared/SqlData.vhdx'",
      ],
    ]);
    expectDiagnostics(volumeOf(', capacityGB: «400»', text), 'STOR009', 'warning');
  });

  it('checks each volume against its own capacity', () => {
    const text = vary([
      [
        volume,
        `${volume}\n      - { name: Volume2, path: 'C:\\ClusterStorage\\Volume2', capacityGB: «300» }`,
      ],
      [
        "'C:\\ClusterStorage\\Volume1\\Shared\\SqlData.vhdx'",
        "'C:\\ClusterStorage\\Volume2\\Shared\\SqlData.vhdx'",
      ],
    ]);
    const [d] = expectDiagnostics(text, 'STOR009', 'warning');
    assert.match(
      messageText(d),
      /^The one disk on 'Volume2' needs 500 GB allocated up front \(fixed disks alone\), more than its 300 GB/,
    );
  });

  it('checks SOFS shares too', () => {
    const text = vary([[share, share.replace('capacityGB: 4096', 'capacityGB: «500»')]], sofsBaseline);
    const [d] = expectDiagnostics(text, 'STOR009', 'warning');
    assert.equal(
      messageText(d),
      "The 2 disks on 'VMStore' need 501 GB allocated up front (fixed disks alone), more than its 500 GB: New-VHD will fail for lack of space.",
    );
    expectNone(sofsBaseline, 'STOR009');
  });
});

describe('GEN004 a Generation 2 guest runs Windows Server 2012 or later', () => {
  const guestOs1 = `${vm1}    generation: 2\n    guestOs: windowsServer2012R2\n`;

  it('reports a Windows Server 2008 R2 guest on Generation 2, linking to the generation', () => {
    const [d] = expectRelated(
      vary([[guestOs1, `${vm1}    generation: ‹2›\n    guestOs: «windowsServer2008R2»\n`]]),
      'GEN004',
      'error',
    );
    assert.equal(
      messageText(d),
      "'SQLVM01' is Generation 2, which boots with UEFI and needs a 64-bit Windows Server 2012 or later guest; Windows Server 2008 R2 cannot boot there. Use Generation 1, or a newer guest.",
    );
  });

  it('accepts Windows Server 2008 R2 on Generation 1', () => {
    expectNone(vary([[guestOs1, `${vm1}    generation: 1\n    guestOs: windowsServer2008R2\n`]]), 'GEN004');
  });

  it('accepts Windows Server 2012 and later on Generation 2', () => {
    for (const os of [
      'windowsServer2012',
      'windowsServer2012R2',
      'windowsServer2016',
      'windowsServer2019',
      'windowsServer2022',
      'windowsServer2025',
    ])
      expectNone(vary([[guestOs1, `${vm1}    generation: 2\n    guestOs: ${os}\n`]]), 'GEN004');
  });

  it('ignores an unknown guest OS (the schema reports it)', () => {
    expectNone(vary([[guestOs1, `${vm1}    generation: 2\n    guestOs: windowsServer2003\n`]]), 'GEN004');
  });

  it('checks every VM, guest node or not', () => {
    expectDiagnostics(
      withVm(thirdVm.replace('guestOs: windowsServer2012R2', 'guestOs: «windowsServer2008R2»')),
      'GEN004',
      'error',
    );
  });
});

describe('NAME006 a computer name is not a reserved word', () => {
  it('reports a host node named server, ignoring case', () => {
    const [d] = expectDiagnostics(
      vary([['    - name: HV02\n', '    - name: «server»\n']]),
      'NAME006',
      'warning',
    );
    assert.equal(
      messageText(d),
      "The host node name 'server' is a word Windows reserves for built-in identities or network roles; a computer of that name is confused with them. Choose another name.",
    );
  });

  it('reports a guest cluster named GATEWAY', () => {
    const [d] = expectDiagnostics(vary([['  name: SQLCLUS01', '  name: «GATEWAY»']]), 'NAME006', 'warning');
    assert.match(messageText(d), /^The guest cluster name 'GATEWAY' is a word Windows reserves/);
  });

  it('checks the host cluster, the SOFS, VM names and computer names', () => {
    expectDiagnostics(
      vary(
        [
          ['  name: HVCLUS01', '  name: «Network»'],
          ['      name: SOFS01\n', '      name: «Proxy»\n'],
          [vm1, '  - name: «gw»\n'],
          [vm2, `${vm2}    computerName: «Tac»\n`],
        ],
        sofsBaseline,
      ),
      'NAME006',
      'warning',
    );
  });

  it("checks a VM's computerName instead of its VM name", () => {
    expectNone(vary([[vm2, `  - name: SYSTEM\n    computerName: SQLVM02\n`]]), 'NAME006');
  });

  it('accepts names that merely contain a reserved word', () => {
    expectNone(
      vary([
        ['    - name: HV02\n', '    - name: SERVER01\n'],
        ['  name: SQLCLUS01', '  name: GATEWAY-1'],
        ['  name: HVCLUS01', '  name: SYSTEMS'],
        [vm1, '  - name: MYGW\n'],
      ]),
      'NAME006',
    );
    expectNone(baseline, 'NAME006');
  });

  it('ignores names that are not computer names', () => {
    expectNone(vary([['{ name: Witness,', '{ name: System,']]), 'NAME006');
  });
});

describe('NET005 without DHCP, the guest cluster needs a static address', () => {
  it('warns on the guestCluster key when no network has DHCP and no staticAddress is set', () => {
    const [d] = expectDiagnostics(
      vary([
        [staticAddress, ''],
        ['guestCluster:', '«guestCluster»:'],
      ]),
      'NET005',
      'warning',
    );
    assert.equal(
      messageText(d),
      'No network declares dhcp: true, and the guest cluster has no staticAddress: New-Cluster cannot give the cluster name an address. Add guestCluster.staticAddress, or mark the network that serves DHCP.',
    );
  });

  it('warns when every network says dhcp: false', () => {
    expectDiagnostics(
      vary([
        [staticAddress, ''],
        ['guestCluster:', '«guestCluster»:'],
        ['role: cluster }', 'role: cluster, dhcp: false }'],
        ['role: client }', 'role: client, dhcp: false }'],
      ]),
      'NET005',
      'warning',
    );
  });

  it('accepts a staticAddress', () => {
    expectNone(baseline, 'NET005');
  });

  it('accepts a network with dhcp: true', () => {
    expectNone(
      vary([
        [staticAddress, ''],
        ['role: client }', 'role: client, dhcp: true }'],
      ]),
      'NET005',
    );
  });

  it('says nothing when no networks are declared', () => {
    expectNone(
      vary([
        [staticAddress, ''],
        [networks, ''],
      ]),
      'NET005',
    );
    expectNone(
      vary([
        [staticAddress, ''],
        [networks, '  networks: []\n'],
      ]),
      'NET005',
    );
  });

  it('says nothing without a guest cluster', () => {
    const text = baseline.slice(0, baseline.indexOf('guestCluster:'));
    expectNone(text, 'NET005');
  });
});
