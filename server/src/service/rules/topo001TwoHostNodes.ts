import { plural } from '../domain';
import type { Rule } from './rule';

export const topo001: Rule = {
  id: 'TOPO001',
  title: 'The Hyper-V host cluster has at least two nodes',
  defaultSeverity: 'error',
  check(context) {
    const host = context.model.hostCluster;
    if (!host || host.nodes.length >= 2) return;
    context.report({
      code: 'TOPO001',
      message: `The host cluster has ${plural(host.nodes.length, 'node')}; a guest cluster on shared virtual hard disks needs a Hyper-V failover cluster of at least two nodes. Add a second host node.`,
      span: host.nodesKeySpan,
    });
  },
};
