import type { PlanCall, PlanProbe, PlanValue } from '../../../server/src/protocol';

/**
 * A call as an administrator reads it: `New-VHD -Path 'C:\…' -SizeBytes 536870912000 -Fixed`.
 * For reading only: the executor never builds command text, it splats the JSON.
 */
export function callText(call: PlanCall & { readonly pipeline?: readonly PlanCall[] }): string {
  return [call, ...(call.pipeline ?? [])].map(oneCall).join(' | ');
}

function oneCall(call: PlanCall): string {
  const parts = [call.cmdlet];
  for (const [name, value] of Object.entries(call.parameters)) {
    if (value === true && !/Enabled$/.test(name)) parts.push(`-${name}`);
    else if (value === false && name === 'Confirm') parts.push('-Confirm:$false');
    else parts.push(`-${name} ${valueText(value)}`);
  }
  return parts.join(' ');
}

/** What a probe's answer means, in words. */
export function probeText(probe: PlanProbe): string {
  const conditions = probe.where
    ? Object.entries(probe.where)
        .map(([name, value]) => `${name} = ${valueText(value)}`)
        .join(', ')
    : undefined;
  if (probe.doneWhen === 'notFound') {
    return `Done unless ${callText(probe)} returns ${conditions ? `something with ${conditions}` : 'anything'}`;
  }
  return `Done when ${callText(probe)} returns ${conditions ?? 'anything'}`;
}

export function valueText(value: PlanValue): string {
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '$true' : '$false';
  if (isList(value)) return value.map((item) => valueText(item)).join(', ');
  if ('secret' in value) return `<asked when deploying: ${value.secret}>`;
  return `<found when deploying: ${value.description}>`;
}

function isList(value: PlanValue): value is readonly string[] {
  return Array.isArray(value);
}
