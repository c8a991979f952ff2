import { plural } from '../domain';
import type { Rule } from './rule';

export const fail001: Rule = {
  id: 'FAIL001',
  title: 'The guest cluster survives the failure of any one host',
  defaultSeverity: 'warning',
  check(context) {
    const analysis = context.failures;
    const guest = context.model.guestCluster;
    if (!analysis || !guest || analysis.votes.nodes < 2 || analysis.hosts.length < 2) return;
    const fatal = analysis.scenarios.filter((s) => s.kind === 'host' && s.quorum !== 'keeps');
    if (fatal.length === 0) return;
    const first = fatal[0]!;
    const lost = [...first.down, ...first.moved.map((m) => m.vm)];
    const depends = fatal.every((s) => s.quorum === 'depends');
    context.report({
      code: 'FAIL001',
      message: `${depends ? 'May not survive' : 'Does not survive'} ${fatal.map((s) => s.failed[0]).join(' or ')} failing: ${lost.join(' and ')} go${lost.length === 1 ? 'es' : ''} down at once, leaving ${plural(first.votesLeft, 'vote')} of ${analysis.votes.total} (${analysis.votes.needed} needed)${depends ? ' unless the node dynamic quorum took the vote from is the one that fails' : ''}. ${advice(analysis.votes.witness, lost.length)}`,
      span: guest.nodesKeySpan,
    });
  },
};

function advice(witness: string, lost: number): string {
  if (witness === 'none')
    return 'Add a witness (disk, fileShare or cloud) so that the remaining nodes keep a majority.';
  if (lost > 1)
    return 'Keep the guest nodes on different hosts: give them one anti-affinity class and different preferred hosts.';
  return 'Add a guest node, or a host, so that one host never holds the deciding votes.';
}
