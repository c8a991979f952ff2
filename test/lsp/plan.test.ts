import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PlanRequest, type PlanResult } from '../../server/src/protocol';
import { ServerProcess } from './serverProcess';

const examples = path.resolve(__dirname, '..', '..', '..', 'examples');
const read = (name: string) => readFileSync(path.join(examples, name), 'utf8');

describe('gcluster/plan', () => {
  let server: ServerProcess;
  before(async () => {
    server = (await ServerProcess.start()).server;
  });
  after(() => server.stop());

  it('plans a definition without errors, from the text in the editor', async () => {
    const uri = 'file:///plan/sql.gcluster.yaml';
    await server.open(uri, read('sql-csv-2012r2.gcluster.yaml'));
    const result = await server.connection.sendRequest<PlanResult>(PlanRequest.method, { uri });
    assert.ok('plan' in result, JSON.stringify(result));
    assert.equal(result.plan.guestCluster, 'SQLCLUS01');
    assert.equal(result.plan.steps.filter((step) => step.cmdlet === 'Add-VMHardDiskDrive').length, 6);
    await server.closeAll();
  });

  it('refuses a definition with errors, saying how many', async () => {
    const uri = 'file:///plan/broken.gcluster.yaml';
    await server.open(uri, read('broken.gcluster.yaml'));
    const result = await server.connection.sendRequest<PlanResult>(PlanRequest.method, { uri });
    assert.deepEqual(result, { refused: 'The definition has 13 errors; fix them first.', errors: 13 });
    await server.closeAll();
  });

  it('refuses what it cannot read', async () => {
    const result = await server.connection.sendRequest<PlanResult>(PlanRequest.method, {
      uri: 'file:///nowhere/missing.gcluster.yaml',
    });
    assert.ok('refused' in result);
  });
});
