import { quote } from '../domain';
import type { Rule } from './rule';

export const q005: Rule = {
  id: 'Q005',
  title: 'A disk witness names a declared shared disk that is not a CSV',
  defaultSeverity: 'error',
  check(context) {
    const quorum = context.model.guestCluster?.quorum;
    if (quorum?.witness?.value !== 'disk' || !quorum.disk) return;
    const disk = context.disksByName.get(quorum.disk.value.toLowerCase());
    if (!disk) {
      const names = context.model.sharedDisks.flatMap((d) => (d.name ? [quote(d.name.value)] : []));
      context.report({
        code: 'Q005',
        message: `The witness disk ${quote(quorum.disk.value)} is not in sharedDisks${names.length > 0 ? ` (declared: ${names.slice(0, 5).join(', ')})` : ''}; a disk witness is a shared disk that every guest node attaches.`,
        span: quorum.disk.span,
      });
      return;
    }
    if (disk.guestUse?.value === 'csv') {
      context.report({
        code: 'Q005',
        message: `The witness disk ${quote(quorum.disk.value)} is a Cluster Shared Volume of the guest cluster; a disk witness cannot be a CSV. Use a small dedicated disk.`,
        span: quorum.disk.span,
        related: [{ span: disk.guestUse.span, message: 'Used as a CSV here' }],
      });
    }
  },
};
