import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFromPlanWebview } from '../../client/src/plan/messages';
import { callText, probeText } from '../../client/src/plan/planText';

describe('plan text', () => {
  it('reads as a PowerShell call, quoting strings and showing run-time values for what they are', () => {
    assert.equal(
      callText({
        cmdlet: 'Set-ClusterQuorum',
        parameters: {
          Cluster: "O'Brien",
          CloudWitness: true,
          AccessKey: { secret: 'Access key of storage account w' },
          DiskWitness: {
            ref: 'availableClusterDisk',
            sizeBytes: 1073741824,
            description: 'the disk on Witness',
          },
          DynamicMemoryEnabled: true,
          Node: ['A', 'B'],
          SizeBytes: 1073741824,
        },
      }),
      "Set-ClusterQuorum -Cluster 'O''Brien' -CloudWitness -AccessKey <asked when deploying: Access key of storage account w> " +
        "-DiskWitness <found when deploying: the disk on Witness> -DynamicMemoryEnabled $true -Node 'A', 'B' -SizeBytes 1073741824",
    );
  });

  it('shows a pipeline stage by stage, and what a probe that must find nothing means', () => {
    const number = {
      ref: 'guestDiskNumber',
      sizeBytes: 1,
      location: 3,
      description: 'the witness disk',
    } as const;
    assert.equal(
      callText({
        cmdlet: 'Initialize-Disk',
        parameters: { Number: number, PassThru: true },
        pipeline: [
          { cmdlet: 'New-Partition', parameters: { UseMaximumSize: true } },
          { cmdlet: 'Format-Volume', parameters: { FileSystem: 'NTFS', Confirm: false } },
        ],
      }),
      "Initialize-Disk -Number <found when deploying: the witness disk> -PassThru | New-Partition -UseMaximumSize | Format-Volume -FileSystem 'NTFS' -Confirm:$false",
    );
    assert.equal(
      probeText({
        cmdlet: 'Get-Disk',
        parameters: { Number: number },
        where: { PartitionStyle: 'RAW' },
        doneWhen: 'notFound',
      }),
      "Done unless Get-Disk -Number <found when deploying: the witness disk> returns something with PartitionStyle = 'RAW'",
    );
    assert.equal(
      probeText({ cmdlet: 'Get-VM', parameters: { Name: 'A' } }),
      "Done when Get-VM -Name 'A' returns anything",
    );
  });

  it('accepts only the messages the plan page sends', () => {
    assert.deepEqual(parseFromPlanWebview({ type: 'openJson' }), { type: 'openJson' });
    assert.deepEqual(parseFromPlanWebview({ type: 'checkCluster', x: 1 }), { type: 'checkCluster' });
    assert.equal(parseFromPlanWebview({ type: 'deploy' }), undefined);
    assert.equal(parseFromPlanWebview('openJson'), undefined);
  });
});
