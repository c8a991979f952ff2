/**
 * The stub state (what the Get-* stubs return) for a plan run, and what the executor should do
 * with it: the same rules as the stubs (stubSupport.ts) and the executor's probes, in TypeScript,
 * so that each run's expectations are computed from the plan rather than written by hand.
 */
import {
  anyValue,
  lookup,
  psScalar,
  psText,
  resolvedParameters,
  stepRefs,
  type Call,
  type Plan,
  type Step,
} from './planData';

export type StateItem = Record<string, unknown> & { StubWhen?: Record<string, unknown> };
export type StubState = Record<string, StateItem[]>;
export type Outcome = 'run' | 'skip' | 'unknown';

function add(state: StubState, cmdlet: string, item: StateItem): void {
  const items = (state[cmdlet] ??= []);
  if (!items.some((existing) => JSON.stringify(existing) === JSON.stringify(item))) items.push(item);
}

/**
 * Whether a state object is returned to a call with these parameters (as Test-GclusterStubWhen
 * decides): every StubWhen value among the parameter's values, ignoring case; a null one, the
 * parameter not given. `undefined` when a parameter it depends on is only known to the executor.
 */
export function whenMatches(
  item: StateItem,
  parameters: Readonly<Record<string, unknown>>,
): boolean | undefined {
  for (const [name, wanted] of Object.entries(item.StubWhen ?? {})) {
    const given = lookup(parameters, name);
    if (wanted === null) {
      if (given) return false;
      continue;
    }
    if (!given) return false;
    if (given[1] === anyValue) return undefined;
    const givenTexts = (Array.isArray(given[1]) ? given[1] : [given[1]]).map((v) =>
      psScalar(v).toLowerCase(),
    );
    const wantedTexts = (Array.isArray(wanted) ? wanted : [wanted]).map((v) => psScalar(v).toLowerCase());
    if (!givenTexts.some((text) => wantedTexts.includes(text))) return false;
  }
  return true;
}

/** What a Get-* stub returns to this call, or `undefined` when that depends on a resolved ref. */
export function stubReturns(
  state: StubState,
  cmdlet: string,
  parameters: Readonly<Record<string, unknown>>,
): StateItem[] | undefined {
  const returned: StateItem[] = [];
  for (const item of state[cmdlet] ?? []) {
    const matches = whenMatches(item, parameters);
    if (matches === undefined) return undefined;
    if (matches) returned.push(item);
  }
  return returned;
}

/** Whether the executor finds a step done in this state, by the rules of its probes. */
export function expectedOutcome(
  step: Step,
  state: StubState,
  secrets: Readonly<Record<string, string>>,
): Outcome {
  const probe = step.probe;
  if (!probe) return 'run';
  // A parameter the executor finds first (a ref) matters only to objects that name it in StubWhen;
  // this assumes its finder finds it (refSeeds gives the finders what they look for).
  const items = stubReturns(state, probe.cmdlet, resolvedParameters(probe, secrets));
  if (items === undefined) return 'unknown';
  const where = probe.where;
  // The executor compares `@($actual) -join "\n"` with -ne, which ignores case.
  const fits = (item: StateItem) =>
    Object.entries(where ?? {}).every(
      ([name, value]) => psText(lookup(item, name)?.[1]).toLowerCase() === psText(value).toLowerCase(),
    );
  const found = items.some(fits);
  const done = probe.doneWhen === 'notFound' ? !found : found;
  return done ? 'skip' : 'run';
}

export function expectedOutcomes(
  plan: Plan,
  state: StubState,
  secrets: Readonly<Record<string, string>>,
): Map<string, Outcome> {
  return new Map(plan.steps.map((step) => [step.id, expectedOutcome(step, state, secrets)]));
}

/**
 * Objects for the finders of the values a plan finds while deploying, shaped like the real ones
 * (Get-Disk in a guest, Get-ClusterAvailableDisk), for the ref kinds of server/src/protocol.ts at
 * the time of writing, with what the executor's finders read (size; SCSI location at the end of
 * Location). A kind this does not know gets nothing; the run then reports the step as not
 * verified. `prepared`: the guest disks are initialized already (GPT rather than RAW).
 */
export function refSeeds(plan: Plan, prepared = false): StubState {
  const state: StubState = {};
  const seen = new Set<string>();
  let number = 0;
  for (const ref of plan.steps.flatMap(stepRefs)) {
    if (typeof ref.sizeBytes !== 'number') continue;
    // A probe and its step name the same disk: one object for both.
    const key = JSON.stringify([ref.ref, ref.sizeBytes, ref.location, ref.cluster]);
    if (seen.has(key)) continue;
    seen.add(key);
    number++;
    if (ref.ref === 'guestDiskNumber') {
      add(state, 'Get-Disk', {
        Number: number,
        Size: ref.sizeBytes,
        PartitionStyle: prepared ? 'GPT' : 'RAW',
        OperationalStatus: 'Online',
        IsOffline: false,
        Location: `Integrated : Adapter 0 : Port 0 : Target 0 : LUN ${ref.location ?? 0}`,
      });
    } else if (ref.ref === 'availableClusterDisk') {
      add(state, 'Get-ClusterAvailableDisk', {
        Name: `Cluster Disk ${number}`,
        Number: number,
        Size: ref.sizeBytes,
        Cluster: ref.cluster ?? plan.guestCluster ?? '',
      });
    }
  }
  return state;
}

/** For the run in which every probe finds its item: each probe's `where`, for its parameters. */
export function probesFoundState(plan: Plan, secrets: Readonly<Record<string, string>>): StubState {
  const state = refSeeds(plan, true);
  for (const step of plan.steps) {
    const probe = step.probe;
    if (!probe || probe.doneWhen === 'notFound') continue;
    const parameters = resolvedParameters(probe, secrets);
    if (Object.values(parameters).includes(anyValue)) continue;
    add(state, probe.cmdlet, { ...(probe.where ?? {}), StubWhen: parameters });
  }
  return state;
}

/** A value surely different from `value`, as the executor compares them. */
function differentFrom(value: unknown): unknown {
  if (Array.isArray(value)) return value.length > 0 ? [] : ['stub-before'];
  if (typeof value === 'boolean') return !value;
  if (typeof value === 'number') return value + 1;
  return psText(value) === '' ? 'stub-before' : '';
}

function readsOnly(call: Call): boolean {
  return /^Get-/i.test(call.cmdlet);
}

/**
 * For the run that checks `set`: each Get-* step that sets properties finds its object, with those
 * properties not yet as the step wants them. `undefined` when the plan has no such step.
 */
export function setState(plan: Plan, secrets: Readonly<Record<string, string>>): StubState | undefined {
  const steps = plan.steps.filter((step) => step.set && readsOnly(step) && stepRefs(step).length === 0);
  if (steps.length === 0) return undefined;
  const state = refSeeds(plan);
  for (const step of steps) {
    const item: StateItem = { StubWhen: resolvedParameters(step, secrets) };
    for (const [name, value] of Object.entries(step.set ?? {})) item[name] = differentFrom(value);
    add(state, step.cmdlet, item);
  }
  return state;
}

/** Whether a step's own call returns an object its `set` can change (`undefined`: cannot tell). */
export function actionReturns(
  step: Step,
  state: StubState,
  secrets: Readonly<Record<string, string>>,
): boolean | undefined {
  if (/^(New|Add)-/i.test(step.cmdlet)) return true;
  if (!readsOnly(step)) return false;
  const returned = stubReturns(state, step.cmdlet, resolvedParameters(step, secrets));
  return returned === undefined ? undefined : returned.length > 0;
}
