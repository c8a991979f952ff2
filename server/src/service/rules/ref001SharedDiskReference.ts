import { quote } from '../domain';
import type { Rule } from './rule';

export const ref001: Rule = {
  id: 'REF001',
  title: "A VM's shared disk attachment names a disk declared in sharedDisks",
  defaultSeverity: 'error',
  check(context) {
    for (const vm of context.model.virtualMachines) {
      for (const attachment of vm.attachments) {
        const disk = attachment.disk;
        if (!disk || context.disksByName.has(disk.value.toLowerCase())) continue;
        context.report({
          code: 'REF001',
          message: `${quote(vm.name?.value ?? '?')} attaches ${quote(disk.value)}, which is not declared in sharedDisks. Declare it there, or fix the name.`,
          span: disk.span,
        });
      }
    }
  },
};
