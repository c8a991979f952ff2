import { quote } from '../domain';
import type { Rule } from './rule';

export const ref003: Rule = {
  id: 'REF003',
  title: "A VM's preferredHost names a node of the host cluster",
  defaultSeverity: 'error',
  check(context) {
    if (!context.model.hostCluster) return;
    for (const vm of context.model.virtualMachines) {
      const host = vm.preferredHost;
      if (!host || context.hostNodesByName.has(host.value.toLowerCase())) continue;
      context.report({
        code: 'REF003',
        message: `${quote(vm.name?.value ?? '?')} prefers host ${quote(host.value)}, which is not in hostCluster.nodes.`,
        span: host.span,
      });
    }
  },
};
