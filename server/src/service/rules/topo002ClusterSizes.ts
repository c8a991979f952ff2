import type { Rule } from './rule';

const maxHostNodes = 64;
const minGuestNodes = 2;
const maxGuestNodes = 64;

export const topo002: Rule = {
  id: 'TOPO002',
  title: 'At most 64 host nodes; the guest cluster has 2 to 64 nodes',
  defaultSeverity: 'error',
  check(context) {
    const host = context.model.hostCluster;
    if (host && host.nodes.length > maxHostNodes) {
      context.report({
        code: 'TOPO002',
        message: `The host cluster has ${host.nodes.length} nodes; a Hyper-V failover cluster has at most ${maxHostNodes}.`,
        span: host.nodesKeySpan,
      });
    }
    const guest = context.model.guestCluster;
    if (!guest) return;
    const count = guest.nodes.length;
    if (count >= minGuestNodes && count <= maxGuestNodes) return;
    context.report({
      code: 'TOPO002',
      message:
        count < minGuestNodes
          ? `The guest cluster has ${count === 0 ? 'no nodes' : 'one node'}; a failover cluster needs at least ${minGuestNodes}. List two or more VMs in guestCluster.nodes.`
          : `The guest cluster has ${count} nodes; a failover cluster has at most ${maxGuestNodes}.`,
      span: guest.nodesKeySpan,
    });
  },
};
