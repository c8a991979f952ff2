import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baseline, expectDiagnostics, expectNone, vary } from '../fixture';
import { assertShownSafely, expectRelated, messageText, thirdVm, withVm } from './helpers';

/** The first VM's long-form attachment of the witness, split where tests change it. */
const witnessAttachment =
  '{ disk: Witness, controller: scsi, controllerNumber: 0, location: 2, persistentReservations: true }';
const attachment = (from: string, to: string) =>
  vary([[witnessAttachment, witnessAttachment.replace(from, to)]]);
const generation1 = (text = baseline) => vary([['    generation: 2\n', '    generation: 1\n']], text);

describe('ATT001 SCSI controller', () => {
  it('reports IDE on its value, noting that Generation 2 has none', () => {
    const [d] = expectDiagnostics(attachment('controller: scsi', 'controller: «ide»'), 'ATT001', 'error');
    assert.match(
      messageText(d),
      /^'SQLVM01' attaches shared disk 'Witness' on IDE; a shared disk works only on a SCSI controller \(and a Generation 2 VM has no IDE at all\)/,
    );
    assert.deepEqual(d?.data, { fix: 'scsi' });
  });

  it('does not mention Generation 2 for a Generation 1 VM', () => {
    const [d] = expectDiagnostics(
      generation1(attachment('controller: scsi', 'controller: «ide»')),
      'ATT001',
      'error',
    );
    assert.doesNotMatch(messageText(d), /Generation 2/);
  });

  it('shows an unknown controller quoted', () => {
    const [d] = expectDiagnostics(
      attachment('controller: scsi', 'controller: «"sata\\n$(rm -rf /)"»'),
      'ATT001',
      'error',
    );
    assertShownSafely(messageText(d), "on 'sata\\u000a$(rm -rf /)';");
  });

  it('accepts SCSI and the short form', () => {
    expectNone(baseline, 'ATT001');
  });
});

describe('ATT002 persistent reservations', () => {
  it('reports persistentReservations: false on its value', () => {
    const [d] = expectDiagnostics(
      attachment('persistentReservations: true', 'persistentReservations: «false»'),
      'ATT002',
      'error',
    );
    assert.match(messageText(d), /^'SQLVM01' attaches 'Witness' without persistent reservations/);
  });

  it('accepts true, and the default', () => {
    expectNone(baseline, 'ATT002');
    expectNone(attachment(', persistentReservations: true', ''), 'ATT002');
  });
});

describe('ATT003 attached to every guest node', () => {
  it('reports a disk a guest node does not attach, pointing at that node', () => {
    const [d] = expectRelated(
      vary([
        ['  - { name: SqlData,', '  - { name: «SqlData»,'],
        ['  - name: SQLVM02\n', '  - name: ‹SQLVM02›\n'],
        [
          'preferredHost: HV02\n    antiAffinityClassNames: [SqlGuestCluster]\n    sharedDisks:\n      - SqlData\n',
          'preferredHost: HV02\n    antiAffinityClassNames: [SqlGuestCluster]\n    sharedDisks:\n',
        ],
      ]),
      'ATT003',
      'error',
    );
    assert.match(
      messageText(d),
      /^Shared disk 'SqlData' is not attached to 'SQLVM02'; every node of the guest cluster must attach every shared disk/,
    );
  });

  it('reports a disk no VM attaches', () => {
    const [d] = expectDiagnostics(
      vary([
        [
          '  - { name: Witness,',
          "  - { name: «Spare», path: 'C:\\ClusterStorage\\Volume1\\Shared\\Spare.vhdx', sizeGB: 10 }\n  - { name: Witness,",
        ],
      ]),
      'ATT003',
      'error',
    );
    assert.match(messageText(d), /^Shared disk 'Spare' is attached to no VM/);
  });

  it('reports a VM outside the guest cluster that attaches a shared disk', () => {
    const [d] = expectDiagnostics(
      withVm(
        thirdVm.replace('      - SqlData', '      - «SqlData»').replace('disk: Witness', 'disk: «Witness»'),
      ),
      'ATT003',
      'error',
    );
    assert.match(
      messageText(d),
      /^'SQLVM03' attaches shared disk 'SqlData' but is not a node of the guest cluster/,
    );
  });

  it('accepts every guest node attaching every disk', () => {
    expectNone(baseline, 'ATT003');
  });
});

describe('ATT004 controller slots', () => {
  it('reports two disks in one slot, pointing at the first', () => {
    const [d] = expectRelated(
      vary([
        [
          `      - SqlData\n      - ${witnessAttachment}`,
          `      - { disk: SqlData, location: ‹2› }\n      - ${witnessAttachment.replace('location: 2', 'location: «2»')}`,
        ],
      ]),
      'ATT004',
      'error',
    );
    assert.match(
      messageText(d),
      /^'SQLVM01' already has a disk at SCSI 0:2; each controller location holds one disk\./,
    );
    assert.equal(d?.relatedInformation?.[0]?.message, 'The slot is taken here');
  });

  it('reports a shared disk in the OS disk slot of a Generation 2 VM', () => {
    const [d] = expectRelated(
      vary([
        ['    osDisk:', '    ‹osDisk›:'],
        [witnessAttachment, witnessAttachment.replace('location: 2', 'location: «0»')],
      ]),
      'ATT004',
      'error',
    );
    assert.match(messageText(d), /already has a disk at SCSI 0:0/);
  });

  it('knows a Generation 1 VM boots from IDE, leaving SCSI 0:0 free', () => {
    expectNone(generation1(attachment('location: 2', 'location: 0')), 'ATT004');
  });

  it('accepts the same slot in different VMs, and different controllers', () => {
    expectNone(baseline, 'ATT004');
    expectNone(
      vary([
        [
          `      - SqlData\n      - ${witnessAttachment}`,
          `      - { disk: SqlData, controllerNumber: 1, location: 2 }\n      - ${witnessAttachment}`,
        ],
      ]),
      'ATT004',
    );
  });

  it('reports SCSI controller numbers beyond 0 to 3', () => {
    const [d] = expectDiagnostics(
      attachment('controllerNumber: 0', 'controllerNumber: «4»'),
      'ATT004',
      'error',
    );
    assert.equal(messageText(d), 'SCSI controller number 4 does not exist: a VM has controllers 0 to 3.');
    expectDiagnostics(attachment('controllerNumber: 0', 'controllerNumber: «-1»'), 'ATT004', 'error');
    expectNone(attachment('controllerNumber: 0', 'controllerNumber: 3'), 'ATT004');
  });

  it('reports SCSI locations beyond 0 to 63', () => {
    const [d] = expectDiagnostics(attachment('location: 2', 'location: «64»'), 'ATT004', 'error');
    assert.equal(messageText(d), 'SCSI location 64 does not exist: a VM has locations 0 to 63.');
    expectNone(attachment('location: 2', 'location: 63'), 'ATT004');
  });

  it('holds IDE to two controllers of two locations', () => {
    const ide = (number: string, location: string) =>
      generation1(
        attachment(
          'controller: scsi, controllerNumber: 0, location: 2',
          `controller: ide, controllerNumber: ${number}, location: ${location}`,
        ),
      );
    const [d] = expectDiagnostics(ide('0', '«2»'), 'ATT004', 'error');
    assert.equal(messageText(d), 'IDE location 2 does not exist: a VM has locations 0 to 1.');
    expectDiagnostics(ide('«2»', '0'), 'ATT004', 'error');
    expectNone(ide('1', '1'), 'ATT004');
  });

  it('reports IDE 0:0 taken by the OS disk of a Generation 1 VM', () => {
    expectRelated(
      generation1(
        vary([
          ['    osDisk:', '    ‹osDisk›:'],
          [
            witnessAttachment,
            witnessAttachment.replace(
              'controller: scsi, controllerNumber: 0, location: 2',
              'controller: ide, controllerNumber: 0, location: «0»',
            ),
          ],
        ]),
      ),
      'ATT004',
      'error',
    );
  });
});

describe('ATT005 no IDE on Generation 2', () => {
  const osDisk = "osDisk: { path: 'C:\\ClusterStorage\\Volume1\\SQLVM01\\os.vhdx', sizeGB: 60 }";
  const withOsController = (controller: string, text = baseline) =>
    vary([[osDisk, osDisk.replace(' }', `, controller: ${controller} }`)]], text);

  it('reports an IDE OS disk on a Generation 2 VM', () => {
    const [d] = expectDiagnostics(withOsController('«ide»'), 'ATT005', 'error');
    assert.match(messageText(d), /^'SQLVM01' is Generation 2, which has no IDE controller/);
  });

  it('accepts IDE on Generation 1 and SCSI on Generation 2', () => {
    expectNone(withOsController('ide', generation1()), 'ATT005');
    expectNone(withOsController('scsi'), 'ATT005');
  });
});
