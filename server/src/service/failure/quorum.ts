import { rank2012R2, versionRank } from '../domain';

/** How the guest cluster's votes add up with every node up. */
export interface VoteCount {
  readonly nodes: number;
  readonly witness: 'disk' | 'fileShare' | 'cloud' | 'none';
  /** Whether the witness holds a vote now: always with a static witness, only for an even node count with a dynamic one. */
  readonly witnessVotes: boolean;
  /**
   * With no witness and an even node count, from 2012 R2 on, the cluster takes the vote of one
   * node (the tie breaker: which one it picks), so that the total is odd.
   */
  readonly nodeWithoutVote: boolean;
  readonly total: number;
  /** Votes needed to keep running: more than half of the total. */
  readonly needed: number;
  readonly dynamicWitness: boolean;
}

/**
 * The vote arithmetic Windows Server applies to a guest cluster: one vote per node; a witness
 * vote that, from 2012 R2 on (dynamic witness), counts only while the node count is even; and,
 * from 2012 R2 on (the tie breaker of dynamic quorum), no tie without a witness — one node's
 * vote is dropped. Dynamic quorum itself (2012) adjusts votes only between failures, which
 * simultaneous failures never see.
 */
export function countVotes(
  nodes: number,
  witness: string | undefined,
  lowestGuestOs: string | undefined,
): VoteCount {
  const rank = versionRank(lowestGuestOs) ?? rank2012R2;
  const dynamicWitness = rank >= rank2012R2;
  const kind = witness === 'disk' || witness === 'fileShare' || witness === 'cloud' ? witness : 'none';
  const witnessVotes = kind !== 'none' && (!dynamicWitness || nodes % 2 === 0);
  const nodeWithoutVote = kind === 'none' && dynamicWitness && nodes % 2 === 0 && nodes > 0;
  const total = nodes - (nodeWithoutVote ? 1 : 0) + (witnessVotes ? 1 : 0);
  return {
    nodes,
    witness: kind,
    witnessVotes,
    nodeWithoutVote,
    total,
    needed: Math.floor(total / 2) + 1,
    dynamicWitness,
  };
}

/** Whether the guest cluster keeps quorum when `nodesDown` nodes fail at once. */
export type QuorumOutcome = 'keeps' | 'loses' | 'depends';

/**
 * Simultaneous failures: dynamic quorum adjusts votes only between failures, so the votes left at
 * the instant decide. When a node without a vote may or may not be among those that fail, the
 * answer depends on which node the cluster chose.
 */
export function quorumAfter(votes: VoteCount, nodesDown: number, witnessUp: boolean): QuorumOutcome {
  const witness = votes.witnessVotes && witnessUp ? 1 : 0;
  const upNodes = votes.nodes - nodesDown;
  if (!votes.nodeWithoutVote) return upNodes + witness >= votes.needed ? 'keeps' : 'loses';
  // The vote-less node is either among the survivors (they hold one vote fewer) or among the failed.
  const worst = upNodes > 0 ? upNodes - 1 : 0;
  const best = nodesDown > 0 ? upNodes : upNodes - 1;
  const keepsWorst = worst + witness >= votes.needed;
  const keepsBest = best + witness >= votes.needed;
  return keepsWorst ? 'keeps' : keepsBest ? 'depends' : 'loses';
}

/** The arithmetic in words, as the hover on `quorum` shows it. */
export function voteArithmetic(votes: VoteCount): string[] {
  const lines: string[] = [];
  const nodeVotes = votes.nodes - (votes.nodeWithoutVote ? 1 : 0);
  lines.push(
    `${votes.nodes} node${votes.nodes === 1 ? '' : 's'}${votes.nodeWithoutVote ? ' (dynamic quorum takes one vote away to avoid a tie)' : ''}: ${nodeVotes} vote${nodeVotes === 1 ? '' : 's'}`,
  );
  if (votes.witness === 'none') lines.push('no witness: 0 votes');
  else if (votes.witnessVotes)
    lines.push(
      `${votes.witness} witness: 1 vote${votes.dynamicWitness ? ' (dynamic witness: it votes while the node count is even)' : ''}`,
    );
  else
    lines.push(
      `${votes.witness} witness: 0 votes now (dynamic witness: no vote while the node count is odd)`,
    );
  lines.push(`total ${votes.total}; more than half is ${votes.needed}`);
  return lines;
}
