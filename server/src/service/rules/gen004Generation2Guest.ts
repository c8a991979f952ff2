import { quote, versionLabel, versionRank } from '../domain';
import type { Rule } from './rule';

export const gen004: Rule = {
  id: 'GEN004',
  title: 'A Generation 2 guest runs 64-bit Windows Server 2012 or later',
  defaultSeverity: 'error',
  check(context) {
    for (const vm of context.model.virtualMachines) {
      const guestOs = vm.guestOs;
      const rank = versionRank(guestOs?.value);
      if (vm.generation?.value !== 2 || !guestOs || rank === undefined || rank >= 2012) continue;
      context.report({
        code: 'GEN004',
        message: `${quote(vm.name?.value ?? '?')} is Generation 2, which boots with UEFI and needs a 64-bit Windows Server 2012 or later guest; ${versionLabel(guestOs.value)} cannot boot there. Use Generation 1, or a newer guest.`,
        span: guestOs.span,
        related: vm.generation ? [{ span: vm.generation.span, message: 'Generation 2' }] : [],
      });
    }
  },
};
