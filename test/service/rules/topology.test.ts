import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baseline, expectDiagnostics, expectNone, validate, vary } from '../fixture';
import { assertShownSafely, expectRelated, messageText, thirdVm, withThirdGuest, withVm } from './helpers';

const hostNodes = '  nodes:\n    - name: HV01\n    - name: HV02\n    - name: HV03\n';
const guestNodes = '  nodes: [SQLVM01, SQLVM02]';

function hostNodeList(count: number): string {
  return Array.from({ length: count }, (_, i) => `    - name: HV${String(i + 1).padStart(2, '0')}\n`).join(
    '',
  );
}

describe('the helper fixtures', () => {
  it('stay valid with a third guest node on the third host', () => {
    assert.deepEqual(validate(withThirdGuest()), []);
  });
});

describe('TOPO001 the host cluster has at least two nodes', () => {
  it('reports a single host node on the nodes key', () => {
    const [d] = expectDiagnostics(vary([[hostNodes, '  «nodes»:\n    - name: HV01\n']]), 'TOPO001', 'error');
    assert.match(messageText(d), /has 1 node;/);
  });

  it('reports an empty node list', () => {
    const [d] = expectDiagnostics(vary([[hostNodes, '  «nodes»: []\n']]), 'TOPO001', 'error');
    assert.match(messageText(d), /has 0 nodes;/);
  });

  it('reports missing nodes on the host cluster key', () => {
    expectDiagnostics(
      vary([
        [hostNodes, ''],
        ['hostCluster:', '«hostCluster»:'],
      ]),
      'TOPO001',
      'error',
    );
  });

  it('accepts two host nodes', () => {
    expectNone(vary([['    - name: HV03\n', '']]), 'TOPO001');
    expectNone(baseline, 'TOPO001');
  });
});

describe('TOPO002 cluster sizes', () => {
  it('reports 65 host nodes and accepts 64', () => {
    const [d] = expectDiagnostics(vary([[hostNodes, `  «nodes»:\n${hostNodeList(65)}`]]), 'TOPO002', 'error');
    assert.match(messageText(d), /has 65 nodes; a Hyper-V failover cluster has at most 64/);
    expectNone(vary([[hostNodes, `  nodes:\n${hostNodeList(64)}`]]), 'TOPO002');
  });

  it('reports a guest cluster of one node', () => {
    const [d] = expectDiagnostics(vary([[guestNodes, '  «nodes»: [SQLVM01]']]), 'TOPO002', 'error');
    assert.match(messageText(d), /has one node; a failover cluster needs at least 2/);
  });

  it('reports a guest cluster with no nodes', () => {
    const [d] = expectDiagnostics(vary([[guestNodes, '  «nodes»: []']]), 'TOPO002', 'error');
    assert.match(messageText(d), /has no nodes/);
  });

  it('reports 65 guest nodes', () => {
    const names = Array.from({ length: 65 }, (_, i) => `SQLVM${i + 1}`).join(', ');
    const [d] = expectDiagnostics(vary([[guestNodes, `  «nodes»: [${names}]`]]), 'TOPO002', 'error');
    assert.match(messageText(d), /has 65 nodes; a failover cluster has at most 64/);
  });

  it('accepts two guest nodes on three hosts', () => {
    expectNone(baseline, 'TOPO002');
  });
});

describe('TOPO003 host OS', () => {
  it('reports a 2012 host without also reporting the schema enum', () => {
    const text = vary([['  os: windowsServer2012R2', '  os: «windowsServer2012»']]);
    const [d] = expectDiagnostics(text, 'TOPO003', 'error');
    assert.match(messageText(d), /'windowsServer2012' is not a supported host OS/);
    expectNone(text.replace(/[«»]/g, ''), 'SCHEMA004');
  });

  it('reports a 2008 R2 host and an unknown version', () => {
    expectDiagnostics(
      vary([['  os: windowsServer2012R2', '  os: «windowsServer2008R2»']]),
      'TOPO003',
      'error',
    );
    expectDiagnostics(vary([['  os: windowsServer2012R2', '  os: «windowsNT»']]), 'TOPO003', 'error');
  });

  it('reports a VHD Set on 2012 R2 hosts, pointing at the host OS', () => {
    const [d] = expectRelated(
      vary([
        ['  os: windowsServer2012R2', '  os: ‹windowsServer2012R2›'],
        [
          "'C:\\ClusterStorage\\Volume1\\Shared\\Witness.vhdx'",
          "«'C:\\ClusterStorage\\Volume1\\Shared\\Witness.vhds'»",
        ],
      ]),
      'TOPO003',
      'error',
    );
    assert.match(messageText(d), /VHD Set \(\.vhds\), which needs Windows Server 2016 or later hosts/);
    assert.match(messageText(d), /these hosts run Windows Server 2012 R2/);
  });

  it('accepts a VHD Set on 2016 hosts, and 2012 R2 to 2025 hosts', () => {
    expectNone(
      vary([
        ['  os: windowsServer2012R2', '  os: windowsServer2016'],
        ['Witness.vhdx', 'Witness.vhds'],
      ]),
      'TOPO003',
    );
    for (const os of ['windowsServer2012R2', 'windowsServer2019', 'windowsServer2022', 'windowsServer2025'])
      expectNone(vary([['  os: windowsServer2012R2', `  os: ${os}`]]), 'TOPO003');
  });
});

describe('TOPO004 one domain', () => {
  it('reports a host node in another domain, pointing at the host domain', () => {
    const [d] = expectRelated(
      vary([
        ['  domain: corp.contoso.com', '  domain: ‹corp.contoso.com›'],
        ['    - name: HV02\n', '    - name: HV02\n      domain: «fabrikam.com»\n'],
      ]),
      'TOPO004',
      'error',
    );
    assert.match(messageText(d), /Host node 'HV02' is in 'fabrikam.com', but the host cluster is in/);
  });

  it('compares domains ignoring case and a final dot', () => {
    expectNone(
      vary([['    - name: HV02\n', '    - name: HV02\n      domain: CORP.Contoso.com.\n']]),
      'TOPO004',
    );
  });

  it('reports a guest node in another domain, pointing at the guest domain', () => {
    expectRelated(
      vary([
        ['  - name: SQLVM02\n', '  - name: SQLVM02\n    domain: «fabrikam.com»\n'],
        ['  domain: corp.contoso.com\n  staticAddress', '  domain: ‹corp.contoso.com›\n  staticAddress'],
      ]),
      'TOPO004',
      'error',
    );
  });

  it('lets the guests use a domain other than the hosts', () => {
    const text = vary([
      ['  domain: corp.contoso.com\n  staticAddress', '  domain: sql.fabrikam.com\n  staticAddress'],
    ]);
    expectNone(
      vary([['  - name: SQLVM02\n', '  - name: SQLVM02\n    domain: sql.fabrikam.com\n']], text),
      'TOPO004',
    );
  });

  it('ignores a VM that is not a guest node', () => {
    expectNone(
      withVm(thirdVm.replace('    generation', '    domain: fabrikam.com\n    generation')),
      'TOPO004',
    );
  });
});

describe('TOPO005 guest OS version', () => {
  const guestOs = '    guestOs: windowsServer2012R2\n';

  it('reports a 2012 guest without the 2012 R2 Integration Services', () => {
    const [d] = expectDiagnostics(
      vary([[guestOs, '    guestOs: «windowsServer2012»\n']]),
      'TOPO005',
      'error',
    );
    assert.match(messageText(d), /'SQLVM01' runs Windows Server 2012: install the Windows Server 2012 R2/);
    assert.match(messageText(d), /integrationServices: windowsServer2012R2/);
  });

  it('accepts a 2012 guest with the 2012 R2 (or later) Integration Services', () => {
    for (const services of ['windowsServer2012R2', 'windowsServer2016'])
      expectNone(
        vary([[guestOs, `    guestOs: windowsServer2012\n    integrationServices: ${services}\n`]]),
        'TOPO005',
      );
  });

  it('reports unknown Integration Services on their value, quoted safely', () => {
    const [d] = expectDiagnostics(
      vary([[guestOs, '    guestOs: windowsServer2012\n    integrationServices: «"v6\\n$(rm -rf /)"»\n']]),
      'TOPO005',
      'error',
    );
    assertShownSafely(messageText(d), "'v6\\u000a$(rm -rf /)'");
  });

  it('reports a 2008 R2 guest', () => {
    const [d] = expectDiagnostics(
      vary([[guestOs, '    guestOs: «windowsServer2008R2»\n']]),
      'TOPO005',
      'error',
    );
    assert.match(messageText(d), /'SQLVM01' runs Windows Server 2008 R2; a guest cluster/);
  });

  it('accepts 2012 R2 and later guests', () => {
    expectNone(baseline, 'TOPO005');
    expectNone(vary([[guestOs, '    guestOs: windowsServer2022\n']]), 'TOPO005');
  });

  it('ignores a VM that is not a guest node', () => {
    expectNone(withVm(thirdVm.replace('windowsServer2012R2', 'windowsServer2008R2')), 'TOPO005');
  });
});

describe('TOPO006 enough hosts for the guests', () => {
  const twoHosts = (text: string) => vary([['    - name: HV03\n', '']], text);

  it('warns about three guest nodes on two hosts, pointing at the host nodes', () => {
    const text = vary(
      [
        ['  nodes:\n    - name: HV01', '  ‹nodes›:\n    - name: HV01'],
        ['  nodes: [SQLVM01, SQLVM02, SQLVM03]', '  «nodes»: [SQLVM01, SQLVM02, SQLVM03]'],
      ],
      twoHosts(withThirdGuest()),
    );
    const [d] = expectRelated(text, 'TOPO006', 'warning');
    assert.match(messageText(d), /^3 guest nodes on 2 host nodes/);
    assert.match(messageText(d), /at least 4 host nodes/);
  });

  it('accepts as many guests as hosts', () => {
    expectNone(withThirdGuest(), 'TOPO006');
    expectNone(twoHosts(baseline), 'TOPO006');
  });

  it('counts a guest node listed twice once', () => {
    expectNone(vary([[guestNodes, '  nodes: [SQLVM01, SQLVM02, sqlvm02]']], twoHosts(baseline)), 'TOPO006');
  });
});

describe('TOPO009 anti-affinity', () => {
  const classes = '    antiAffinityClassNames: [SqlGuestCluster]\n';

  it('warns about a guest node without an anti-affinity class, on its name', () => {
    const [d] = expectDiagnostics(
      vary([
        [classes, ''],
        ['  - name: SQLVM01\n', '  - name: «SQLVM01»\n'],
      ]),
      'TOPO009',
      'warning',
    );
    assert.match(messageText(d), /Guest node 'SQLVM01' has no antiAffinityClassNames/);
  });

  it('warns about every guest node without a class', () => {
    expectDiagnostics(
      vary([
        [classes, ''],
        [classes, ''],
        ['  - name: SQLVM01\n', '  - name: «SQLVM01»\n'],
        ['  - name: SQLVM02\n', '  - name: «SQLVM02»\n'],
      ]),
      'TOPO009',
      'warning',
    );
  });

  it('warns on the guest nodes when the classes have nothing in common', () => {
    expectDiagnostics(
      vary([
        [classes, '    antiAffinityClassNames: [SqlA]\n'],
        [guestNodes, '  «nodes»: [SQLVM01, SQLVM02]'],
      ]),
      'TOPO009',
      'warning',
    );
  });

  it('accepts one common class, compared ignoring case', () => {
    expectNone(vary([[classes, '    antiAffinityClassNames: [Other, sqlguestcluster]\n']]), 'TOPO009');
  });

  it('ignores a VM that is not a guest node', () => {
    expectNone(withVm(thirdVm.replace(classes, '')), 'TOPO009');
  });
});
