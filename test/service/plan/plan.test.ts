import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { DeploymentPlan } from '../../../server/src/protocol';
import { buildPlan } from '../../../server/src/service/plan/buildPlan';
import { service, validate } from '../fixture';
import { checkCall } from './cmdletReference';
import { example, examples, plannedDefinitions, sqlOn } from './plannedDefinitions';

const root = path.resolve(__dirname, '..', '..', '..', '..');

function planOf(text: string): DeploymentPlan {
  const errors = validate(text).filter((d) => d.severity === 1);
  assert.deepEqual(
    errors.map((d) => `${String(d.code)} ${d.message}`),
    [],
    'a plan is made only without errors',
  );
  return buildPlan(service.analyze(service.parse(text)).model);
}

describe('deployment plans', () => {
  it('call only documented cmdlets, with documented parameters that fit one parameter set, on the OS they run on', () => {
    let calls = 0;
    for (const [name, text] of plannedDefinitions()) {
      const plan = planOf(text);
      for (const step of plan.steps) {
        for (const call of [step, ...(step.probe ? [step.probe] : [])]) {
          calls++;
          assert.deepEqual(checkCall(call, step.os), [], `${name}: step ${step.id}`);
        }
        for (const stage of step.pipeline ?? []) {
          calls++;
          assert.deepEqual(
            checkCall(stage, step.os, { piped: true }),
            [],
            `${name}: step ${step.id} | ${stage.cmdlet}`,
          );
        }
      }
    }
    assert.ok(calls > 1000, `${calls} calls checked`);
  });

  it('follow the OS: no cloud witness or CIM sessions on 2012 R2, the VM version parameters never', () => {
    const plan = planOf(sqlOn('windowsServer2012R2'));
    const used = new Set(plan.steps.flatMap((step) => Object.keys(step.parameters)));
    for (const absent of ['CimSession', 'Credential', 'CloudWitness', 'Version'])
      assert.ok(!used.has(absent), absent);
    const cloud = planOf(sqlOn('windowsServer2016', '{ witness: cloud, storageAccount: contosowitness }'));
    const quorum = cloud.steps.find((step) => step.id === 'guest:cluster:quorum')!;
    assert.deepEqual(quorum.parameters, {
      Cluster: 'SQLCLUS01',
      CloudWitness: true,
      AccountName: 'contosowitness',
      AccessKey: { secret: 'Access key of storage account contosowitness' },
    });
  });

  it('attach every shared disk of every VM on SCSI with persistent reservations, in free slots', () => {
    const plan = planOf(example('sql-csv-2012r2'));
    const attach = plan.steps.filter((step) => step.cmdlet === 'Add-VMHardDiskDrive');
    assert.deepEqual(
      attach.map(
        (step) =>
          `${String(step.parameters.VMName)} ${String(step.parameters.Path).split('\\').pop()} ${String(step.parameters.ControllerNumber)}:${String(step.parameters.ControllerLocation)}`,
      ),
      [
        'SQLVM01 SqlData.vhdx 0:1',
        'SQLVM01 SqlLog.vhdx 0:2',
        'SQLVM01 Witness.vhdx 0:3',
        'SQLVM02 SqlData.vhdx 0:1',
        'SQLVM02 SqlLog.vhdx 0:2',
        'SQLVM02 Witness.vhdx 0:3',
      ],
    );
    for (const step of attach) {
      assert.equal(step.parameters.ControllerType, 'SCSI');
      assert.equal(step.parameters.SupportPersistentReservations, true);
    }
  });

  it('prepare each shared disk once inside a guest, only while it is RAW, and witness it by the name it is added under', () => {
    const plan = planOf(example('sql-csv-2012r2'));
    const disks = plan.steps.filter((step) => step.id.startsWith('guest:disk:'));
    // Three shared disks: each prepared in SQLVM01 (the first node that has it), then added by name.
    assert.deepEqual(
      disks.map((step) => `${step.id} ${step.runOn.kind === 'remote' ? step.runOn.computerName : 'here'}`),
      [
        'guest:disk:SqlData:prepare SQLVM01',
        'guest:disk:SqlLog:prepare SQLVM01',
        'guest:disk:Witness:prepare SQLVM01',
        'guest:disk:SqlData:add here',
        'guest:disk:SqlLog:add here',
        'guest:disk:Witness:add here',
      ],
    );
    const prepare = disks[2]!;
    // Witness.vhdx is 1 GB at SCSI 0:3 in SQLVM01 (the OS disk is 0:0, SqlData 0:1, SqlLog 0:2).
    assert.deepEqual(prepare.parameters.Number, {
      ref: 'guestDiskNumber',
      sizeBytes: 1073741824,
      location: 3,
      description: 'the number of the 1 GB disk at SCSI location 3 in SQLVM01 (shared disk Witness)',
    });
    assert.deepEqual(prepare.probe?.where, { PartitionStyle: 'RAW' });
    assert.equal(prepare.probe?.doneWhen, 'notFound', 'formats only a disk that is still RAW');
    assert.deepEqual(
      prepare.pipeline?.map((stage) => stage.cmdlet),
      ['New-Partition', 'Format-Volume'],
    );
    const create = plan.steps.find((step) => step.id === 'guest:cluster:create')!;
    assert.equal(create.parameters.NoStorage, true);
    assert.ok(
      plan.steps.indexOf(create) > plan.steps.indexOf(prepare) &&
        plan.steps.indexOf(create) < plan.steps.indexOf(disks[3]!),
      'the cluster is made after the disks are prepared and before they are added',
    );
    assert.deepEqual(disks[5]!.set, { Name: 'Witness' });
    const quorum = plan.steps.at(-1)!;
    assert.deepEqual(quorum.parameters, { Cluster: 'SQLCLUS01', DiskWitness: 'Witness' });
  });

  it('make a guest CSV of a shared disk whose guest use is csv', () => {
    const plan = planOf(example('fileserver-sofs-2016'));
    const csv = plan.steps.filter((step) => step.cmdlet === 'Add-ClusterSharedVolume');
    assert.deepEqual(
      csv.map((step) => step.parameters),
      [{ Name: 'Shares', Cluster: 'FSCLUS01' }],
    );
  });

  it('give every step a unique id and a probe, except checks and idempotent settings', () => {
    for (const [name, text] of plannedDefinitions()) {
      const plan = planOf(text);
      const ids = plan.steps.map((step) => step.id);
      assert.equal(new Set(ids).size, ids.length, name);
      for (const step of plan.steps) {
        if (!step.probe)
          assert.ok(step.optional || step.cmdlet === 'Set-ClusterQuorum', `${name}: ${step.id}`);
      }
    }
  });

  it('carry hostile names as data, never as script', () => {
    const hostile = "SQL'; Remove-Item C:\\ -Recurse; $(x)`";
    const plan = buildPlan(
      service.analyze(
        service.parse(example('sql-csv-2012r2').replaceAll('SQLVM01', `'${hostile.replaceAll("'", "''")}'`)),
      ).model,
    );
    const create = plan.steps.find((step) => step.cmdlet === 'New-VM')!;
    assert.equal(create.parameters.Name, hostile);
    assert.equal(create.id, `vm:${hostile}:create`);
  });

  for (const name of examples) {
    it(`match the golden plan of ${name} (reviewed by hand)`, () => {
      const golden = path.join(root, 'test', 'fixtures', 'plans', `${name}.plan.json`);
      const plan = planOf(example(name));
      if (process.env.UPDATE_GOLDEN === '1' || !existsSync(golden)) {
        mkdirSync(path.dirname(golden), { recursive: true });
        writeFileSync(golden, `${JSON.stringify(plan, null, 2)}\n`);
      }
      assert.deepEqual(plan, JSON.parse(readFileSync(golden, 'utf8')));
    });
  }
});
