import type { Rule } from './rule';

export const q001: Rule = {
  id: 'Q001',
  title: 'Configure a witness; an even number of votes with no witness can tie',
  defaultSeverity: 'warning',
  check(context) {
    const guest = context.model.guestCluster;
    const witness = guest?.quorum?.witness;
    if (!guest || witness?.value !== 'none') return;
    const votes = guest.nodes.length;
    context.report({
      code: 'Q001',
      message:
        votes % 2 === 0
          ? `${votes} node votes and no witness: losing half the nodes leaves a tie, and the cluster may stop. Configure a witness (disk, fileShare or cloud).`
          : `No witness: from Windows Server 2012 R2 on, always configure one; dynamic witness adjusts its vote so that it never hurts. Use witness: disk, fileShare or cloud.`,
      span: witness.span,
    });
  },
};
