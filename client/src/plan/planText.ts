import type { PlanCall, PlanValue } from '../../../server/src/protocol';

/**
 * A call as an administrator reads it: `New-VHD -Path 'C:\…' -SizeBytes 536870912000 -Fixed`.
 * For reading only: the executor never builds command text, it splats the JSON.
 */
export function callText(call: PlanCall): string {
  const parts = [call.cmdlet];
  for (const [name, value] of Object.entries(call.parameters)) {
    if (value === true && !/Enabled$/.test(name)) parts.push(`-${name}`);
    else parts.push(`-${name} ${valueText(value)}`);
  }
  return parts.join(' ');
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
