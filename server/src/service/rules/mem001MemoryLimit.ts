import { quote } from '../domain';
import type { Rule } from './rule';
import { vmLimits } from './vmLimits';

export const mem001: Rule = {
  id: 'MEM001',
  title: 'Memory at most 1 TB (2012 R2, and Generation 1); 12 TB for Generation 2 on 2016/2019',
  defaultSeverity: 'error',
  check(context) {
    const hostRank = context.hostOsRank;
    for (const vm of context.model.virtualMachines) {
      const limit = vmLimits(hostRank, vm.generation?.value)?.memoryGB;
      const memory = vm.memory;
      if (!memory || limit === undefined) continue;
      for (const field of [memory.startupGB, memory.maximumGB]) {
        if (!field || field.value <= limit) continue;
        context.report({
          code: 'MEM001',
          message: `${quote(vm.name?.value ?? '?')} asks for ${field.value} GB of memory; Hyper-V allows at most ${limit} GB for this host version and generation.`,
          span: field.span,
        });
      }
    }
  },
};
