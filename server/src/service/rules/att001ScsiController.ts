import { quote } from '../domain';
import type { Rule } from './rule';

export const att001: Rule = {
  id: 'ATT001',
  title: 'A shared disk attaches on a SCSI controller',
  defaultSeverity: 'error',
  check(context) {
    for (const vm of context.model.virtualMachines) {
      for (const attachment of vm.attachments) {
        const controller = attachment.controller;
        if (!controller || controller.value === 'scsi') continue;
        context.report({
          code: 'ATT001',
          message: `${quote(vm.name?.value ?? '?')} attaches shared disk ${quote(attachment.disk?.value ?? '?')} on ${controller.value === 'ide' ? 'IDE' : quote(controller.value)}; a shared disk works only on a SCSI controller${vm.generation?.value === 2 ? ' (and a Generation 2 VM has no IDE at all)' : ''}. Use controller: scsi.`,
          span: controller.span,
          data: { fix: 'scsi' },
        });
      }
    }
  },
};
