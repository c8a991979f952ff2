import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { PlanCall, PlanRef, PlanValue } from '../../../server/src/protocol';

interface ParameterDoc {
  readonly name: string;
  readonly type: string;
  readonly mandatory: boolean;
  readonly switch: boolean;
  readonly aliases: readonly string[];
  readonly acceptedValues?: readonly string[];
  readonly pipelineInput?: string;
}

interface CmdletDoc {
  readonly module: string;
  readonly in2012R2: boolean;
  readonly availableIn?: readonly string[];
  readonly commonParameters: readonly string[];
  readonly parameterSets: readonly { readonly name: string; readonly parameters: readonly ParameterDoc[] }[];
  readonly parameterNamesByDocset?: Readonly<Record<string, readonly string[]>>;
}

const file = path.resolve(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'powershell-cmdlets.json');
export const cmdletReference = (
  JSON.parse(readFileSync(file, 'utf8')) as { cmdlets: Record<string, CmdletDoc> }
).cmdlets;

/** The docsets of the Windows Server cmdlet reference, oldest first. */
const docsets: readonly [string, string][] = [
  ['windowsServer2012R2', 'winserver2012r2-ps'],
  ['windowsServer2016', 'winserver2016-ps'],
  ['windowsServer2019', 'winserver2019-ps'],
  ['windowsServer2022', 'winserver2022-ps'],
  ['windowsServer2025', 'winserver2025-ps'],
];

/**
 * The docset whose parameter names apply to `os`: its own, or — where the reference has a gap (the
 * ServerManager module is documented for 2012 R2 and 2022 but not 2016 or 2019) — the nearest
 * older docset that documents the cmdlet, provided a newer one documents it too.
 */
function docsetFor(doc: CmdletDoc, os: string): string | undefined {
  // Windows Server 2012 has no docset of its own: 2012 R2's, the oldest there is, stands for it.
  const version = os === 'windowsServer2012' ? 'windowsServer2012R2' : os;
  const index = docsets.findIndex(([candidate]) => candidate === version);
  if (index < 0) return undefined;
  const documented = (docset: string) => doc.parameterNamesByDocset?.[docset] !== undefined;
  if (documented(docsets[index]![1])) return docsets[index]![1];
  const older = docsets
    .slice(0, index)
    .reverse()
    .find(([, docset]) => documented(docset));
  const newer = docsets.slice(index + 1).find(([, docset]) => documented(docset));
  return older && newer ? older[1] : undefined;
}

/**
 * Why a call does not fit the documented cmdlet on `os`, or nothing: the cmdlet exists there, each
 * parameter exists there, the parameters together fit one parameter set whose mandatory
 * parameters are all given, and each value has its parameter's type (a switch gets `true`).
 */
export function checkCall(call: PlanCall, os: string, options: { readonly piped?: boolean } = {}): string[] {
  const doc = cmdletReference[call.cmdlet];
  if (!doc) return [`${call.cmdlet} is not in the cmdlet reference`];
  const problems: string[] = [];
  const windowsModule = doc.parameterNamesByDocset !== undefined;
  const docset = windowsModule ? docsetFor(doc, os) : undefined;
  if (windowsModule && !docset) problems.push(`${call.cmdlet} is not documented for ${os}`);
  if (!windowsModule && os === 'windowsServer2012R2' && !doc.in2012R2) {
    problems.push(`${call.cmdlet} is not in PowerShell 4.0 (Windows Server 2012 R2)`);
  }
  const used = Object.keys(call.parameters);
  if (docset) {
    const names = new Set(doc.parameterNamesByDocset![docset]!.map((n) => n.toLowerCase()));
    for (const name of used) {
      if (!names.has(name.toLowerCase()) && !doc.commonParameters.includes(name)) {
        problems.push(`${call.cmdlet} -${name} is not documented for ${os} (${docset})`);
      }
    }
  }
  const fitting = doc.parameterSets.filter((set) => {
    const inSet = (name: string) => set.parameters.some((p) => p.name.toLowerCase() === name.toLowerCase());
    return (
      used.every((name) => inSet(name) || doc.commonParameters.includes(name)) &&
      set.parameters.every(
        (p) =>
          !p.mandatory ||
          used.some((name) => name.toLowerCase() === p.name.toLowerCase()) ||
          // A stage of a pipeline gets the previous stage's objects on its ByValue parameter.
          (options.piped === true && (p.pipelineInput ?? '').includes('ByValue')),
      ) &&
      (options.piped !== true || set.parameters.some((p) => (p.pipelineInput ?? '').includes('ByValue')))
    );
  });
  if (fitting.length === 0) {
    problems.push(
      `${call.cmdlet} -${used.join(' -')} fits none of its parameter sets (${doc.parameterSets.map((s) => s.name).join(', ')})`,
    );
    return problems;
  }
  for (const name of used) {
    const parameter = fitting[0]!.parameters.find((p) => p.name.toLowerCase() === name.toLowerCase());
    if (!parameter) continue;
    const problem = checkValue(parameter, call.parameters[name]!);
    if (problem) problems.push(`${call.cmdlet} -${name}: ${problem}`);
  }
  return problems;
}

function checkValue(parameter: ParameterDoc, value: PlanValue): string | undefined {
  const type = parameter.type.replace(/^System\./, '');
  if (parameter.switch)
    return value === true ? undefined : `a switch takes true, not ${JSON.stringify(value)}`;
  if (type === 'Boolean') return typeof value === 'boolean' ? undefined : `takes a boolean`;
  if (/^U?Int(16|32|64)$/.test(type)) {
    return typeof value === 'number' && Number.isInteger(value) && (!type.startsWith('U') || value >= 0)
      ? undefined
      : `takes an integer (${type}), not ${JSON.stringify(value)}`;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    // A secret is text; what a finder finds has the type its kind says.
    const fits =
      'secret' in value
        ? /String/.test(type)
        : (value as PlanRef).ref === 'guestDiskNumber'
          ? /^UInt32(\[\])?$/.test(type)
          : /^(PSObject|CimInstance)(\[\])?$/.test(type);
    return fits ? undefined : `a run-time value cannot stand for a ${type}`;
  }
  if (Array.isArray(value)) {
    return /\[\]$|Collection$/.test(type) ? undefined : `takes one ${type}, not a list`;
  }
  if (typeof value !== 'string') return `takes a ${type}, not ${JSON.stringify(value)}`;
  if (parameter.acceptedValues && !parameter.acceptedValues.includes(value)) {
    return `takes one of ${parameter.acceptedValues.join(', ')}`;
  }
  return undefined;
}
