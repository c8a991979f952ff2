import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baseline, expectDiagnostics, expectNone, vary } from '../fixture';
import { assertShownSafely, expectRelated, messageText, sofsBaseline } from './helpers';

const guestClusterName = '  name: SQLCLUS01';

describe('NAME001 computer names are at most 15 characters', () => {
  it('reports a 16-character guest cluster name with its length', () => {
    const [d] = expectDiagnostics(
      vary([[guestClusterName, '  name: «SQLCLUSTERPROD01»']]),
      'NAME001',
      'error',
    );
    assert.match(
      messageText(d),
      /^The guest cluster name 'SQLCLUSTERPROD01' is 16 characters; NetBIOS names are at most 15\./,
    );
  });

  it('accepts 15 characters', () => {
    expectNone(vary([[guestClusterName, '  name: SQLCLUSTERPROD1']]), 'NAME001');
  });

  it('checks the host cluster, host nodes, VM names and the guest cluster', () => {
    expectDiagnostics(
      vary([
        ['  name: HVCLUS01', '  name: «HYPERV-CLUSTER-01»'],
        ['    - name: HV02\n', '    - name: «HYPERV-HOST-NODE2»\n'],
        ['  - name: SQLVM02\n', '  - name: «SQL-SERVER-NODE-2»\n'],
        [guestClusterName, '  name: «SQL-SERVER-CLUSTER»'],
      ]),
      'NAME001',
      'error',
    );
  });

  it('checks the Scale-Out File Server name', () => {
    const [d] = expectDiagnostics(
      vary([['      name: SOFS01\n', '      name: «SCALEOUT-FILESRV1»\n']], sofsBaseline),
      'NAME001',
      'error',
    );
    assert.match(messageText(d), /^The Scale-Out File Server name/);
  });

  it("checks a VM's computerName instead of its VM name", () => {
    expectDiagnostics(
      vary([['  - name: SQLVM02\n', '  - name: SQLVM02\n    computerName: «SQL-SERVER-NODE-2»\n']]),
      'NAME001',
      'error',
    );
    expectNone(
      vary([
        ['  - name: SQLVM02\n', '  - name: SQL-SERVER-VM-NUMBER-2\n    computerName: SQLVM02\n'],
        ['nodes: [SQLVM01, SQLVM02]', 'nodes: [SQLVM01, SQL-SERVER-VM-NUMBER-2]'],
      ]),
      'NAME001',
    );
  });

  it('counts characters, not UTF-16 code units', () => {
    const [d] = expectDiagnostics(
      vary([[guestClusterName, '  name: «ÅÅÅÅÅÅÅÅÅÅÅÅÅÅÅ😀»']]),
      'NAME001',
      'error',
    );
    assert.match(messageText(d), /is 16 characters/);
    expectNone(vary([[guestClusterName, '  name: ÅÅÅÅÅÅÅÅÅÅÅÅÅÅ😀']]), 'NAME001');
  });

  it('shows a hostile name escaped, never as raw lines', () => {
    const [d] = expectDiagnostics(
      vary([[guestClusterName, '  name: «"SQL\\nFAKE $(rm -rf /)"»']]),
      'NAME001',
      'error',
    );
    assertShownSafely(messageText(d), "'SQL\\u000aFAKE $(rm -rf /)'");
  });
});

describe('NAME002 NetBIOS characters', () => {
  it('reports a forbidden character and names it', () => {
    const [d] = expectDiagnostics(
      vary([['    - name: HV02\n', "    - name: «'HV:02'»\n"]]),
      'NAME002',
      'error',
    );
    assert.match(messageText(d), /^The host node name 'HV:02' contains ':'; NetBIOS names cannot contain/);
  });

  it('reports every forbidden character', () => {
    for (const ch of ['\\', '/', ':', '*', '?', '"', '<', '>', '|']) {
      const yaml = `'SQL${ch}CLUS'`;
      expectDiagnostics(vary([[guestClusterName, `  name: «${yaml}»`]]), 'NAME002', 'error');
    }
  });

  it('shows a hostile name quoted', () => {
    const [d] = expectDiagnostics(
      vary([[guestClusterName, '  name: «"A\\r\\n$(rm -rf /)"»']]),
      'NAME002',
      'error',
    );
    assertShownSafely(messageText(d), "'A\\u000d\\u000a$(rm -rf /)' contains '/'");
  });

  it('accepts letters, digits and hyphens', () => {
    expectNone(vary([[guestClusterName, '  name: SQL-CLUS-01']]), 'NAME002');
  });
});

describe('NAME003 host name characters', () => {
  it('reports an underscore, a space, an inner dot and a non-ASCII letter', () => {
    const [underscore, , , accent] = expectDiagnostics(
      vary([
        ['  name: HVCLUS01', '  name: «HV_CLUS01»'],
        ['    - name: HV02\n', "    - name: «'HV 02'»\n"],
        ['  - name: SQLVM02\n', '  - name: «SQL.VM02»\n'],
        [guestClusterName, '  name: «SQLCLÜS01»'],
      ]),
      'NAME003',
      'error',
    );
    assert.match(messageText(underscore), /'HV_CLUS01' contains '_'; DNS host names use only letters/);
    assert.match(messageText(accent), /contains 'Ü'/);
  });

  it("leaves NAME002's characters and a final dot to their own rules", () => {
    expectNone(vary([['    - name: HV02\n', "    - name: 'HV:02'\n"]]), 'NAME003');
    expectNone(vary([[guestClusterName, '  name: SQLCLUS01.']]), 'NAME003');
  });

  it('accepts letters, digits and hyphens', () => {
    expectNone(baseline, 'NAME003');
  });
});

describe('NAME004 name shape', () => {
  it('reports an all-digit name', () => {
    const [d] = expectDiagnostics(
      vary([['    - name: HV02\n', "    - name: «'12345'»\n"]]),
      'NAME004',
      'error',
    );
    assert.match(messageText(d), /'12345' is all digits/);
  });

  it('reports a leading hyphen or dot', () => {
    const [hyphen, dot] = expectDiagnostics(
      vary([
        ['    - name: HV02\n', "    - name: «'-HV02'»\n"],
        ['    - name: HV03\n', "    - name: «'.HV03'»\n"],
      ]),
      'NAME004',
      'error',
    );
    assert.match(messageText(hyphen), /starts with '-'/);
    assert.match(messageText(dot), /starts with '\.'/);
  });

  it('reports a trailing hyphen or dot', () => {
    const [d] = expectDiagnostics(vary([[guestClusterName, '  name: «SQLCLUS01.»']]), 'NAME004', 'error');
    assert.match(messageText(d), /ends with '\.'/);
    expectDiagnostics(vary([[guestClusterName, '  name: «SQLCLUS01-»']]), 'NAME004', 'error');
  });

  it('accepts a name that starts with a digit or holds hyphens', () => {
    expectNone(vary([[guestClusterName, '  name: 1SQL-CLUS-01']]), 'NAME004');
  });
});

describe('NAME005 unique names', () => {
  it('reports a second VM of the same name once, ignoring case, pointing at the first', () => {
    const [d] = expectRelated(
      vary([
        ['  - name: SQLVM01\n', '  - name: ‹SQLVM01›\n'],
        ['  - name: SQLVM02\n', '  - name: «sqlvm01»\n'],
      ]),
      'NAME005',
      'error',
    );
    assert.match(
      messageText(d),
      /^The computer name 'sqlvm01' is already used by the VM name \(also its guest computer name\) 'SQLVM01'/,
    );
    assert.equal(d?.relatedInformation?.[0]?.message, "First use of 'SQLVM01'");
  });

  it('reports a guest computer name that is a host node name', () => {
    const [d] = expectRelated(
      vary([
        ['    - name: HV01\n', '    - name: ‹HV01›\n'],
        ['  - name: SQLVM02\n', '  - name: SQLVM02\n    computerName: «hv01»\n'],
      ]),
      'NAME005',
      'error',
    );
    assert.match(messageText(d), /already used by the host node name 'HV01'/);
  });

  it('reports a guest cluster named like the host cluster', () => {
    expectRelated(
      vary([
        ['  name: HVCLUS01', '  name: ‹HVCLUS01›'],
        [guestClusterName, '  name: «HVCLUS01»'],
      ]),
      'NAME005',
      'error',
    );
  });

  it('reports VMs of the same name even when their computer names differ', () => {
    const [d] = expectRelated(
      vary([
        ['  - name: SQLVM01\n', '  - name: ‹SQLVM01›\n    computerName: SQLNODE1\n'],
        ['  - name: SQLVM02\n', '  - name: «SQLVM01»\n    computerName: SQLNODE2\n'],
      ]),
      'NAME005',
      'error',
    );
    assert.match(messageText(d), /^The VM name 'SQLVM01' is already used by the VM 'SQLVM01'/);
  });

  it('reports duplicate shared disk, volume and share names', () => {
    expectRelated(
      vary([
        ['  - { name: SqlData,', '  - { name: ‹SqlData›,'],
        ['  - { name: Witness,', '  - { name: «SQLDATA»,'],
      ]),
      'NAME005',
      'error',
    );
    expectRelated(
      vary([
        [
          "      - { name: Volume1, path: 'C:\\ClusterStorage\\Volume1', capacityGB: 2048 }\n",
          "      - { name: ‹Volume1›, path: 'C:\\ClusterStorage\\Volume1', capacityGB: 2048 }\n      - { name: «volume1», path: 'C:\\ClusterStorage\\Volume2' }\n",
        ],
      ]),
      'NAME005',
      'error',
    );
    expectRelated(
      vary(
        [
          [
            "        - { name: VMStore, path: '\\\\SOFS01\\VMStore', capacityGB: 4096 }\n",
            "        - { name: ‹VMStore›, path: '\\\\SOFS01\\VMStore', capacityGB: 4096 }\n        - { name: «VMSTORE», path: '\\\\SOFS01\\Other' }\n",
          ],
        ],
        sofsBaseline,
      ),
      'NAME005',
      'error',
    );
  });

  it('keeps kinds of names apart', () => {
    // A volume may share a name with a host node, and a VM may repeat its name as its computer name.
    expectNone(vary([['{ name: Volume1,', '{ name: HV01,']]), 'NAME005');
    expectNone(vary([['  - name: SQLVM02\n', '  - name: SQLVM02\n    computerName: sqlvm02\n']]), 'NAME005');
    expectNone(baseline, 'NAME005');
  });
});
