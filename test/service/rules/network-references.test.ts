import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baseline, expectDiagnostics, expectNone, vary } from '../fixture';
import { expectRelated, messageText } from './helpers';

const networks =
  '  networks:\n    - { name: Cluster, role: cluster }\n    - { name: Client, role: client }\n';

describe('NET001 two networks', () => {
  it('warns about a single network on the networks key', () => {
    const [d] = expectDiagnostics(
      vary([[networks, '  «networks»:\n    - { name: Cluster, role: clusterAndClient }\n']]),
      'NET001',
      'warning',
    );
    assert.match(messageText(d), /^The host cluster declares 1 network; use at least two/);
  });

  it('warns about an empty list', () => {
    const [d] = expectDiagnostics(vary([[networks, '  «networks»: []\n']]), 'NET001', 'warning');
    assert.match(messageText(d), /declares no networks/);
  });

  it('warns on the host cluster key when networks are missing', () => {
    expectDiagnostics(
      vary([
        [networks, ''],
        ['hostCluster:', '«hostCluster»:'],
      ]),
      'NET001',
      'warning',
    );
  });

  it('accepts two networks', () => {
    expectNone(baseline, 'NET001');
  });
});

describe('REF001 attached disks are declared', () => {
  it('reports an unknown disk in the short form', () => {
    const [d] = expectDiagnostics(vary([['      - SqlData\n', '      - «SqlDta»\n']]), 'REF001', 'error');
    assert.equal(
      messageText(d),
      "'SQLVM01' attaches 'SqlDta', which is not declared in sharedDisks. Declare it there, or fix the name.",
    );
  });

  it('reports an unknown disk in the long form', () => {
    expectDiagnostics(vary([['disk: Witness,', 'disk: «Witnes»,']]), 'REF001', 'error');
  });

  it('finds disks ignoring case', () => {
    expectNone(vary([['      - SqlData\n', '      - SQLDATA\n']]), 'REF001');
    expectNone(baseline, 'REF001');
  });
});

describe('REF002 guest nodes are declared VMs', () => {
  it('reports a node that is not a VM', () => {
    const [d] = expectDiagnostics(
      vary([['nodes: [SQLVM01, SQLVM02]', 'nodes: [SQLVM01, SQLVM02, «SQLVM03»]']]),
      'REF002',
      'error',
    );
    assert.match(messageText(d), /^'SQLVM03' is not a VM of this definition/);
  });

  it('reports a node listed twice, ignoring case, pointing at the first', () => {
    const [d] = expectRelated(
      vary([['nodes: [SQLVM01, SQLVM02]', 'nodes: [SQLVM01, ‹SQLVM02›, «sqlvm02»]']]),
      'REF002',
      'error',
    );
    assert.match(messageText(d), /^'sqlvm02' is listed twice in guestCluster\.nodes/);
  });

  it('finds VMs ignoring case', () => {
    expectNone(vary([['nodes: [SQLVM01, SQLVM02]', 'nodes: [sqlvm01, SqlVm02]']]), 'REF002');
  });
});

describe('REF003 preferred hosts are host nodes', () => {
  it('reports an unknown host', () => {
    const [d] = expectDiagnostics(
      vary([['preferredHost: HV01', 'preferredHost: «HV09»']]),
      'REF003',
      'error',
    );
    assert.equal(messageText(d), "'SQLVM01' prefers host 'HV09', which is not in hostCluster.nodes.");
  });

  it('finds hosts ignoring case', () => {
    expectNone(vary([['preferredHost: HV01', 'preferredHost: hv01']]), 'REF003');
    expectNone(baseline, 'REF003');
  });
});
