import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type {
  DefinitionOverview,
  GuestClusterOverview,
  HostClusterOverview,
  OverviewItem,
  OverviewKind,
  ProblemCount,
  SharedDiskOverview,
  StorageLocationOverview,
  StorageOverview,
  TextRange,
  VirtualMachineOverview,
  WitnessOverview,
} from '../protocol';
import type { Analysis } from './analysis';
import { isUnder } from './domain';
import type { GuestCluster, HostCluster, Quorum, SharedDisk, Storage, VirtualMachine } from './model';
import type { Span } from './problem';
import { diskDetail, vmDetail } from './symbolSummary';
import { versionLabel } from './domain';
import type { Field } from './yamlAccess';

/**
 * The overview of one definition for the Definitions and Topology views: what is declared, how
 * it hangs together (which disks each VM attaches, where each disk lives, the witness), where
 * each thing is in the text, and how many of the given diagnostics fall inside it.
 *
 * Read from the tolerant model, so a half-typed definition shows what is there; a list item
 * without a name yet is shown as "(unnamed)" rather than hidden, because its problems count.
 */
export function overviewOf(
  document: TextDocument,
  analysis: Analysis,
  diagnostics: readonly Diagnostic[],
): DefinitionOverview {
  const builder = new OverviewBuilder(document, diagnostics);
  const model = analysis.model;
  const parsed = analysis.parsed;
  const unreadable = parsed.refused ? parsed.problems[0]?.message : undefined;
  return {
    uri: document.uri,
    ...(model.name ? { name: model.name.value } : {}),
    problems: builder.count(undefined),
    ...(unreadable ? { unreadable } : {}),
    ...(model.hostCluster ? { hostCluster: builder.hostCluster(model.hostCluster) } : {}),
    sharedDisks: model.sharedDisks.map((disk) => builder.sharedDisk(disk, model.hostCluster?.storage, model)),
    virtualMachines: model.virtualMachines.map((vm) => builder.virtualMachine(vm, model.guestCluster)),
    ...(model.guestCluster ? { guestCluster: builder.guestCluster(model.guestCluster) } : {}),
  };
}

const unnamed = '(unnamed)';

class OverviewBuilder {
  private readonly text: string;

  constructor(
    private readonly document: TextDocument,
    private readonly diagnostics: readonly Diagnostic[],
  ) {
    this.text = document.getText();
  }

  hostCluster(host: HostCluster): HostClusterOverview {
    const facts = [host.os && versionLabel(host.os.value), `${host.nodes.length} nodes`];
    return {
      ...this.item('hostCluster', host.name, host, host.keySpan, facts),
      nodes: host.nodes.map((node) =>
        this.item('hostNode', node.name, node, node.keySpan, [node.domain?.value]),
      ),
      ...(host.storage ? { storage: this.storage(host.storage) } : {}),
    };
  }

  sharedDisk(disk: SharedDisk, storage: Storage | undefined, model: Analysis['model']): SharedDiskOverview {
    const name = disk.name?.value.toLowerCase();
    const attachedTo = model.virtualMachines
      .filter((vm) => name !== undefined && vm.attachments.some((a) => a.disk?.value.toLowerCase() === name))
      .map((vm) => vm.name?.value ?? unnamed);
    const location =
      disk.path && locationsOf(storage).find((l) => l.path && isUnder(disk.path!.value, l.path.value));
    return {
      ...this.item('sharedDisk', disk.name, disk, disk.keySpan, [diskDetail(disk), location?.name?.value]),
      ...(disk.path ? { path: disk.path.value } : {}),
      ...(location?.name ? { location: location.name.value } : {}),
      ...(disk.guestUse ? { guestUse: disk.guestUse.value } : {}),
      attachedTo,
    };
  }

  virtualMachine(vm: VirtualMachine, guest: GuestCluster | undefined): VirtualMachineOverview {
    const name = vm.name?.value.toLowerCase();
    return {
      ...this.item('virtualMachine', vm.name, vm, vm.keySpan, [vmDetail(vm)]),
      ...(vm.preferredHost ? { preferredHost: vm.preferredHost.value } : {}),
      attachments: vm.attachments.flatMap((attachment) =>
        attachment.disk
          ? [
              {
                disk: attachment.disk.value,
                controller: attachment.controller?.value ?? 'scsi',
                persistentReservations: attachment.persistentReservations?.value ?? true,
                range: this.range(attachment.span),
              },
            ]
          : [],
      ),
      guestNode: name !== undefined && (guest?.nodes ?? []).some((node) => node.value.toLowerCase() === name),
    };
  }

  guestCluster(guest: GuestCluster): GuestClusterOverview {
    const facts = [`${guest.nodes.length} nodes`, guest.staticAddress?.value];
    return {
      ...this.item('guestCluster', guest.name, guest, guest.keySpan, facts),
      nodes: guest.nodes.map((node) => node.value),
      ...(guest.quorum ? { witness: this.witness(guest.quorum) } : {}),
    };
  }

  /** Every severity counted over the diagnostics inside `span`, or over all of them without one. */
  count(span: TextRange | undefined): ProblemCount {
    const count = { errors: 0, warnings: 0, infos: 0, hints: 0 };
    for (const diagnostic of this.diagnostics) {
      if (span && !contains(span, diagnostic.range.start)) continue;
      switch (diagnostic.severity) {
        case DiagnosticSeverity.Warning:
          count.warnings++;
          break;
        case DiagnosticSeverity.Information:
          count.infos++;
          break;
        case DiagnosticSeverity.Hint:
          count.hints++;
          break;
        default:
          count.errors++;
      }
    }
    return count;
  }

  private storage(storage: Storage): StorageOverview {
    const kind = storage.kind?.value;
    const sofsName = storage.sofs?.name?.value;
    const label =
      kind === 'csv'
        ? 'Cluster Shared Volumes'
        : kind === 'sofs'
          ? ['Scale-Out File Server', sofsName].filter(Boolean).join(' ')
          : 'Storage';
    const locations = [
      ...storage.volumes.map((volume) => this.location('volume', volume)),
      ...(storage.sofs?.shares ?? []).map((share) => this.location('share', share)),
    ];
    return {
      ...this.item('storage', undefined, storage, storage.keySpan, [locationCount(storage)]),
      name: label,
      ...(kind ? { storageKind: kind } : {}),
      ...(storage.sofs?.name ? { sofsName: storage.sofs.name.value } : {}),
      locations,
    };
  }

  private location(kind: 'volume' | 'share', location: Storage['volumes'][number]): StorageLocationOverview {
    const capacity = location.capacityGB && `${location.capacityGB.value} GB`;
    return {
      ...this.item(kind, location.name, location, location.keySpan, [location.path?.value, capacity]),
      kind,
      ...(location.path ? { path: location.path.value } : {}),
      ...(location.capacityGB ? { capacityGB: location.capacityGB.value } : {}),
    };
  }

  private witness(quorum: Quorum): WitnessOverview {
    const witnessKind = quorum.witness?.value ?? 'none';
    const target =
      witnessKind === 'disk'
        ? quorum.disk
        : witnessKind === 'fileShare'
          ? quorum.path
          : quorum.storageAccount;
    const label = witnessLabels[witnessKind] ?? witnessKind;
    return {
      ...this.item('witness', undefined, quorum, quorum.keySpan, [target?.value]),
      name: label,
      witnessKind,
      ...(target ? { target: target.value } : {}),
    };
  }

  private item<K extends OverviewKind>(
    kind: K,
    name: Field<string> | undefined,
    whole: { readonly span: Span },
    keySpan: Span,
    facts: readonly (string | undefined)[],
  ): OverviewItem & { kind: K } {
    // A block mapping's span runs on to the next line; the item ends at its last character.
    let end = Math.max(whole.span.end, keySpan.end);
    const text = this.text;
    while (end > keySpan.end && /\s/.test(text[end - 1] ?? '')) end--;
    const range = this.range({ start: Math.min(whole.span.start, keySpan.start), end });
    const shownName = name && name.value.trim() !== '' ? name.value : unnamed;
    return {
      kind,
      name: shownName,
      detail: facts.filter((fact): fact is string => fact !== undefined && fact !== '').join(' · '),
      range,
      selectionRange: this.range(name && name.value.trim() !== '' ? name.span : keySpan),
      problems: this.count(range),
    };
  }

  private range(span: Span): TextRange {
    return { start: this.document.positionAt(span.start), end: this.document.positionAt(span.end) };
  }
}

const witnessLabels: Readonly<Record<string, string>> = {
  disk: 'Disk witness',
  fileShare: 'File share witness',
  cloud: 'Cloud witness',
  none: 'No witness',
};

/** "2 volumes", "1 share": what the storage offers, its kind being the row's or the lane's name. */
function locationCount(storage: Storage): string | undefined {
  const volumes = storage.volumes.length;
  const shares = storage.sofs?.shares.length ?? 0;
  if (volumes + shares === 0) return undefined;
  const say = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;
  return [volumes > 0 ? say(volumes, 'volume') : '', shares > 0 ? say(shares, 'share') : '']
    .filter((part) => part !== '')
    .join(', ');
}

function locationsOf(storage: Storage | undefined) {
  return [...(storage?.volumes ?? []), ...(storage?.sofs?.shares ?? [])];
}

function contains(range: TextRange, position: { line: number; character: number }): boolean {
  const afterStart =
    position.line > range.start.line ||
    (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd =
    position.line < range.end.line ||
    (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}
