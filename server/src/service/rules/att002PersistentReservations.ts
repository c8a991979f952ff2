import { quote } from '../domain';
import type { Rule } from './rule';

export const att002: Rule = {
  id: 'ATT002',
  title: 'Every attachment of a shared disk sets SupportPersistentReservations',
  defaultSeverity: 'error',
  check(context) {
    for (const vm of context.model.virtualMachines) {
      for (const attachment of vm.attachments) {
        const reservations = attachment.persistentReservations;
        if (!reservations || reservations.value) continue;
        context.report({
          code: 'ATT002',
          message: `${quote(vm.name?.value ?? '?')} attaches ${quote(attachment.disk?.value ?? '?')} without persistent reservations; that is what makes the disk shared (Add-VMHardDiskDrive -SupportPersistentReservations). Set persistentReservations: true.`,
          span: reservations.span,
          data: { fix: 'persistentReservations' },
        });
      }
    }
  },
};
