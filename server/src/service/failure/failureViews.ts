import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeLens, InlayHint, Range } from 'vscode-languageserver-types';
import type { FailureReport } from '../../protocol';
import type { Definition } from '../model';
import type { Span } from '../problem';
import { voteArithmetic } from './quorum';
import type { FailureAnalysis, Scenario } from './simulate';

/** What the guest cluster survives, in a few words: the inlay hint after `guestCluster.nodes`. */
export function survivalText(analysis: FailureAnalysis): string {
  const votes = `${analysis.votes.total} vote${analysis.votes.total === 1 ? '' : 's'}`;
  if (analysis.hosts.length < 2) return `${votes} · one host: any host failure stops it`;
  const single = analysis.scenarios.filter((s) => s.kind === 'host');
  const fatal = single.filter((s) => s.quorum === 'loses');
  const unsure = single.filter((s) => s.quorum === 'depends');
  if (fatal.length > 0)
    return `${votes} · does not survive ${fatal.map((s) => s.failed[0]).join(' or ')} failing`;
  if (unsure.length > 0)
    return `${votes} · may not survive ${unsure.map((s) => s.failed[0]).join(' or ')} failing`;
  // Pairs of host failures are in the table ("Simulate failures"), not in this line.
  return `${votes} · survives 1 host failure`;
}

/**
 * Inlay hints in `range`: after `guestCluster.nodes`, the votes and what the cluster survives;
 * after each shared disk, the volume it lives on and what is left free there; after each guest
 * node, the hosts it may run on.
 */
export function failureInlayHints(
  document: TextDocument,
  model: Definition,
  analysis: FailureAnalysis | undefined,
  range: Range,
): InlayHint[] {
  const hints: InlayHint[] = [];
  const first = range.start.line;
  const last = range.end.line;
  const at = (span: Span, label: string, tooltip?: string) => {
    const line = document.positionAt(span.end).line;
    if (line < first || line > last) return;
    const position = lineEnd(document, line);
    hints.push({ position, label, paddingLeft: true, ...(tooltip ? { tooltip } : {}) });
  };
  const guest = model.guestCluster;
  if (analysis && guest) {
    // After the last node: on the key's line for `nodes: [A, B]`, below it for a block list.
    at(
      guest.nodes.at(-1)?.span ?? guest.nodesKeySpan,
      survivalText(analysis),
      voteArithmetic(analysis.votes).join('\n'),
    );
  }
  if (analysis) {
    for (const disk of model.sharedDisks) {
      if (!disk.name) continue;
      const where = analysis.diskStorage.get(disk.name.value.toLowerCase());
      const storage = analysis.storage.find((s) => s.name === where);
      if (!storage) continue;
      const free =
        storage.capacityGB === undefined
          ? 'capacity not declared'
          : `${formatGB(storage.capacityGB - storage.usedGB)} free`;
      at(disk.name.span, `on ${storage.name} · ${free}`);
    }
    for (const placement of analysis.placements) {
      const vm = model.virtualMachines.find((v) => v.name?.value === placement.vm);
      if (!vm?.name) continue;
      at(
        vm.name.span,
        placement.highlyAvailable
          ? `runs on ${placement.startsOn ?? '?'} · may run on ${placement.mayRunOn.join(', ')}`
          : `runs only on ${placement.startsOn ?? '?'} (not highly available)`,
      );
    }
  }
  return hints.sort(
    (a, b) => a.position.line - b.position.line || a.position.character - b.position.character,
  );
}

/** Code lenses: "Simulate failures" above `guestCluster`, and how many guest nodes attach each shared disk. */
export function failureCodeLenses(
  document: TextDocument,
  model: Definition,
  analysis: FailureAnalysis | undefined,
): CodeLens[] {
  const lenses: CodeLens[] = [];
  const range = (span: Span): Range => ({
    start: document.positionAt(span.start),
    end: document.positionAt(span.end),
  });
  const guest = model.guestCluster;
  if (guest && analysis) {
    lenses.push({
      range: range(guest.keySpan),
      command: {
        title: `Simulate failures (${survivalText(analysis)})`,
        command: 'gcluster.simulateFailures',
        arguments: [document.uri],
      },
    });
  }
  const guestNodes = new Set(guest?.nodes.map((n) => n.value.toLowerCase()) ?? []);
  for (const disk of model.sharedDisks) {
    if (!disk.name) continue;
    const name = disk.name.value.toLowerCase();
    const attached = new Set(
      model.virtualMachines
        .filter((vm) => vm.name && guestNodes.has(vm.name.value.toLowerCase()))
        .filter((vm) => vm.attachments.some((a) => a.disk?.value.toLowerCase() === name))
        .map((vm) => vm.name!.value.toLowerCase()),
    );
    lenses.push({
      range: range(disk.keySpan),
      // A count to read, not a button: an empty command id makes VS Code show it as text.
      command: { title: `Attached to ${attached.size} of ${guestNodes.size} guest nodes`, command: '' },
    });
  }
  return lenses;
}

/** The failure table as Markdown, and the guest nodes and disks the worst single failure affects. */
export function failureReport(analysis: FailureAnalysis): FailureReport {
  const lines: string[] = [];
  lines.push(`# What survives when something fails: ${analysis.guestCluster}`);
  lines.push('');
  lines.push(`**${survivalText(analysis)}.** Votes: ${voteArithmetic(analysis.votes).join('; ')}.`);
  lines.push('');
  lines.push(
    'Failures at once are judged at the instant they happen (dynamic quorum adjusts votes only between failures). The host cluster is assumed to have a witness of its own, so it keeps running with half of its nodes. Highly available guest nodes restart on the least loaded host that keeps them apart.',
  );
  lines.push('');
  lines.push('| Failure | Guest nodes | Votes left | Guest cluster | Shared disks lost |');
  lines.push('|---|---|---:|---|---|');
  for (const scenario of analysis.scenarios) {
    lines.push(
      `| ${cell(scenarioLabel(scenario))} | ${cell(nodesText(scenario))} | ${scenario.votesLeft} of ${analysis.votes.total} | ${outcome(scenario)} | ${cell(scenario.disksLost.join(', ') || '—')} |`,
    );
  }
  lines.push('');
  lines.push('## What each vote depends on');
  lines.push('');
  for (const placement of analysis.placements) {
    lines.push(
      `- ${cell(placement.vm)}: host ${cell(placement.startsOn ?? 'none')}${placement.highlyAvailable ? ' (restarts elsewhere)' : ' (not highly available)'}, OS disk on ${cell(placement.osStorage ?? 'storage not declared')}`,
    );
  }
  const witness = analysis.votes.witness;
  lines.push(
    witness === 'none'
      ? '- no witness'
      : `- the ${witness} witness${analysis.votes.witnessVotes ? '' : ' (no vote now)'}: ${witness === 'cloud' ? 'Azure, outside the clusters' : analysis.witnessStorage ? `on ${cell(analysis.witnessStorage)}${witness === 'disk' ? ', through the host cluster' : ''}` : 'outside this definition'}`,
  );
  if (analysis.collisions.length > 0) {
    lines.push('');
    lines.push('## Guest nodes that can end up on one host');
    lines.push('');
    for (const collision of analysis.collisions) {
      const why =
        collision.why === 'preferredHost'
          ? 'they prefer the same host'
          : collision.why === 'tooFewHosts'
            ? 'there are fewer hosts than guest nodes'
            : 'they share no anti-affinity class';
      lines.push(`- ${cell(collision.vms.join(' and '))}: ${why}`);
    }
  }
  const worst =
    analysis.scenarios.find((s) => s.kind !== 'hostPair' && s.quorum !== 'keeps') ??
    analysis.scenarios.find((s) => s.kind === 'host' && (s.moved.length > 0 || s.down.length > 0));
  return {
    markdown: `${lines.join('\n')}\n`,
    ...(worst
      ? {
          highlight: {
            failure: scenarioLabel(worst),
            virtualMachines: [...worst.down, ...worst.moved.map((m) => m.vm)],
            sharedDisks: [...worst.disksLost],
            hostNodes: worst.kind === 'storage' ? [] : [...worst.failed],
          },
        }
      : {}),
  };
}

function scenarioLabel(scenario: Scenario): string {
  if (scenario.kind === 'storage') return `${scenario.failed[0]} lost`;
  return `${scenario.failed.join(' and ')} fail${scenario.failed.length === 1 ? 's' : ''}`;
}

function nodesText(scenario: Scenario): string {
  const parts = [
    ...scenario.moved.map((m) => `${m.vm} restarts on ${m.to}`),
    ...scenario.down.map((vm) => `${vm} down`),
  ];
  return parts.join('; ') || 'none affected';
}

function outcome(scenario: Scenario): string {
  if (!scenario.hostClusterUp) return '**stops** (the host cluster stops)';
  return scenario.quorum === 'keeps'
    ? 'keeps quorum'
    : scenario.quorum === 'depends'
      ? '**may stop** (depends which node holds the vote)'
      : '**stops**';
}

/** Names stay text in the table: pipes and Markdown punctuation are escaped. */
function cell(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>]/g, (ch) => `\\${ch}`).replace(/\r?\n/g, ' ');
}

function formatGB(gb: number): string {
  return gb >= 1024 ? `${Math.round((gb / 1024) * 10) / 10} TB` : `${Math.round(gb)} GB`;
}

function lineEnd(document: TextDocument, line: number) {
  const next = document.offsetAt({ line: line + 1, character: 0 });
  const text = document.getText().slice(document.offsetAt({ line, character: 0 }), next);
  const content = text.replace(/\r?\n$/, '');
  // Before a trailing comment, so the hint reads with the value.
  const comment = content.search(/\s+#(?=[^'"]*$)/);
  return { line, character: comment >= 0 ? comment : content.length };
}
