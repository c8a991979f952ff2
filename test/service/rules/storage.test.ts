import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baseline, expectDiagnostics, expectNone, validate, vary } from '../fixture';
import { expectRelated, messageText, sofsBaseline } from './helpers';

const sqlDataPath = "'C:\\ClusterStorage\\Volume1\\Shared\\SqlData.vhdx'";
const witnessPath = "'C:\\ClusterStorage\\Volume1\\Shared\\Witness.vhdx'";
const volume = "{ name: Volume1, path: 'C:\\ClusterStorage\\Volume1', capacityGB: 2048 }";
const sqlDataAt = (path: string) => vary([[sqlDataPath, path]]);

describe('the SOFS fixture', () => {
  it('is valid', () => {
    assert.deepEqual(validate(sofsBaseline), []);
  });
});

describe('STOR001 shared disk format', () => {
  it('reports a .vhd, with a fix to .vhdx', () => {
    const [d] = expectDiagnostics(
      sqlDataAt("«'C:\\ClusterStorage\\Volume1\\Shared\\SqlData.vhd'»"),
      'STOR001',
      'error',
    );
    assert.match(
      messageText(d),
      /^Shared disk 'SqlData' is a \.vhd; a shared virtual hard disk must be a \.vhdx/,
    );
    assert.deepEqual(d?.data, { fix: 'vhdx' });
  });

  it('reports a path without an extension', () => {
    const [d] = expectDiagnostics(
      sqlDataAt("«'C:\\ClusterStorage\\Volume1\\Shared\\SqlData'»"),
      'STOR001',
      'error',
    );
    assert.match(
      messageText(d),
      /'C:\\ClusterStorage\\Volume1\\Shared\\SqlData' does not end in \.vhdx or \.vhds/,
    );
  });

  it('leaves the .avhdx inside a VHD Set to STOR013', () => {
    expectNone(sqlDataAt("'C:\\ClusterStorage\\Volume1\\Shared\\SqlData_8D3A.avhdx'"), 'STOR001');
  });

  it('accepts .vhdx and .vhds in any case', () => {
    expectNone(baseline, 'STOR001');
    expectNone(sqlDataAt("'C:\\ClusterStorage\\Volume1\\Shared\\SqlData.vhds'"), 'STOR001');
    expectNone(sqlDataAt("'C:\\ClusterStorage\\Volume1\\Shared\\SqlData.VHDX'"), 'STOR001');
  });

  it('leaves OS disks alone', () => {
    expectNone(
      vary([
        ['    generation: 2\n', '    generation: 1\n'],
        ['SQLVM01\\os.vhdx', 'SQLVM01\\os.vhd'],
      ]),
      'STOR001',
    );
  });
});

describe('STOR002 no differencing disk', () => {
  it('reports type: differencing on its value', () => {
    const [d] = expectDiagnostics(vary([['type: fixed', 'type: «differencing»']]), 'STOR002', 'error');
    assert.match(messageText(d), /^Shared disk 'SqlData' is a differencing disk/);
  });

  it('reports a parent path on its key', () => {
    expectDiagnostics(
      vary([['type: fixed }', "type: fixed, «parentPath»: 'C:\\ClusterStorage\\Volume1\\Base.vhdx' }"]]),
      'STOR002',
      'error',
    );
  });

  it('reports a differencing disk with a parent once', () => {
    expectDiagnostics(
      vary([
        ['type: fixed }', "type: «differencing», parentPath: 'C:\\ClusterStorage\\Volume1\\Base.vhdx' }"],
      ]),
      'STOR002',
      'error',
    );
  });

  it('accepts fixed and dynamic disks', () => {
    expectNone(vary([['type: fixed', 'type: dynamic']]), 'STOR002');
  });
});

describe('STOR003 a shared disk is not an OS disk', () => {
  it('reports an OS disk that is a shared disk, pointing at the shared disk', () => {
    const [d] = expectRelated(
      vary([
        [witnessPath, `‹${witnessPath}›`],
        // Same file, written another way: case and slashes do not count on Windows.
        [
          "'C:\\ClusterStorage\\Volume1\\SQLVM02\\os.vhdx'",
          "«'c:/clusterstorage/volume1/shared/WITNESS.vhdx'»",
        ],
      ]),
      'STOR003',
      'error',
    );
    assert.match(messageText(d), /^The OS disk of 'SQLVM02' is the shared disk 'Witness'/);
  });

  it('accepts OS disks of their own', () => {
    expectNone(baseline, 'STOR003');
  });
});

describe('STOR004 shared storage', () => {
  it('reports a local path', () => {
    const text = sqlDataAt("«'D:\\VMs\\SqlData.vhdx'»");
    const [d] = expectDiagnostics(text, 'STOR004', 'error');
    assert.match(messageText(d), /^'D:\\VMs\\SqlData.vhdx' is on a local disk/);
    expectNone(text.replace(/[«»]/g, ''), 'STOR006');
  });

  it('reports a relative path', () => {
    const [d] = expectDiagnostics(sqlDataAt('«SqlData.vhdx»'), 'STOR004', 'error');
    assert.match(messageText(d), /is not a full path/);
  });

  it('accepts a CSV path and an SOFS share', () => {
    expectNone(baseline, 'STOR004');
    expectNone(sofsBaseline, 'STOR004');
  });
});

describe('STOR006 declared storage location', () => {
  it('reports a CSV that is not declared, pointing at the declared volume', () => {
    const [d] = expectRelated(
      vary([
        [volume, `‹${volume}›`],
        [sqlDataPath, "«'C:\\ClusterStorage\\Volume2\\Shared\\SqlData.vhdx'»"],
      ]),
      'STOR006',
      'error',
    );
    assert.match(
      messageText(d),
      /is on a CSV that this file does not declare\. Declared volumes: 'C:\\ClusterStorage\\Volume1'\./,
    );
  });

  it('does not take Volume10 for Volume1', () => {
    expectDiagnostics(sqlDataAt("«'C:\\ClusterStorage\\Volume10\\SqlData.vhdx'»"), 'STOR006', 'error');
  });

  it('compares paths ignoring case and slashes', () => {
    expectNone(sqlDataAt("'c:/clusterstorage/VOLUME1/Shared/SqlData.vhdx'"), 'STOR006');
  });

  it('reports an SMB share when the storage declares none', () => {
    const [d] = expectDiagnostics(sqlDataAt("«'\\\\SOFS01\\VMStore\\SqlData.vhdx'»"), 'STOR006', 'error');
    assert.match(messageText(d), /Declare the share under hostCluster\.storage\.sofs\.shares/);
    assert.equal(d?.relatedInformation, undefined);
  });

  it('reports a share the SOFS does not declare, and accepts a declared one', () => {
    const share = "{ name: VMStore, path: '\\\\SOFS01\\VMStore', capacityGB: 4096 }";
    expectRelated(
      vary(
        [
          [share, `‹${share}›`],
          ["'\\\\SOFS01\\VMStore\\Shared\\SqlData.vhdx'", "«'\\\\SOFS01\\Other\\SqlData.vhdx'»"],
        ],
        sofsBaseline,
      ),
      'STOR006',
      'error',
    );
    expectNone(sofsBaseline, 'STOR006');
  });
});

describe('STOR010 disk size', () => {
  it('reports a .vhdx over 64 TB and accepts exactly 64 TB', () => {
    const [d] = expectDiagnostics(vary([['sizeGB: 500', 'sizeGB: «65537»']]), 'STOR010', 'error');
    assert.match(messageText(d), /^65537 GB is more than a \.vhdx can hold \(64 TB = 65536 GB\)/);
    expectNone(vary([['sizeGB: 500', 'sizeGB: 65536']]), 'STOR010');
  });

  it('checks resizeToGB, and a VHD Set like a .vhdx', () => {
    expectDiagnostics(
      vary([
        ['SqlData.vhdx', 'SqlData.vhds'],
        ['sizeGB: 500', 'sizeGB: 500, resizeToGB: «70000»'],
      ]),
      'STOR010',
      'error',
    );
    expectNone(
      vary([
        ['SqlData.vhdx', 'SqlData.vhds'],
        ['sizeGB: 500', 'sizeGB: 65536'],
      ]),
      'STOR010',
    );
  });

  it('holds a .vhd OS disk to 2040 GB', () => {
    const gen1 = vary([
      ['    generation: 2\n', '    generation: 1\n'],
      ['SQLVM01\\os.vhdx', 'SQLVM01\\os.vhd'],
    ]);
    const [d] = expectDiagnostics(vary([['sizeGB: 60', 'sizeGB: «2041»']], gen1), 'STOR010', 'error');
    assert.match(messageText(d), /more than a \.vhd can hold \(2040 GB\)/);
    expectNone(vary([['sizeGB: 60', 'sizeGB: 2040']], gen1), 'STOR010');
  });

  it('leaves a path of unknown format to STOR001', () => {
    expectNone(
      vary([
        ['SqlData.vhdx', 'SqlData.img'],
        ['sizeGB: 500', 'sizeGB: 99999'],
      ]),
      'STOR010',
    );
  });
});

describe('STOR011 sector sizes', () => {
  it('reports sizes other than 512 and 4096, without a schema error too', () => {
    const text = vary([
      [
        'sizeGB: 500, type: fixed',
        'sizeGB: 500, type: fixed, logicalSectorSize: «1024», physicalSectorSize: «520»',
      ],
    ]);
    const [d] = expectDiagnostics(text, 'STOR011', 'error');
    assert.equal(messageText(d), 'A sector size of 1024 bytes cannot be created: New-VHD takes 512 or 4096.');
    expectNone(text.replace(/[«»]/g, ''), 'SCHEMA004');
  });

  it('accepts 512 and 4096', () => {
    expectNone(
      vary([
        [
          'sizeGB: 500, type: fixed',
          'sizeGB: 500, type: fixed, logicalSectorSize: 512, physicalSectorSize: 4096',
        ],
      ]),
      'STOR011',
    );
  });

  it('leaves a sector size written as text to the schema', () => {
    const text = vary([
      ['sizeGB: 500, type: fixed', "sizeGB: 500, type: fixed, logicalSectorSize: «'4096'»"],
    ]);
    const [d] = expectDiagnostics(text, 'SCHEMA003', 'error');
    assert.equal(messageText(d), "Logical sector size must be a whole number; got '4096'.");
    expectNone(text.replace(/[«»]/g, ''), 'STOR011');
  });
});

describe('STOR012 witness disk', () => {
  const quorum = 'quorum: { witness: disk, disk: Witness }';
  const witnessDisk = 'sizeGB: 1, type: fixed';

  it('reports a witness under 512 MB, pointing at the quorum', () => {
    const [d] = expectRelated(
      vary([
        [witnessDisk, 'sizeGB: «0.25», type: fixed'],
        [quorum, 'quorum: { witness: disk, disk: ‹Witness› }'],
      ]),
      'STOR012',
      'error',
    );
    assert.match(
      messageText(d),
      /^The witness disk 'Witness' is 0.25 GB; a disk witness needs at least 512 MB/,
    );
  });

  it('accepts exactly 512 MB', () => {
    expectNone(vary([[witnessDisk, 'sizeGB: 0.5, type: fixed']]), 'STOR012');
  });

  it('reports a witness that is also a data disk', () => {
    const [d] = expectRelated(
      vary([
        [witnessDisk, `${witnessDisk}, guestUse: «data»`],
        [quorum, 'quorum: { witness: disk, disk: ‹Witness› }'],
      ]),
      'STOR012',
      'error',
    );
    assert.match(messageText(d), /is also a data disk/);
    expectNone(vary([[witnessDisk, `${witnessDisk}, guestUse: witness`]]), 'STOR012');
  });

  it('says nothing when the witness is not a disk', () => {
    expectNone(
      vary([
        [witnessDisk, 'sizeGB: 0.1, type: fixed'],
        [quorum, "quorum: { witness: fileShare, path: '\\\\FS01\\Witness' }"],
      ]),
      'STOR012',
    );
  });
});

describe('STOR013 no .avhdx', () => {
  it('warns about a shared disk or an OS disk inside a VHD Set', () => {
    const [d] = expectDiagnostics(
      vary([
        [sqlDataPath, "«'C:\\ClusterStorage\\Volume1\\Shared\\SqlData_8D3A.AVHDX'»"],
        [
          "'C:\\ClusterStorage\\Volume1\\SQLVM02\\os.vhdx'",
          "«'C:\\ClusterStorage\\Volume1\\SQLVM02\\os_1F2E.avhdx'»",
        ],
      ]),
      'STOR013',
      'warning',
    );
    assert.match(messageText(d), /SqlData_8D3A\.AVHDX' is an \.avhdx, a file inside a VHD Set/);
  });

  it('accepts the .vhds of a VHD Set', () => {
    expectNone(sqlDataAt("'C:\\ClusterStorage\\Volume1\\Shared\\SqlData.vhds'"), 'STOR013');
    expectNone(baseline, 'STOR013');
  });
});
