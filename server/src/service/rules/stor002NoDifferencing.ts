import { quote } from '../domain';
import type { Rule } from './rule';

export const stor002: Rule = {
  id: 'STOR002',
  title: 'A differencing disk is never shared',
  defaultSeverity: 'error',
  check(context) {
    for (const disk of context.model.sharedDisks) {
      const where = disk.type?.value === 'differencing' ? disk.type : disk.parentPath;
      if (!where) continue;
      context.report({
        code: 'STOR002',
        message: `Shared disk ${quote(disk.name?.value ?? '?')} is a differencing disk; a shared disk must be fixed or dynamic, with no parent.`,
        span: where === disk.parentPath ? where.keySpan : where.span,
      });
    }
  },
};
