import { quote } from '../domain';
import type { Rule } from './rule';

export const topo007: Rule = {
  id: 'TOPO007',
  title: 'Guest VMs are highly available roles of the host cluster',
  defaultSeverity: 'warning',
  check(context) {
    for (const vm of context.guestNodes) {
      const available = vm.highlyAvailable;
      if (available?.value !== false) continue;
      context.report({
        code: 'TOPO007',
        message: `Guest node ${quote(vm.name?.value ?? '?')} is not a highly available role of the host cluster: when its host fails it stays down instead of restarting on another host, and the guest cluster runs a node short. Remove highlyAvailable: false.`,
        span: available.span,
      });
    }
  },
};
