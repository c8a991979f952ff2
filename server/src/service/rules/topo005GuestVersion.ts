import { quote, rank2012R2, versionLabel, versionRank } from '../domain';
import type { Rule } from './rule';

export const topo005: Rule = {
  id: 'TOPO005',
  title: 'Guests are Windows Server 2012 R2, or 2012 with the 2012 R2 Integration Services',
  defaultSeverity: 'error',
  check(context) {
    for (const vm of context.guestNodes) {
      const guestOs = vm.guestOs;
      const rank = versionRank(guestOs?.value);
      if (!guestOs || rank === undefined || rank >= rank2012R2) continue;
      const name = quote(vm.name?.value ?? '?');
      if (guestOs.value === 'windowsServer2012') {
        const services = vm.integrationServices;
        const servicesRank = versionRank(services?.value);
        if (servicesRank !== undefined && servicesRank >= rank2012R2) continue;
        context.report({
          code: 'TOPO005',
          message: services
            ? `${name} runs Windows Server 2012 with ${servicesRank === undefined ? quote(services.value) : versionLabel(services.value)} Integration Services; a 2012 guest needs the Windows Server 2012 R2 Integration Services to use a shared virtual hard disk.`
            : `${name} runs Windows Server 2012: install the Windows Server 2012 R2 Integration Services in the guest and say so with integrationServices: windowsServer2012R2, or use a 2012 R2 guest.`,
          span: services?.span ?? guestOs.span,
        });
        continue;
      }
      context.report({
        code: 'TOPO005',
        message: `${name} runs ${versionLabel(guestOs.value)}; a guest cluster on shared virtual hard disks needs Windows Server 2012 R2 guests (or 2012 with the 2012 R2 Integration Services).`,
        span: guestOs.span,
      });
    }
  },
};
