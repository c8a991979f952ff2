import { quote, rank2012R2, versionRank } from '../domain';
import type { Rule } from './rule';

export const mem002: Rule = {
  id: 'MEM002',
  title: 'Dynamic memory of a 2012 R2 guest: minimum >= 256 MB, startup and maximum >= 512 MB',
  defaultSeverity: 'error',
  check(context) {
    for (const vm of context.model.virtualMachines) {
      const memory = vm.memory;
      const rank = versionRank(vm.guestOs?.value);
      if (!memory || memory.dynamic?.value !== true || rank === undefined || rank < rank2012R2) continue;
      const name = quote(vm.name?.value ?? '?');
      const checks = [
        { field: memory.minimumGB, floor: 0.25, label: 'minimum', mb: 256 },
        { field: memory.startupGB, floor: 0.5, label: 'startup', mb: 512 },
        { field: memory.maximumGB, floor: 0.5, label: 'maximum', mb: 512 },
      ];
      for (const { field, floor, label, mb } of checks) {
        if (!field || field.value >= floor) continue;
        context.report({
          code: 'MEM002',
          message: `${name} has dynamic memory with a ${label} of ${field.value} GB; a Windows Server 2012 R2 or later guest needs at least ${mb} MB (${floor} GB) there, or it may fail to start or run short.`,
          span: field.span,
        });
      }
    }
  },
};
