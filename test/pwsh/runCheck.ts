/**
 * Judges one run of Invoke-GclusterPlan.ps1 against the stubs: the events it printed and the calls
 * the stubs recorded, against what the plan and the stub state say should happen. Pure, so that
 * the judging itself is tested without PowerShell (runCheck.test.ts).
 */
import { isDeepStrictEqual } from 'node:util';
import {
  anyValue,
  lookup,
  psText,
  refsOf,
  resolvedParameters,
  stepRefs,
  type Plan,
  type Step,
} from './planData';
import { actionReturns, expectedOutcomes, type StubState } from './stubState';

export interface LoggedCall {
  readonly cmdlet: string;
  readonly parameters: Readonly<Record<string, unknown>>;
}

export interface Returned {
  readonly cmdlet: string;
  readonly object: Readonly<Record<string, unknown>>;
}

/** What one run left behind. */
export interface RunRecord {
  readonly exitCode: number | null;
  /** Its standard output, line by line, blank lines left out. */
  readonly lines: readonly string[];
  readonly stderr: string;
  readonly calls: readonly LoggedCall[];
  readonly returned: readonly Returned[];
}

export interface Verdict {
  readonly problems: string[];
  /** Steps this run could not vouch for (values the executor finds while deploying), and why. */
  readonly notVerified: string[];
  /** What each step reached did: ran, or was skipped as done. */
  readonly outcomes: Map<string, 'run' | 'skip'>;
}

type Event = Readonly<Record<string, unknown>>;

interface ExpectedCall {
  readonly step: Step;
  readonly cmdlet: string;
  readonly parameters: Readonly<Record<string, unknown>>;
  /** Parameters beyond these are fine (bound from the pipeline, or Invoke-Command's own). */
  readonly allowExtra: boolean;
  /** The call may not have happened (the step stopped before it, or it depends on a ref). */
  readonly optional: boolean;
  /** Once per object piped in. */
  readonly repeatable: boolean;
}

/** A value as PowerShell binds it: a list of one and its element are the same to a cmdlet. */
function normalized(value: unknown): unknown {
  return Array.isArray(value) && value.length === 1 ? normalized(value[0]) : value;
}

function show(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner === anyValue ? '<found while deploying>' : inner,
  );
}

/** Why the recorded parameters are not the expected ones, or nothing. */
export function parameterMismatch(
  expected: Readonly<Record<string, unknown>>,
  actual: Readonly<Record<string, unknown>>,
  allowExtra: boolean,
): string | undefined {
  for (const [name, value] of Object.entries(expected)) {
    const found = lookup(actual, name);
    if (!found) return `was not given -${name}`;
    if (value === anyValue) continue;
    if (!isDeepStrictEqual(normalized(found[1]), normalized(value))) {
      return `got -${name} ${show(found[1])}, the plan says ${show(value)}`;
    }
  }
  if (!allowExtra) {
    const extra = Object.keys(actual).filter((name) => !lookup(expected, name));
    if (extra.length > 0) return `was also given -${extra.join(' -')}, which the plan does not have`;
  }
  return undefined;
}

function parseEvents(lines: readonly string[], problems: string[]): Event[] {
  const events: Event[] = [];
  for (const line of lines) {
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        events.push(value as Event);
        continue;
      }
    } catch {
      // reported below
    }
    problems.push(`a line on standard output is not a JSON object: ${line.slice(0, 200)}`);
  }
  return events;
}

/** Whether a step's failure is the executor not finding one of the step's refs. */
function refFailure(step: Step, message: string): boolean {
  return stepRefs(step).some((ref) => ref.description !== undefined && message.includes(ref.description));
}

function describe(call: { readonly cmdlet: string; readonly parameters: unknown }): string {
  return `${call.cmdlet} ${show(call.parameters)}`;
}

function expectedCalls(
  plan: Plan,
  outcomes: ReadonlyMap<string, 'run' | 'skip'>,
  stoppedAt: Step | undefined,
  secrets: Readonly<Record<string, string>>,
  credential: boolean,
): ExpectedCall[] {
  const calls: ExpectedCall[] = [];
  const reached = stoppedAt ? plan.steps.slice(0, plan.steps.indexOf(stoppedAt) + 1) : plan.steps;
  for (const step of reached) {
    const last = step === stoppedAt;
    const remote = step.runOn?.kind === 'remote';
    const viaRemoting = (optional: boolean): ExpectedCall[] =>
      remote
        ? [
            {
              step,
              cmdlet: 'Invoke-Command',
              parameters: {
                ComputerName: step.runOn?.computerName,
                ScriptBlock: anyValue,
                ...(credential ? { Credential: anyValue } : {}),
              },
              allowExtra: true,
              optional,
              repeatable: false,
            },
          ]
        : [];
    if (step.probe) {
      // A probe whose parameters the executor has to find may fail before it is called.
      const optional = refsOf(step.probe).length > 0 || (last && !outcomes.has(step.id));
      calls.push(...viaRemoting(optional), {
        step,
        cmdlet: step.probe.cmdlet,
        parameters: resolvedParameters(step.probe, secrets),
        allowExtra: false,
        optional,
        repeatable: false,
      });
    }
    if (outcomes.get(step.id) !== 'run') continue;
    calls.push(...viaRemoting(last), {
      step,
      cmdlet: step.cmdlet,
      parameters: resolvedParameters(step, secrets),
      allowExtra: false,
      optional: last,
      repeatable: false,
    });
    for (const piped of step.pipeline ?? []) {
      calls.push({
        step,
        cmdlet: piped.cmdlet,
        parameters: resolvedParameters(piped, secrets),
        allowExtra: true,
        optional: last,
        repeatable: true,
      });
    }
  }
  return calls;
}

/** Calls beyond the plan's own that a step may make: reads, by the finders of its refs. */
function finderCall(call: LoggedCall, step: Step): boolean {
  return stepRefs(step).length > 0 && /^(Get-[A-Za-z]+|Invoke-Command)$/i.test(call.cmdlet);
}

function checkCalls(
  expected: readonly ExpectedCall[],
  calls: readonly LoggedCall[],
  problems: string[],
): void {
  let index = 0;
  const same = (call: LoggedCall | undefined, wanted: ExpectedCall) =>
    call !== undefined && call.cmdlet.toLowerCase() === wanted.cmdlet.toLowerCase();
  const fits = (call: LoggedCall, wanted: ExpectedCall) =>
    same(call, wanted) && !parameterMismatch(wanted.parameters, call.parameters, wanted.allowExtra);
  let lastStep: Step | undefined;
  for (const wanted of expected) {
    lastStep = wanted.step;
    // A finder's reads come before the call whose parameter they find, and may look like it.
    while (index < calls.length && !fits(calls[index]!, wanted) && finderCall(calls[index]!, wanted.step))
      index++;
    const call = calls[index];
    if (!same(call, wanted)) {
      if (wanted.optional) continue;
      problems.push(
        `${wanted.step.id}: expected the call ${describe(wanted)}; ` +
          (call ? `the next recorded call is ${describe(call)}` : 'no further call was recorded') +
          ' (a call PowerShell refuses to bind, with an undocumented parameter or an impossible combination, never reaches the stub)',
      );
      return;
    }
    const mismatch = parameterMismatch(wanted.parameters, call!.parameters, wanted.allowExtra);
    if (mismatch) problems.push(`${wanted.step.id}: ${call!.cmdlet} ${mismatch}`);
    index++;
    while (
      wanted.repeatable &&
      same(calls[index], wanted) &&
      !parameterMismatch(wanted.parameters, calls[index]!.parameters, true)
    ) {
      index++;
    }
  }
  for (const call of calls.slice(index)) {
    if (lastStep && finderCall(call, lastStep)) continue;
    problems.push(`a call no step of the plan explains: ${describe(call)}`);
  }
}

function checkSets(
  plan: Plan,
  outcomes: ReadonlyMap<string, 'run' | 'skip'>,
  state: StubState,
  secrets: Readonly<Record<string, string>>,
  returned: readonly Returned[],
  problems: string[],
): void {
  for (const step of plan.steps) {
    if (!step.set || outcomes.get(step.id) !== 'run') continue;
    if (actionReturns(step, state, secrets) !== true) continue;
    const changed = returned.some(
      (entry) =>
        entry.cmdlet.toLowerCase() === step.cmdlet.toLowerCase() &&
        Object.entries(step.set ?? {}).every(
          ([name, value]) =>
            psText(lookup(entry.object, name)?.[1]).toLowerCase() === psText(value).toLowerCase(),
        ),
    );
    if (!changed) problems.push(`${step.id}: no object ${step.cmdlet} returned was set to ${show(step.set)}`);
  }
}

/**
 * The verdict on one run of the executor over `plan` with the stubs in `state`; `credential`: one
 * was given for remoting, so every Invoke-Command should pass it.
 */
export function checkPlanRun(
  plan: Plan,
  state: StubState,
  secrets: Readonly<Record<string, string>>,
  record: RunRecord,
  credential = false,
): Verdict {
  const problems: string[] = [];
  const notVerified: string[] = [];
  const outcomes = new Map<string, 'run' | 'skip'>();
  const expected = expectedOutcomes(plan, state, secrets);
  const events = parseEvents(record.lines, problems);
  let cursor = 0;
  let stoppedAt: Step | undefined;
  let tolerated = false;
  for (const step of plan.steps) {
    const outcome = expected.get(step.id)!;
    let event = events[cursor];
    if (event?.['type'] === 'skipped' && event['step'] === step.id) {
      cursor++;
      outcomes.set(step.id, 'skip');
      if (outcome === 'run')
        problems.push(`${step.id}: skipped, but in this state its probe finds it not done`);
      continue;
    }
    if (event?.['type'] === 'started' && event['step'] === step.id) {
      cursor++;
      outcomes.set(step.id, 'run');
      if (outcome === 'skip') problems.push(`${step.id}: ran, but in this state its probe finds it done`);
      event = events[cursor];
      if (event?.['type'] === 'done' && event['step'] === step.id) {
        cursor++;
        continue;
      }
    }
    stoppedAt = step;
    if (event?.['type'] === 'error' && event['step'] === step.id) {
      cursor++;
      const message = String(event['message'] ?? '');
      if (refFailure(step, message)) {
        tolerated = true;
        notVerified.push(`${step.id}: stopped at a value found while deploying: ${message}`);
      } else {
        problems.push(`${step.id} failed: ${message}`);
      }
    } else {
      const wanted =
        outcome === 'skip'
          ? 'skipped'
          : outcome === 'run'
            ? 'started and done'
            : 'skipped, or started and done';
      problems.push(
        `${step.id}: expected ${wanted}, got ${event ? JSON.stringify(event) : 'no further event'}`,
      );
    }
    break;
  }
  if (stoppedAt === undefined) {
    const result = events[cursor];
    const count = (wanted: 'run' | 'skip') => [...outcomes.values()].filter((o) => o === wanted).length;
    if (result?.['type'] !== 'result') {
      problems.push(
        `no result event after the last step (got ${result ? JSON.stringify(result) : 'nothing'})`,
      );
    } else {
      cursor++;
      if (result['done'] !== count('run') || result['skipped'] !== count('skip')) {
        problems.push(
          `the result says ${JSON.stringify(result)}, but ${count('run')} ran and ${count('skip')} were skipped`,
        );
      }
    }
    if (record.exitCode !== 0) problems.push(`exit code ${record.exitCode} after every step succeeded`);
  } else {
    if (record.exitCode === 0) problems.push(`exit code 0 although ${stoppedAt.id} failed`);
    if (tolerated) {
      for (const step of plan.steps.slice(plan.steps.indexOf(stoppedAt) + 1)) {
        notVerified.push(`${step.id}: not reached, the run stopped at ${stoppedAt.id}`);
      }
    }
  }
  if (cursor < events.length)
    problems.push(`unexpected events at the end: ${JSON.stringify(events.slice(cursor))}`);
  checkCalls(expectedCalls(plan, outcomes, stoppedAt, secrets, credential), record.calls, problems);
  checkSets(plan, outcomes, state, secrets, record.returned, problems);
  if (problems.length > 0 && record.stderr.trim() !== '')
    problems.push(`standard error: ${record.stderr.trim().slice(0, 2000)}`);
  return { problems, notVerified, outcomes };
}

/**
 * The verdict on a run with -WhatIf: each step not done yet is reported as one that would run,
 * and no stub but a reading one (Get-*, or the remoting that carries it) is called.
 */
export function checkWhatIfRun(
  plan: Plan,
  state: StubState,
  secrets: Readonly<Record<string, string>>,
  record: RunRecord,
): string[] {
  const problems: string[] = [];
  const expected = expectedOutcomes(plan, state, secrets);
  const events = parseEvents(record.lines, problems);
  let skipped = 0;
  plan.steps.forEach((step, index) => {
    const event = events[index];
    const outcome = expected.get(step.id);
    const type =
      outcome === 'skip' ? ['skipped'] : outcome === 'run' ? ['wouldRun'] : ['skipped', 'wouldRun'];
    if (event?.['step'] !== step.id || !type.includes(String(event['type']))) {
      problems.push(
        `${step.id}: expected ${type.join(' or ')}, got ${event ? JSON.stringify(event) : 'no event'}`,
      );
    }
    if (event?.['type'] === 'skipped') skipped++;
  });
  const result = events[plan.steps.length];
  if (!isDeepStrictEqual(result, { type: 'result', done: 0, skipped, whatIf: true })) {
    problems.push(
      `expected the result { done: 0, skipped: ${skipped}, whatIf: true }, got ${JSON.stringify(result)}`,
    );
  }
  if (events.length > plan.steps.length + 1)
    problems.push(`unexpected events: ${JSON.stringify(events.slice(plan.steps.length + 1))}`);
  if (record.exitCode !== 0)
    problems.push(`exit code ${record.exitCode}: ${record.stderr.trim().slice(0, 2000)}`);
  for (const call of record.calls) {
    if (!/^(Get-[A-Za-z]+|Invoke-Command)$/.test(call.cmdlet))
      problems.push(`-WhatIf, yet ${describe(call)} was called`);
  }
  return problems;
}
