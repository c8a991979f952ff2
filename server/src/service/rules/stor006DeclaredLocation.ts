import { classifyPath, isUnder, quote } from '../domain';
import type { StorageLocation } from '../model';
import type { Rule } from './rule';

export const stor006: Rule = {
  id: 'STOR006',
  title: 'A CSV path refers to a declared CSV volume; an SOFS path to a declared share',
  defaultSeverity: 'error',
  check(context) {
    const storage = context.model.hostCluster?.storage;
    if (!storage) return;
    const volumes = storage.volumes;
    const shares = storage.sofs?.shares ?? [];
    for (const disk of context.model.sharedDisks) {
      if (!disk.path) continue;
      const place = classifyPath(disk.path.value);
      if (place.kind !== 'csv' && place.kind !== 'unc') continue; // STOR004's concern
      const candidates = place.kind === 'csv' ? volumes : shares;
      if (candidates.some((location) => location.path && isUnder(disk.path!.value, location.path.value)))
        continue;
      context.report({
        code: 'STOR006',
        message: `${quote(disk.path.value)} is ${place.kind === 'csv' ? 'on a CSV' : 'on an SMB share'} that this file does not declare. ${declaredList(place.kind, candidates)}`,
        span: disk.path.span,
        related: candidates.length > 0 ? [{ span: candidates[0]!.span, message: 'Declared here' }] : [],
      });
    }
  },
};

function declaredList(kind: 'csv' | 'unc', locations: readonly StorageLocation[]): string {
  const paths = locations.flatMap((location) => (location.path ? [quote(location.path.value)] : []));
  if (paths.length === 0) {
    return kind === 'csv'
      ? 'Declare the volume under hostCluster.storage.volumes (kind: csv).'
      : 'Declare the share under hostCluster.storage.sofs.shares (kind: sofs).';
  }
  const shown = paths.slice(0, 5).join(', ') + (paths.length > 5 ? ', …' : '');
  return `Declared ${kind === 'csv' ? 'volumes' : 'shares'}: ${shown}.`;
}
