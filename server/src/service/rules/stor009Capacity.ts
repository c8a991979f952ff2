import { isUnder, plural, quote } from '../domain';
import type { StorageLocation } from '../model';
import type { Field } from '../yamlAccess';
import type { Rule } from './rule';

/** A volume or share whose path and capacity are known. */
type Sized = StorageLocation & { readonly capacityGB: Field<number>; readonly path: Field<string> };

export const stor009: Rule = {
  id: 'STOR009',
  title: 'The disks on a volume or share fit in its declared capacity',
  defaultSeverity: 'warning',
  check(context) {
    const storage = context.model.hostCluster?.storage;
    const locations = [...(storage?.volumes ?? []), ...(storage?.sofs?.shares ?? [])].filter(
      (location): location is Sized => location.capacityGB !== undefined && location.path !== undefined,
    );
    if (locations.length === 0) return;
    const totals = new Map<Sized, { gb: number; dynamic: number; count: number }>();
    const place = (path: Field<string> | undefined, size: Field<number> | undefined, dynamic: boolean) => {
      if (!path || !size) return;
      // The first declared location the path is under holds the file (CSV mount points never nest).
      const location = locations.find((candidate) => isUnder(path.value, candidate.path.value));
      if (!location) return;
      const total = totals.get(location) ?? { gb: 0, dynamic: 0, count: 0 };
      total.gb += size.value;
      total.count++;
      if (dynamic) total.dynamic += size.value;
      totals.set(location, total);
    };
    for (const disk of context.model.sharedDisks)
      place(disk.path, disk.sizeGB, disk.type?.value === 'dynamic');
    for (const vm of context.model.virtualMachines) place(vm.osDisk?.path, vm.osDisk?.sizeGB, true);
    for (const [location, total] of totals) {
      if (total.gb <= location.capacityGB.value) continue;
      const name = quote(location.name?.value ?? location.path.value);
      const fixed = total.gb - total.dynamic;
      const disks = plural(total.count, 'disk')
        .replace(/^1 disk/, 'The one disk')
        .replace(/^(\d+) disks/, 'The $1 disks');
      context.report({
        code: 'STOR009',
        message:
          fixed > location.capacityGB.value
            ? `${disks} on ${name} ${total.count === 1 ? 'needs' : 'need'} ${fixed} GB allocated up front (fixed disks alone), more than its ${location.capacityGB.value} GB: New-VHD will fail for lack of space.`
            : `${disks} on ${name} can grow to ${total.gb} GB, more than its ${location.capacityGB.value} GB. Dynamic disks fill the volume as they grow; when it is full, the VMs on it pause. Monitor free space, or add capacity.`,
        span: location.capacityGB.span,
      });
    }
  },
};
