import { versionRank } from './domain';
import type { FailureAnalysis } from './failure/simulate';
import type { Attachment, Definition, HostNode, SharedDisk, VirtualMachine } from './model';
import type { Report } from './problem';

export interface AttachmentOf {
  readonly vm: VirtualMachine;
  readonly attachment: Attachment;
}

/**
 * What every rule gets: the model, and indexes built at most once per validation and only
 * when a rule asks, so that no rule compares every VM with every VM.
 */
export class RuleContext {
  private vmIndex?: Map<string, VirtualMachine>;
  private diskIndex?: Map<string, SharedDisk>;
  private hostIndex?: Map<string, HostNode>;
  private attachmentIndex?: Map<string, AttachmentOf[]>;
  private guestNodeList?: VirtualMachine[];

  constructor(
    readonly model: Definition,
    readonly report: Report,
    /** The service's failure analysis of this parse, cached there so that inlay hints reuse it. */
    private readonly failuresOfParse: () => FailureAnalysis | undefined,
  ) {}

  /** The host OS's rank (see `versionRank`), or undefined when it is missing or unknown. */
  get hostOsRank(): number | undefined {
    return versionRank(this.model.hostCluster?.os?.value);
  }

  /** VMs by lower-cased name; the first of duplicates wins (NAME005 reports the others). */
  get vmsByName(): ReadonlyMap<string, VirtualMachine> {
    return (this.vmIndex ??= indexByName(this.model.virtualMachines, (vm) => vm.name?.value));
  }

  get disksByName(): ReadonlyMap<string, SharedDisk> {
    return (this.diskIndex ??= indexByName(this.model.sharedDisks, (disk) => disk.name?.value));
  }

  get hostNodesByName(): ReadonlyMap<string, HostNode> {
    return (this.hostIndex ??= indexByName(this.model.hostCluster?.nodes ?? [], (node) => node.name?.value));
  }

  /** Every attachment of every VM, by lower-cased disk name. */
  get attachmentsByDisk(): ReadonlyMap<string, readonly AttachmentOf[]> {
    if (!this.attachmentIndex) {
      this.attachmentIndex = new Map();
      for (const vm of this.model.virtualMachines) {
        for (const attachment of vm.attachments) {
          const key = attachment.disk?.value.toLowerCase();
          if (key === undefined) continue;
          let list = this.attachmentIndex.get(key);
          if (!list) this.attachmentIndex.set(key, (list = []));
          list.push({ vm, attachment });
        }
      }
    }
    return this.attachmentIndex;
  }

  /** The VMs named in `guestCluster.nodes` that exist, each once. */
  get guestNodes(): readonly VirtualMachine[] {
    if (!this.guestNodeList) {
      const seen = new Set<VirtualMachine>();
      for (const node of this.model.guestCluster?.nodes ?? []) {
        const vm = this.vmsByName.get(node.value.toLowerCase());
        if (vm) seen.add(vm);
      }
      this.guestNodeList = [...seen];
    }
    return this.guestNodeList;
  }

  /** The lowest guest OS among the guest nodes, which bounds what the guest cluster can do. */
  get lowestGuestOsRank(): number | undefined {
    let lowest: number | undefined;
    for (const vm of this.guestNodes) {
      const rank = versionRank(vm.guestOs?.value);
      if (rank !== undefined && (lowest === undefined || rank < lowest)) lowest = rank;
    }
    return lowest;
  }

  /** What survives which failure, for the FAIL rules: simulated at most once per parse. */
  get failures(): FailureAnalysis | undefined {
    return this.failuresOfParse();
  }

  /** The shared disks a VM attaches, resolved by name. */
  attachedDisks(vm: VirtualMachine): SharedDisk[] {
    const disks: SharedDisk[] = [];
    for (const attachment of vm.attachments) {
      const disk = attachment.disk && this.disksByName.get(attachment.disk.value.toLowerCase());
      if (disk) disks.push(disk);
    }
    return disks;
  }
}

function indexByName<T>(items: readonly T[], nameOf: (item: T) => string | undefined): Map<string, T> {
  const index = new Map<string, T>();
  for (const item of items) {
    const name = nameOf(item)?.toLowerCase();
    if (name !== undefined && !index.has(name)) index.set(name, item);
  }
  return index;
}
