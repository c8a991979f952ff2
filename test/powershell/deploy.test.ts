import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { deployPlan, secretsOf, type DeployEvent } from '../../client/src/powershell/deployPlan';
import { redact } from '../../client/src/powershell/redact';
import { checkPrerequisites } from '../../client/src/powershell/prerequisites';
import { inspectCluster } from '../../client/src/powershell/inspect';
import { simulatedInventory } from '../fixtures/simulatedCluster';
import type { DeploymentPlan } from '../../server/src/protocol';
import { buildPlan } from '../../server/src/service/plan/buildPlan';
import { service } from '../service/fixture';
import { sqlOn } from '../service/plan/plannedDefinitions';
import { installStandIn } from './installStandIn';

describe('deploying a plan (against the PowerShell stand-in and a simulated cluster)', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'gcluster-deploy-'));
  const pwsh = path.join(folder, 'pwsh');
  const stateFile = path.join(folder, 'cluster.json');
  const work = path.join(folder, 'work');
  const hostile = "SQL'; $(Remove-Item C:\\)`";
  const plan: DeploymentPlan = buildPlan(
    service.analyze(
      service.parse(
        sqlOn('windowsServer2016', '{ witness: cloud, storageAccount: contosowitness }').replaceAll(
          'SQLVM01',
          `'${hostile.replaceAll("'", "''")}'`,
        ),
      ),
    ).model,
  );
  const state = () =>
    JSON.parse(readFileSync(stateFile, 'utf8')) as {
      done: string[];
      secrets: unknown;
      credentialUser?: string;
    };
  const setState = (value: object) => writeFileSync(stateFile, JSON.stringify({ done: [], ...value }));

  before(() => {
    installStandIn(folder);
    process.env.GCLUSTER_STAND_IN_STATE = stateFile;
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  const deploy = (extra: Partial<Parameters<typeof deployPlan>[0]> = {}) =>
    deployPlan({
      executable: pwsh,
      scriptsFolder: path.resolve(__dirname, '..', '..', '..', 'client', 'powershell'),
      workFolder: work,
      plan,
      secrets: { [secretsOf(plan)[0]!]: 'k3y-S3cret' },
      whatIf: false,
      timeoutMs: 20_000,
      ...extra,
    });

  it('asks for the cloud witness key as a secret', () => {
    assert.deepEqual(secretsOf(plan), ['Access key of storage account contosowitness']);
    assert.equal(redact('AccessKey k3y-S3cret used', { a: 'k3y-S3cret' }), 'AccessKey «secret» used');
  });

  it('runs every step, reports each as it goes, and leaves no plan file behind', async () => {
    setState({});
    const events: DeployEvent[] = [];
    const summary = await deploy({ onEvent: (event) => events.push(event) });
    assert.equal(summary.done, plan.steps.length);
    assert.equal(summary.failed, undefined);
    assert.equal(events.filter((e) => e.type === 'started').length, plan.steps.length);
    assert.deepEqual(
      state().done,
      plan.steps.map((step) => step.id),
    );
    // The secret went in on standard input; the plan file (with the hostile names) is gone.
    assert.deepEqual(state().secrets, { 'Access key of storage account contosowitness': 'k3y-S3cret' });
    assert.deepEqual(readdirSync(work), []);
  });

  it('passes a remoting credential on standard input only, never in the arguments', async () => {
    setState({});
    const seen: string[] = [];
    const summary = await deploy({
      credential: { userName: 'CORP\\deployer', password: 'p@ss; $(x)' },
      onEvent: (event) => seen.push(JSON.stringify(event)),
    });
    assert.equal(summary.failed, undefined);
    assert.equal(state().credentialUser, 'CORP\\deployer');
    assert.ok(!seen.some((line) => line.includes('p@ss')), 'no report carries the password');
  });

  it('changes nothing on a second run', async () => {
    const summary = await deploy();
    assert.equal(summary.done, 0);
    assert.equal(summary.skipped, plan.steps.length);
  });

  it('reports a failed optional check and goes on', async () => {
    const check = plan.steps.find((step) => step.optional)!;
    setState({ failAt: check.id });
    const summary = await deploy();
    assert.equal(summary.failed, undefined);
    assert.deepEqual(summary.warnings, [{ step: check.id, message: 'The simulated check found a problem.' }]);
    assert.equal(summary.done, plan.steps.length - 1);
    assert.equal(summary.exitCode, 0);
  });

  it('stops at a failing step, and a second run resumes there', async () => {
    const failing = plan.steps[7]!.id;
    setState({ failAt: failing });
    const first = await deploy();
    assert.deepEqual(first.failed, { step: failing, message: 'The simulated host refused the step.' });
    assert.equal(first.done, 7);
    setState({ done: state().done });
    const second = await deploy();
    assert.equal(second.skipped, 7);
    assert.equal(second.done, plan.steps.length - 7);
  });

  it('with -WhatIf, says what would run and changes nothing', async () => {
    setState({ done: plan.steps.slice(0, 3).map((step) => step.id) });
    const summary = await deploy({ whatIf: true });
    assert.equal(summary.skipped, 3);
    assert.equal(summary.wouldRun, plan.steps.length - 3);
    assert.equal(state().done.length, 3);
  });

  it('cancels mid-run; the next run continues from the last step done', async () => {
    setState({ delayMs: 200 });
    const controller = new AbortController();
    let started = 0;
    const summary = await deploy({
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'started' && ++started === 3) controller.abort();
      },
    });
    assert.equal(summary.stopped, 'cancelled');
    const doneBefore = state().done.length;
    assert.ok(
      doneBefore >= 2 && doneBefore < plan.steps.length,
      `${doneBefore} steps done before the cancel`,
    );
    setState({ done: state().done });
    const resumed = await deploy();
    assert.equal(resumed.skipped, doneBefore);
    assert.equal(resumed.done, plan.steps.length - doneBefore);
  });
});

describe('checking the prerequisites (against the PowerShell stand-in)', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'gcluster-prereq-'));
  const pwsh = path.join(folder, 'pwsh');
  before(() => {
    installStandIn(folder);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('reports each check with what to do, remoting to each host included', async () => {
    const checks = await checkPrerequisites({
      executable: pwsh,
      scriptsFolder: path.resolve(__dirname, '..', '..', '..', 'client', 'powershell'),
      hosts: ['HV01', 'unreachable'],
      timeoutMs: 10_000,
    });
    assert.deepEqual(
      checks.map((check) => `${check.passed ? 'ok' : 'FAIL'} ${check.name}`),
      [
        'ok PowerShell',
        'ok Hyper-V module',
        'ok FailoverClusters module',
        'FAIL Elevation',
        'ok Remoting to HV01',
        'FAIL Remoting to unreachable',
      ],
    );
    assert.equal(
      checks.find((check) => check.name === 'Remoting to unreachable')?.fix,
      'Run Enable-PSRemoting on the host.',
    );
  });
});

describe('inspecting a live cluster (against the PowerShell stand-in)', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'gcluster-inspect-'));
  const pwsh = path.join(folder, 'pwsh');
  const inventoryFile = path.join(folder, 'inventory.json');
  const scriptsFolder = path.resolve(__dirname, '..', '..', '..', 'client', 'powershell');
  before(() => {
    installStandIn(folder);
    writeFileSync(inventoryFile, JSON.stringify({ inventory: simulatedInventory }));
    process.env.GCLUSTER_STAND_IN_INVENTORY = inventoryFile;
  });
  after(() => rmSync(folder, { recursive: true, force: true }));
  const runs = () => (JSON.parse(readFileSync(inventoryFile, 'utf8')) as { runs?: number }).runs ?? 0;

  it('reads the whole cluster with one PowerShell process per refresh', async () => {
    const before = runs();
    const inventory = await inspectCluster({
      executable: pwsh,
      scriptsFolder,
      clusterName: 'HVCLUS01',
      timeoutMs: 10_000,
    });
    assert.equal(runs(), before + 1);
    assert.deepEqual(inventory, simulatedInventory);
  });

  it('says what the cluster said when it cannot be read', async () => {
    await assert.rejects(
      inspectCluster({ executable: pwsh, scriptsFolder, clusterName: 'NOSUCH', timeoutMs: 10_000 }),
      /Could not read NOSUCH: Get-Cluster : The cluster service is not running on 'NOSUCH'/,
    );
  });
});
