/**
 * A deployment plan read as data, loosely: the plan format is still growing (refs, pipelines,
 * `doneWhen`), and the golden plans may lag behind server/src/protocol.ts. Everything here copes
 * with a field that is missing or of a kind it does not know.
 */

export interface Call {
  readonly cmdlet: string;
  readonly parameters: Readonly<Record<string, unknown>>;
}

export interface Probe extends Call {
  readonly where?: Readonly<Record<string, unknown>>;
  readonly doneWhen?: string;
}

export interface Step extends Call {
  readonly id: string;
  readonly title?: string;
  readonly runOn?: { readonly kind: string; readonly computerName?: string };
  readonly probe?: Probe;
  readonly set?: Readonly<Record<string, unknown>>;
  readonly pipeline?: readonly Call[];
}

export interface Plan {
  readonly definition?: string;
  readonly hostCluster?: string;
  readonly guestCluster?: string;
  readonly steps: readonly Step[];
}

/** A value found while deploying, as far as this test knows it. */
export interface Ref {
  readonly ref: string;
  readonly description?: string;
  readonly sizeBytes?: number;
  readonly location?: number;
  readonly cluster?: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isSecret(value: unknown): value is { readonly secret: string } {
  return isObject(value) && typeof value['secret'] === 'string';
}

export function isRef(value: unknown): value is Ref {
  return isObject(value) && typeof value['ref'] === 'string';
}

/** Stands for a value only the executor knows (a ref it resolved): any value will do. */
export const anyValue: unique symbol = Symbol('any value');

/** Every call of a step: its own, its probe's, its pipeline's. */
export function callsOf(step: Step): Call[] {
  return [step, ...(step.probe ? [step.probe] : []), ...(step.pipeline ?? [])];
}

export function refsOf(call: Call): Ref[] {
  return Object.values(call.parameters).filter(isRef);
}

export function stepRefs(step: Step): Ref[] {
  return callsOf(step).flatMap(refsOf);
}

/** The secrets a plan needs, each with a dummy value: what goes to the executor's standard input. */
export function dummySecrets(plan: Plan): Record<string, string> {
  const secrets: Record<string, string> = {};
  for (const call of plan.steps.flatMap(callsOf)) {
    for (const value of Object.values(call.parameters)) {
      if (isSecret(value)) secrets[value.secret] = `stub-secret-${value.secret}`;
    }
  }
  return secrets;
}

/** The parameters as the cmdlet should receive them: secrets given, refs left to the executor. */
export function resolvedParameters(
  call: Call,
  secrets: Readonly<Record<string, string>>,
): Record<string, unknown> {
  const resolved: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(call.parameters)) {
    resolved[name] = isSecret(value) ? secrets[value.secret] : isRef(value) ? anyValue : value;
  }
  return resolved;
}

/** A property or parameter by name, as PowerShell finds it: whatever the case. */
export function lookup(
  record: Readonly<Record<string, unknown>>,
  name: string,
): [string, unknown] | undefined {
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : [key, record[key]];
}

/** A scalar as PowerShell's `[string]` writes it. */
export function psScalar(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  return JSON.stringify(value);
}

/** A value as the executor compares it: `@($value) -join "\n"`. */
export function psText(value: unknown): string {
  return (Array.isArray(value) ? value : [value]).map(psScalar).join('\n');
}
