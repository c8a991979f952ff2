/**
 * The judging of `npm run test:pwsh`, without PowerShell: the stub states it builds for the golden
 * plans, and its verdict on runs written here the way the executor would (or would not) behave.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { simulatedInventory } from '../fixtures/simulatedCluster';
import { checkInventoryRun, checkPrerequisitesRun, inventoryState } from './inventoryCheck';
import { dummySecrets, isRef, psText, resolvedParameters, type Call, type Plan, type Ref } from './planData';
import { checkPlanRun, checkWhatIfRun, type LoggedCall, type Returned, type RunRecord } from './runCheck';
import {
  expectedOutcome,
  expectedOutcomes,
  probesFoundState,
  refSeeds,
  setState,
  stubReturns,
  whenMatches,
  type StubState,
} from './stubState';
import { repositoryRoot } from './treeSitter';

const plansFolder = path.join(repositoryRoot, 'test', 'fixtures', 'plans');
const plans = readdirSync(plansFolder)
  .filter((name) => name.endsWith('.plan.json'))
  .map((name) => [name, JSON.parse(readFileSync(path.join(plansFolder, name), 'utf8')) as Plan] as const);

/** What the stubs would log for a call: a parameter list of one comes back as a list. */
function logged(cmdlet: string, parameters: Record<string, unknown>): LoggedCall {
  return { cmdlet, parameters: JSON.parse(JSON.stringify(parameters)) as Record<string, unknown> };
}

/** Thrown by the fake finders, as the executor's do. */
class NotFound extends Error {}

/**
 * A run as the executor performs it at the time of writing: a value found while deploying comes
 * from a finder (Get-Disk, Get-ClusterAvailableDisk) where the step runs; the probe, then the
 * cmdlet (and its pipeline), each through Invoke-Command for a step inside a guest.
 */
function executorRun(plan: Plan, state: StubState, credential = false): RunRecord {
  const secrets = dummySecrets(plan);
  const lines: string[] = [];
  const calls: LoggedCall[] = [];
  const returned: Returned[] = [];
  const write = (event: object) => lines.push(JSON.stringify(event));
  let done = 0;
  let skipped = 0;
  for (const step of plan.steps) {
    const remote = step.runOn?.kind === 'remote' ? step.runOn.computerName : undefined;
    const via = () => {
      if (remote) {
        calls.push(
          logged('Invoke-Command', {
            ComputerName: [remote],
            ScriptBlock: '...',
            ArgumentList: [{}],
            ...(credential ? { Credential: { UserName: 'x' } } : {}),
          }),
        );
      }
    };
    const find = (ref: Ref): unknown => {
      via();
      const disks = ref.ref === 'guestDiskNumber' ? 'Get-Disk' : 'Get-ClusterAvailableDisk';
      calls.push(logged(disks, ref.ref === 'guestDiskNumber' ? {} : { Cluster: ref.cluster }));
      const found = (state[disks] ?? []).filter((item) => item['Size'] === ref.sizeBytes);
      if (found.length !== 1)
        throw new NotFound(`Found ${found.length} disks that could be ${ref.description}.`);
      return ref.ref === 'guestDiskNumber' ? found[0]!['Number'] : found[0];
    };
    const parameters = (call: Call) =>
      Object.fromEntries(
        Object.entries(resolvedParameters(call, secrets)).map(([name, value]) => {
          const given = call.parameters[name];
          return [name, isRef(given) ? find(given) : value];
        }),
      );
    let isDone = false;
    if (step.probe) {
      try {
        const probeParameters = parameters(step.probe);
        via();
        calls.push(logged(step.probe.cmdlet, probeParameters));
        const items = stubReturns(state, step.probe.cmdlet, probeParameters) ?? [];
        const found = items.some((item) =>
          Object.entries(step.probe!.where ?? {}).every(
            ([name, value]) => psText(item[name]) === psText(value),
          ),
        );
        isDone = step.probe.doneWhen === 'notFound' ? !found : found;
      } catch (error) {
        if (!(error instanceof NotFound)) throw error;
      }
    }
    if (isDone) {
      skipped++;
      write({ type: 'skipped', step: step.id, title: step.title });
      continue;
    }
    write({ type: 'started', step: step.id, title: step.title });
    let stepParameters: Record<string, unknown>;
    try {
      stepParameters = parameters(step);
    } catch (error) {
      write({ type: 'error', step: step.id, message: (error as Error).message });
      return { exitCode: 1, lines, stderr: '', calls, returned };
    }
    via();
    calls.push(logged(step.cmdlet, stepParameters));
    let output: Record<string, unknown>[] = /^(New|Add)-/.test(step.cmdlet) ? [{ ...stepParameters }] : [];
    if (/^Get-/.test(step.cmdlet))
      output = (stubReturns(state, step.cmdlet, stepParameters) ?? []).map((item) => ({ ...item }));
    for (const stage of step.pipeline ?? []) {
      calls.push(logged(stage.cmdlet, { ...resolvedParameters(stage, secrets), InputObject: {} }));
    }
    for (const item of output) {
      Object.assign(item, step.set ?? {});
      returned.push({ cmdlet: step.cmdlet, object: item });
    }
    done++;
    write({ type: 'done', step: step.id, title: step.title });
  }
  write({ type: 'result', done, skipped, whatIf: false });
  return { exitCode: 0, lines, stderr: '', calls, returned };
}

describe('the judging of the PowerShell run', () => {
  it('has golden plans to run', () => {
    assert.ok(plans.length >= 2);
  });

  for (const [name, plan] of plans) {
    const secrets = dummySecrets(plan);

    it(`${name}: in the first run every step runs, in the second every probed step is skipped`, () => {
      for (const [id, outcome] of expectedOutcomes(plan, refSeeds(plan), secrets)) {
        const step = plan.steps.find((candidate) => candidate.id === id)!;
        if (step.probe?.doneWhen !== 'notFound') assert.notEqual(outcome, 'skip', id);
      }
      for (const [id, outcome] of expectedOutcomes(plan, probesFoundState(plan, secrets), secrets)) {
        const step = plan.steps.find((candidate) => candidate.id === id)!;
        if (step.probe) assert.notEqual(outcome, 'run', id);
        else assert.equal(outcome, 'run', id);
      }
    });

    it(`${name}: a run as the executor does it passes, with or without a credential`, () => {
      for (const state of [refSeeds(plan), probesFoundState(plan, secrets), setState(plan, secrets) ?? {}]) {
        const verdict = checkPlanRun(plan, state, secrets, executorRun(plan, state));
        assert.deepEqual(verdict.problems, []);
        assert.deepEqual(verdict.notVerified, []);
      }
      const state = refSeeds(plan);
      assert.deepEqual(checkPlanRun(plan, state, secrets, executorRun(plan, state, true), true).problems, []);
      assert.notDeepEqual(checkPlanRun(plan, state, secrets, executorRun(plan, state), true).problems, []);
    });

    it(`${name}: a finder that finds nothing stops the run as not verified, not as a failure`, () => {
      if (!plan.steps.some((step) => Object.values(step.parameters).some(isRef))) return;
      const run = executorRun(plan, {});
      const verdict = checkPlanRun(plan, {}, secrets, run);
      assert.equal(run.exitCode, 1);
      assert.ok(verdict.notVerified.length > 0);
      assert.ok(!verdict.problems.some((problem) => / failed: /.test(problem)), String(verdict.problems));
    });

    it(`${name}: a wrong parameter, a missing call, a lost event or a bad exit code fails`, () => {
      const state = refSeeds(plan);
      const good = executorRun(plan, state);
      const target = good.calls.findIndex((call) => call.cmdlet === 'New-VHD');
      assert.ok(target >= 0);
      const variants: RunRecord[] = [
        {
          ...good,
          calls: good.calls.map((call, index) =>
            index === target ? { ...call, parameters: { ...call.parameters, SizeBytes: 1 } } : call,
          ),
        },
        {
          ...good,
          calls: good.calls.map((call, index) =>
            index === target ? { ...call, parameters: { ...call.parameters, Undocumented: true } } : call,
          ),
        },
        { ...good, calls: good.calls.filter((_call, index) => index !== target) },
        { ...good, lines: good.lines.filter((line) => !line.includes('"done"')) },
        { ...good, lines: [...good.lines.slice(0, 1), 'WARNING: not JSON', ...good.lines.slice(1)] },
        { ...good, exitCode: good.exitCode === 0 ? 1 : 0 },
        { ...good, calls: [...good.calls, logged('Remove-VHD', {})] },
      ];
      for (const variant of variants) {
        assert.notDeepEqual(checkPlanRun(plan, state, dummySecrets(plan), variant).problems, []);
      }
    });
  }

  it('expects a step that sets properties to change the object it got', () => {
    const [, plan] = plans.find(([, candidate]) => setState(candidate, dummySecrets(candidate)))!;
    const secrets = dummySecrets(plan);
    const state = setState(plan, secrets)!;
    const run = executorRun(plan, state);
    const step = plan.steps.find(
      (candidate) => candidate.set && expectedOutcome(candidate, state, secrets) === 'run',
    )!;
    const unset = (problems: string[]) =>
      problems.some((problem) => problem.startsWith(`${step.id}: no object`));
    assert.ok(!unset(checkPlanRun(plan, state, secrets, run).problems));
    assert.ok(unset(checkPlanRun(plan, state, secrets, { ...run, returned: [] }).problems));
  });

  it('judges a -WhatIf run: would-run events, and reading calls only', () => {
    const [, plan] = plans[0]!;
    const secrets = dummySecrets(plan);
    const state = refSeeds(plan);
    const lines = [
      ...plan.steps.map((step) => JSON.stringify({ type: 'wouldRun', step: step.id, title: step.title })),
      JSON.stringify({ type: 'result', done: 0, skipped: 0, whatIf: true }),
    ];
    const calls = plan.steps.flatMap((step) =>
      step.probe ? [logged(step.probe.cmdlet, step.probe.parameters)] : [],
    );
    const good: RunRecord = { exitCode: 0, lines, stderr: '', calls, returned: [] };
    assert.deepEqual(checkWhatIfRun(plan, state, secrets, good), []);
    assert.notDeepEqual(
      checkWhatIfRun(plan, state, secrets, { ...good, calls: [...calls, logged('New-VM', {})] }),
      [],
    );
  });

  it('matches state objects by their StubWhen values, ignoring case and lists', () => {
    const item = { Name: 'x', StubWhen: { ComputerName: 'HV01' } };
    assert.equal(whenMatches(item, { ComputerName: ['hv01'] }), true);
    assert.equal(whenMatches(item, { ComputerName: 'HV02' }), false);
    assert.equal(whenMatches(item, {}), false);
    assert.equal(whenMatches({ Name: 'x' }, {}), true);
  });

  it('builds an inventory state the inspector reads back as the simulated cluster', () => {
    const state = inventoryState(simulatedInventory);
    assert.deepEqual(
      state['Get-VM']!.map((vm) => vm['Name']),
      simulatedInventory.vms.map((vm) => vm.name),
    );
    const good: RunRecord = {
      exitCode: 0,
      lines: [JSON.stringify({ type: 'inventory', inventory: simulatedInventory })],
      stderr: '',
      calls: [logged('Get-Cluster', { Name: 'HVCLUS01' }), logged('Get-VM', { ComputerName: ['HV01'] })],
      returned: [],
    };
    assert.deepEqual(checkInventoryRun(good, simulatedInventory), []);
    // What the fixture leaves out may be there; what it states must be.
    const more = {
      ...simulatedInventory,
      vms: simulatedInventory.vms.map((vm) => ({ ...vm, processorCount: vm.processorCount ?? 0 })),
    };
    assert.deepEqual(
      checkInventoryRun(
        { ...good, lines: [JSON.stringify({ type: 'inventory', inventory: more })] },
        simulatedInventory,
      ),
      [],
    );
    const renamed = {
      ...simulatedInventory,
      quorum: { ...simulatedInventory.quorum, resource: 'Cluster Disk 9' },
    };
    assert.deepEqual(
      checkInventoryRun(
        { ...good, lines: [JSON.stringify({ type: 'inventory', inventory: renamed })] },
        simulatedInventory,
      ),
      [`inventory.quorum.resource: ${JSON.stringify(simulatedInventory.quorum.resource)} ≠ "Cluster Disk 9"`],
    );
    const fewer = { ...simulatedInventory, vms: simulatedInventory.vms.slice(1) };
    assert.notDeepEqual(
      checkInventoryRun(
        { ...good, lines: [JSON.stringify({ type: 'inventory', inventory: fewer })] },
        simulatedInventory,
      ),
      [],
    );
    assert.notDeepEqual(
      checkInventoryRun(
        { ...good, calls: [logged('Get-VM', { ComputerName: ['HV03'] })] },
        simulatedInventory,
      ),
      [],
    );
  });

  it('judges the prerequisite checks', () => {
    const check = (name: string, passed: boolean) =>
      JSON.stringify({ type: 'check', name, passed, detail: '', fix: '' });
    const good: RunRecord = {
      exitCode: 0,
      lines: [
        check('PowerShell', true),
        check('Hyper-V module', true),
        check('FailoverClusters module', true),
        check('Elevation', false),
        check('Remoting to HV01', true),
        JSON.stringify({ type: 'result' }),
      ],
      stderr: '',
      calls: [logged('Invoke-Command', { ComputerName: ['HV01'], ScriptBlock: '...' })],
      returned: [],
    };
    assert.deepEqual(checkPrerequisitesRun(good, ['HV01']), []);
    assert.notDeepEqual(checkPrerequisitesRun(good, ['HV01', 'HV02']), []);
    assert.notDeepEqual(checkPrerequisitesRun({ ...good, lines: good.lines.slice(0, -1) }, ['HV01']), []);
  });
});
