import { plural } from '../domain';
import type { Rule } from './rule';

export const net001: Rule = {
  id: 'NET001',
  title: 'At least two networks (or teamed adapters)',
  defaultSeverity: 'warning',
  check(context) {
    const host = context.model.hostCluster;
    if (!host) return;
    const count = host.networks?.length ?? 0;
    if (count >= 2) return;
    context.report({
      code: 'NET001',
      message: `The host cluster declares ${count === 0 ? 'no networks' : plural(count, 'network')}; use at least two (for example client and cluster) or teamed adapters, so that one failed network does not isolate a node.`,
      span: host.networksKeySpan ?? host.keySpan,
    });
  },
};
