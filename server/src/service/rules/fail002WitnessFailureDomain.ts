import type { Rule } from './rule';

export const fail002: Rule = {
  id: 'FAIL002',
  title: 'The witness does not fail together with the nodes it must outvote',
  defaultSeverity: 'warning',
  check(context) {
    const analysis = context.failures;
    const quorum = context.model.guestCluster?.quorum;
    if (!analysis || !quorum || !analysis.votes.witnessVotes) return;
    // A single failure that takes the witness and nodes, where the witness alone would have saved quorum.
    const shared = analysis.scenarios.find((s) => {
      if (s.kind === 'hostPair' || s.witnessUp || s.quorum === 'keeps' || !s.hostClusterUp) return false;
      const lost = s.down.length + s.moved.length;
      return lost > 0 && analysis.votes.nodes - lost + 1 >= analysis.votes.needed;
    });
    if (!shared) return;
    const lost = [...shared.down, ...shared.moved.map((m) => m.vm)];
    context.report({
      code: 'FAIL002',
      message: `The witness lives on ${shared.failed[0]}, with the OS disk of ${lost.join(' and ')}: losing ${shared.failed[0]} takes both, and the guest cluster stops, though the witness alone would have kept it running. Put the witness (or those OS disks) on another CSV volume or share, or use a file share or cloud witness.`,
      span: (quorum.disk ?? quorum.path ?? quorum.witness)?.span ?? quorum.keySpan,
    });
  },
};
