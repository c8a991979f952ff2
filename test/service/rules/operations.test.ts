import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baseline, expectDiagnostics, expectNone, validate, vary } from '../fixture';
import { expectRelated, messageText, thirdVm, vhdSetBaseline, withVm } from './helpers';

const processors = '    processors: 4\n';
/** Adds lines to the first VM (SQLVM01), after its processors. */
const onFirstVm = (lines: string, text = baseline) => vary([[processors, `${processors}${lines}`]], text);
const sqlDataName = ['  - { name: SqlData,', '  - { name: ‹SqlData›,'] as [string, string];

describe('the VHD Set fixture', () => {
  it('is valid', () => {
    assert.deepEqual(validate(vhdSetBaseline), []);
  });
});

describe('OPS001 operations a shared .vhdx does not support', () => {
  it('reports resizing a shared .vhdx on the resizeToGB key', () => {
    const [d] = expectDiagnostics(
      vary([['sizeGB: 500', 'sizeGB: 500, «resizeToGB»: 800']]),
      'OPS001',
      'error',
    );
    assert.match(
      messageText(d),
      /^Shared disk 'SqlData' cannot be resized: resizing a shared \.vhdx is not supported/,
    );
  });

  it('lets a VHD Set be resized', () => {
    expectNone(vary([['sizeGB: 500', 'sizeGB: 500, resizeToGB: 800']], vhdSetBaseline), 'OPS001');
  });

  it('reports Hyper-V Replica on its key, pointing at the shared disk', () => {
    const [d] = expectRelated(
      vary(
        [sqlDataName],
        onFirstVm('    «replication»: { replicaServer: REPLICA01, frequencySeconds: 300 }\n'),
      ),
      'OPS001',
      'error',
    );
    assert.match(
      messageText(d),
      /^'SQLVM01' attaches the shared \.vhdx 'SqlData', and a VM with a shared virtual hard disk does not support Hyper-V Replica\./,
    );
  });

  it('reports host-level backup on its value', () => {
    expectDiagnostics(onFirstVm('    hostBackup: «true»\n'), 'OPS001', 'error');
    expectNone(onFirstVm('    hostBackup: false\n'), 'OPS001');
  });

  it('reports checkpoints other than disabled on their value', () => {
    for (const type of ['standard', 'production', 'productionOnly'])
      expectDiagnostics(onFirstVm(`    checkpoints: «${type}»\n`), 'OPS001', 'error');
    expectNone(onFirstVm('    checkpoints: disabled\n'), 'OPS001');
  });

  it('allows host backup, replication and checkpoints with VHD Sets only', () => {
    const all =
      '    replication: { replicaServer: REPLICA01 }\n    hostBackup: true\n    checkpoints: production\n';
    expectNone(onFirstVm(all, vhdSetBaseline), 'OPS001');
    // One shared .vhdx among VHD Sets is enough to forbid them, and is the disk the message names.
    const mixed = vary([['Witness.vhds', 'Witness.vhdx']], vhdSetBaseline);
    const diagnostics = expectDiagnostics(
      onFirstVm('    «replication»: { replicaServer: REPLICA01 }\n    hostBackup: «true»\n', mixed),
      'OPS001',
      'error',
    );
    for (const d of diagnostics) assert.match(messageText(d), /attaches the shared \.vhdx 'Witness'/);
  });

  it('reports storage migration on its key, even with VHD Sets', () => {
    const migration = "    «storageMigration»: { destinationPath: 'D:\\VMs' }\n";
    expectRelated(vary([sqlDataName], onFirstVm(migration)), 'OPS001', 'error');
    const [d] = expectDiagnostics(onFirstVm(migration, vhdSetBaseline), 'OPS001', 'error');
    assert.match(
      messageText(d),
      /attaches the shared VHD Set 'SqlData', .* does not support storage migration\./,
    );
  });

  it('leaves a VM without shared disks alone', () => {
    const vm = thirdVm
      .replace(/ {4}sharedDisks:\n.*\n.*\n/, '')
      .replace(
        processors,
        `${processors}    hostBackup: true\n    checkpoints: standard\n    replication: {}\n    storageMigration: { destinationPath: 'D:\\VMs' }\n`,
      );
    expectNone(withVm(vm), 'OPS001');
  });

  it('accepts the baseline', () => {
    expectNone(baseline, 'OPS001');
  });
});
