import { quote } from '../domain';
import type { Span } from '../problem';
import type { Rule } from './rule';

export const ref002: Rule = {
  id: 'REF002',
  title: 'Guest cluster nodes name declared VMs, each once',
  defaultSeverity: 'error',
  check(context) {
    const seen = new Map<string, Span>();
    for (const node of context.model.guestCluster?.nodes ?? []) {
      const key = node.value.toLowerCase();
      const earlier = seen.get(key);
      if (earlier) {
        context.report({
          code: 'REF002',
          message: `${quote(node.value)} is listed twice in guestCluster.nodes; a VM is one node.`,
          span: node.span,
          related: [{ span: earlier, message: 'First listed here' }],
        });
        continue;
      }
      seen.set(key, node.span);
      if (context.vmsByName.has(key)) continue;
      context.report({
        code: 'REF002',
        message: `${quote(node.value)} is not a VM of this definition; guestCluster.nodes lists names from virtualMachines.`,
        span: node.span,
      });
    }
  },
};
