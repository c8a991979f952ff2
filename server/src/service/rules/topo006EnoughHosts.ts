import { plural } from '../domain';
import type { Rule } from './rule';

export const topo006: Rule = {
  id: 'TOPO006',
  title: 'More guest nodes than host nodes defeats anti-affinity',
  defaultSeverity: 'warning',
  check(context) {
    const host = context.model.hostCluster;
    const guest = context.model.guestCluster;
    if (!host || !guest || host.nodes.length === 0) return;
    const guestCount = context.guestNodes.length;
    if (guestCount <= host.nodes.length) return;
    context.report({
      code: 'TOPO006',
      message: `${guestCount} guest nodes on ${plural(host.nodes.length, 'host node')}: at least two guest nodes must share a host, so one host failure takes down two of them. Have at least ${guestCount + 1} host nodes (guest nodes + 1).`,
      span: guest.nodesKeySpan,
      related: [{ span: host.nodesKeySpan, message: 'The host nodes' }],
    });
  },
};
