import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFromPlanWebview } from '../../client/src/plan/messages';
import { callText } from '../../client/src/plan/planText';

describe('plan text', () => {
  it('reads as a PowerShell call, quoting strings and showing run-time values for what they are', () => {
    assert.equal(
      callText({
        cmdlet: 'Set-ClusterQuorum',
        parameters: {
          Cluster: "O'Brien",
          CloudWitness: true,
          AccessKey: { secret: 'Access key of storage account w' },
          DiskWitness: { ref: 'clusterDisk:Witness', description: 'the disk on Witness' },
          DynamicMemoryEnabled: true,
          Node: ['A', 'B'],
          SizeBytes: 1073741824,
        },
      }),
      "Set-ClusterQuorum -Cluster 'O''Brien' -CloudWitness -AccessKey <asked when deploying: Access key of storage account w> " +
        "-DiskWitness <found when deploying: the disk on Witness> -DynamicMemoryEnabled $true -Node 'A', 'B' -SizeBytes 1073741824",
    );
  });

  it('accepts only the messages the plan page sends', () => {
    assert.deepEqual(parseFromPlanWebview({ type: 'openJson' }), { type: 'openJson' });
    assert.deepEqual(parseFromPlanWebview({ type: 'checkCluster', x: 1 }), { type: 'checkCluster' });
    assert.equal(parseFromPlanWebview({ type: 'deploy' }), undefined);
    assert.equal(parseFromPlanWebview('openJson'), undefined);
  });
});
