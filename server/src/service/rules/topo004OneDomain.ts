import { quote } from '../domain';
import type { Rule } from './rule';

export const topo004: Rule = {
  id: 'TOPO004',
  title: 'All host nodes are in one Active Directory domain, and all guest nodes in one domain',
  defaultSeverity: 'error',
  check(context) {
    const host = context.model.hostCluster;
    if (host?.domain) {
      for (const node of host.nodes) {
        if (!node.domain || sameDomain(node.domain.value, host.domain.value)) continue;
        context.report({
          code: 'TOPO004',
          message: `Host node ${quote(node.name?.value ?? '?')} is in ${quote(node.domain.value)}, but the host cluster is in ${quote(host.domain.value)}; all host nodes must belong to the same Active Directory domain.`,
          span: node.domain.span,
          related: [{ span: host.domain.span, message: "The host cluster's domain" }],
        });
      }
    }
    const guestDomain = context.model.guestCluster?.domain;
    if (!guestDomain) return;
    for (const vm of context.guestNodes) {
      if (!vm.domain || sameDomain(vm.domain.value, guestDomain.value)) continue;
      context.report({
        code: 'TOPO004',
        message: `Guest node ${quote(vm.name?.value ?? '?')} is in ${quote(vm.domain.value)}, but the guest cluster is in ${quote(guestDomain.value)}; all guest nodes must be in one domain (which may differ from the hosts').`,
        span: vm.domain.span,
        related: [{ span: guestDomain.span, message: "The guest cluster's domain" }],
      });
    }
  },
};

function sameDomain(a: string, b: string): boolean {
  return a.trim().replace(/\.$/, '').toLowerCase() === b.trim().replace(/\.$/, '').toLowerCase();
}
