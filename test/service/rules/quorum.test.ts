import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baseline, expectDiagnostics, expectNone, vary } from '../fixture';
import { expectRelated, messageText, withThirdGuest } from './helpers';

const quorum = 'quorum: { witness: disk, disk: Witness }';
const withQuorum = (to: string, text = baseline) => vary([[quorum, to]], text);
const guestOs = '    guestOs: windowsServer2012R2\n';

describe('Q001 witness', () => {
  it('warns that two votes and no witness can tie', () => {
    const [d] = expectDiagnostics(withQuorum('quorum: { witness: «none» }'), 'Q001', 'warning');
    assert.match(messageText(d), /^2 node votes and no witness: losing half the nodes leaves a tie/);
  });

  it('still warns with an odd number of votes, with other advice', () => {
    const [d] = expectDiagnostics(
      withQuorum('quorum: { witness: «none» }', withThirdGuest()),
      'Q001',
      'warning',
    );
    assert.match(messageText(d), /^No witness: from Windows Server 2012 R2 on, always configure one/);
  });

  it('accepts a witness', () => {
    expectNone(baseline, 'Q001');
    expectNone(withQuorum("quorum: { witness: fileShare, path: '\\\\FS01\\Witness' }"), 'Q001');
  });
});

describe('Q002 cloud witness version', () => {
  const cloud = 'quorum: { witness: «cloud», storageAccount: sqlwitness }';

  it('reports a cloud witness with 2012 R2 guests', () => {
    const [d] = expectDiagnostics(withQuorum(cloud), 'Q002', 'error');
    assert.match(
      messageText(d),
      /every guest node on Windows Server 2016 or later; 'SQLVM01' runs Windows Server 2012 R2\./,
    );
  });

  it('names the oldest guest node', () => {
    const [d] = expectDiagnostics(
      withQuorum(cloud, vary([[guestOs, '    guestOs: windowsServer2016\n']])),
      'Q002',
      'error',
    );
    assert.match(messageText(d), /'SQLVM02' runs Windows Server 2012 R2/);
  });

  it('accepts 2016 guests', () => {
    expectNone(
      withQuorum(
        cloud.replace(/[«»]/g, ''),
        vary([
          [guestOs, '    guestOs: windowsServer2016\n'],
          [guestOs, '    guestOs: windowsServer2019\n'],
        ]),
      ),
      'Q002',
    );
  });
});

describe('Q003 file share witness', () => {
  const share = (path: string) => withQuorum(`quorum: { witness: fileShare, path: ${path} }`);

  it('reports a path that is not UNC', () => {
    const [d] = expectDiagnostics(share("«'D:\\Witness'»"), 'Q003', 'error');
    assert.match(messageText(d), /^'D:\\Witness' is not a UNC path/);
  });

  it('reports a share on a guest node, by short or full name', () => {
    const [d] = expectDiagnostics(share("«'\\\\sqlvm02.corp.contoso.com\\Witness'»"), 'Q003', 'error');
    assert.match(
      messageText(d),
      /^The file share witness is on 'sqlvm02.corp.contoso.com', which is part of the guest cluster/,
    );
    expectDiagnostics(share("«'\\\\SQLVM01\\Witness'»"), 'Q003', 'error');
  });

  it('reports a share on the guest cluster name', () => {
    expectDiagnostics(share("«'\\\\SQLCLUS01\\Witness'»"), 'Q003', 'error');
  });

  it('knows a guest node by its computerName', () => {
    const text = vary(
      [['  - name: SQLVM02\n', '  - name: SQLVM02\n    computerName: SQLNODE2\n']],
      share("«'\\\\SQLNODE2\\Witness'»"),
    );
    expectDiagnostics(text, 'Q003', 'error');
  });

  it('accepts a share on another server', () => {
    expectNone(share("'\\\\FS01\\Witness'"), 'Q003');
  });
});

describe('Q004 disk-only quorum', () => {
  it('warns about diskOnly: true on its key', () => {
    const [d] = expectDiagnostics(
      withQuorum(`quorum: { witness: disk, disk: Witness, «diskOnly»: true }`),
      'Q004',
      'warning',
    );
    assert.match(messageText(d), /single point of failure/);
  });

  it('accepts diskOnly: false', () => {
    expectNone(withQuorum('quorum: { witness: disk, disk: Witness, diskOnly: false }'), 'Q004');
  });
});

describe('Q005 declared witness disk', () => {
  it('reports an undeclared witness disk, listing the declared ones', () => {
    const [d] = expectDiagnostics(withQuorum('quorum: { witness: disk, disk: «Quorum» }'), 'Q005', 'error');
    assert.match(
      messageText(d),
      /^The witness disk 'Quorum' is not in sharedDisks \(declared: 'SqlData', 'Witness'\)/,
    );
  });

  it('reports a witness that is a CSV of the guest cluster, pointing at that use', () => {
    expectRelated(
      vary([
        ['sizeGB: 1, type: fixed', 'sizeGB: 1, type: fixed, guestUse: ‹csv›'],
        [quorum, 'quorum: { witness: disk, disk: «Witness» }'],
      ]),
      'Q005',
      'error',
    );
  });

  it('finds the disk ignoring case, and accepts guestUse: witness', () => {
    expectNone(withQuorum('quorum: { witness: disk, disk: WITNESS }'), 'Q005');
    expectNone(vary([['sizeGB: 1, type: fixed', 'sizeGB: 1, type: fixed, guestUse: witness']]), 'Q005');
  });
});
