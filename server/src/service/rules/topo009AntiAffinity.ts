import { quote } from '../domain';
import type { Rule } from './rule';

export const topo009: Rule = {
  id: 'TOPO009',
  title: 'Guest VMs carry a common anti-affinity class',
  defaultSeverity: 'warning',
  check(context) {
    const nodes = context.guestNodes;
    if (nodes.length < 2) return;
    let common: Set<string> | undefined;
    let missing = 0;
    for (const vm of nodes) {
      const classes = new Set(vm.antiAffinityClassNames.map((name) => name.value.toLowerCase()));
      if (classes.size === 0) {
        missing++;
        if (!vm.name) continue;
        context.report({
          code: 'TOPO009',
          message: `Guest node ${quote(vm.name.value)} has no antiAffinityClassNames: the host cluster may place it on the same host as another guest node, and one host failure would take down both. Give every guest node the same class.`,
          span: vm.name.span,
        });
        continue;
      }
      common = common ? new Set([...common].filter((name) => classes.has(name))) : classes;
    }
    const guest = context.model.guestCluster;
    if (missing === 0 && common && common.size === 0 && guest) {
      context.report({
        code: 'TOPO009',
        message:
          'The guest nodes have anti-affinity classes, but none in common, so nothing keeps them apart. Give every guest node the same class in antiAffinityClassNames.',
        span: guest.nodesKeySpan,
      });
    }
  },
};
