import { normalizePath, quote } from '../domain';
import type { SharedDisk } from '../model';
import type { Rule } from './rule';

export const stor003: Rule = {
  id: 'STOR003',
  title: 'A shared disk is never the OS (boot) disk',
  defaultSeverity: 'error',
  check(context) {
    const byPath = new Map<string, SharedDisk>();
    for (const disk of context.model.sharedDisks) {
      if (disk.path && !byPath.has(normalizePath(disk.path.value)))
        byPath.set(normalizePath(disk.path.value), disk);
    }
    for (const vm of context.model.virtualMachines) {
      const path = vm.osDisk?.path;
      const shared = path && byPath.get(normalizePath(path.value));
      if (!path || !shared?.path) continue;
      context.report({
        code: 'STOR003',
        message: `The OS disk of ${quote(vm.name?.value ?? '?')} is the shared disk ${quote(shared.name?.value ?? shared.path.value)}; a shared disk can never be a VM's boot disk. Give the VM its own OS disk.`,
        span: path.span,
        related: [{ span: shared.path.span, message: 'The shared disk' }],
      });
    }
  },
};
