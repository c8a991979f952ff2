import type { Rule } from './rule';

export const q004: Rule = {
  id: 'Q004',
  title: 'Disk-only quorum is not recommended',
  defaultSeverity: 'warning',
  check(context) {
    const diskOnly = context.model.guestCluster?.quorum?.diskOnly;
    if (diskOnly?.value !== true) return;
    context.report({
      code: 'Q004',
      message:
        'Disk-only quorum makes the witness disk a single point of failure: lose it and the whole cluster stops, whatever the nodes. Remove diskOnly to use node and disk majority.',
      span: diskOnly.keySpan,
    });
  },
};
