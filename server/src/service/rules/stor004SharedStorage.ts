import { classifyPath, quote } from '../domain';
import type { Rule } from './rule';

export const stor004: Rule = {
  id: 'STOR004',
  title: 'A shared disk lives on a CSV or on an SOFS share, never on a local path',
  defaultSeverity: 'error',
  check(context) {
    for (const disk of context.model.sharedDisks) {
      if (!disk.path) continue;
      const place = classifyPath(disk.path.value);
      if (place.kind === 'csv' || place.kind === 'unc') continue;
      const what = place.kind === 'local' ? 'is on a local disk' : 'is not a full path';
      context.report({
        code: 'STOR004',
        message: `${quote(disk.path.value)} ${what}; every host node must reach a shared disk, so it lives on a Cluster Shared Volume (C:\\ClusterStorage\\Volume1\\…) or a Scale-Out File Server share (\\\\SOFS\\Share\\…).`,
        span: disk.path.span,
      });
    }
  },
};
