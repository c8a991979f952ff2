import { quote } from '../domain';
import type { Rule } from './rule';
import { vmLimits } from './vmLimits';

export const cpu001: Rule = {
  id: 'CPU001',
  title: 'At most 64 virtual processors (2012 R2 and Generation 1); 240 for Generation 2 on 2016/2019',
  defaultSeverity: 'error',
  check(context) {
    const hostRank = context.hostOsRank;
    for (const vm of context.model.virtualMachines) {
      const processors = vm.processors;
      const limit = vmLimits(hostRank, vm.generation?.value)?.processors;
      if (!processors || limit === undefined || processors.value <= limit) continue;
      context.report({
        code: 'CPU001',
        message: `${quote(vm.name?.value ?? '?')} has ${processors.value} virtual processors; Hyper-V allows at most ${limit} for this host version and generation.`,
        span: processors.span,
      });
    }
  },
};
