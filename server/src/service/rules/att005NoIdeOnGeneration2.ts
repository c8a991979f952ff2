import { quote } from '../domain';
import type { Rule } from './rule';

export const att005: Rule = {
  id: 'ATT005',
  title: 'A Generation 2 VM has no IDE controller',
  defaultSeverity: 'error',
  check(context) {
    for (const vm of context.model.virtualMachines) {
      const controller = vm.osDisk?.controller;
      if (vm.generation?.value !== 2 || controller?.value !== 'ide') continue;
      context.report({
        code: 'ATT005',
        message: `${quote(vm.name?.value ?? '?')} is Generation 2, which has no IDE controller and boots from SCSI. Use controller: scsi for its OS disk, or make it Generation 1.`,
        span: controller.span,
      });
    }
  },
};
