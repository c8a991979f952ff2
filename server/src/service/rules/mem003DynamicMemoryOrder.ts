import { quote } from '../domain';
import type { Rule } from './rule';

export const mem003: Rule = {
  id: 'MEM003',
  title: 'Dynamic memory: minimum <= startup <= maximum',
  defaultSeverity: 'error',
  check(context) {
    for (const vm of context.model.virtualMachines) {
      const memory = vm.memory;
      if (!memory || memory.dynamic?.value !== true) continue;
      const { minimumGB: min, startupGB: startup, maximumGB: max } = memory;
      const name = quote(vm.name?.value ?? '?');
      if (min && startup && min.value > startup.value) {
        context.report({
          code: 'MEM003',
          message: `${name}: minimum memory ${min.value} GB is more than startup memory ${startup.value} GB; Set-VMMemory needs minimum <= startup <= maximum.`,
          span: min.span,
          related: [{ span: startup.span, message: 'Startup memory' }],
        });
      }
      const low = startup ?? min;
      if (low && max && low.value > max.value) {
        context.report({
          code: 'MEM003',
          message: `${name}: maximum memory ${max.value} GB is less than ${low === startup ? 'startup' : 'minimum'} memory ${low.value} GB; Set-VMMemory needs minimum <= startup <= maximum.`,
          span: max.span,
          related: [{ span: low.span, message: low === startup ? 'Startup memory' : 'Minimum memory' }],
        });
      }
    }
  },
};
