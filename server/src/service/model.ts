import type { Document } from 'yaml';
import type { Span } from './problem';
import { FieldReader, keySpanOf, mapView, type Field, type MapView } from './yamlAccess';

/**
 * The definition as the rules see it: every value with its place in the text, read tolerantly,
 * so that a wrong type in one place (already reported by the schema) leaves the rest checkable.
 */
export interface Definition {
  readonly span: Span;
  readonly name?: Field<string>;
  readonly hostCluster?: HostCluster;
  readonly sharedDisks: readonly SharedDisk[];
  readonly virtualMachines: readonly VirtualMachine[];
  readonly guestCluster?: GuestCluster;
}

/** A mapping of the definition: where it stands and the key (or list item) that introduces it. */
export interface Located {
  readonly span: Span;
  readonly keySpan: Span;
}

export interface HostCluster extends Located {
  readonly name?: Field<string>;
  readonly domain?: Field<string>;
  readonly os?: Field<string>;
  readonly nodes: readonly HostNode[];
  /** The `nodes` key, or the host cluster's key when there is none. */
  readonly nodesKeySpan: Span;
  readonly storage?: Storage;
  /** Undefined when `networks` is absent, as opposed to an empty list. */
  readonly networks?: readonly Network[];
  readonly networksKeySpan?: Span;
  readonly switch?: Field<string>;
}

export interface HostNode extends Located {
  readonly name?: Field<string>;
  readonly domain?: Field<string>;
}

export interface Storage extends Located {
  readonly kind?: Field<string>;
  readonly volumes: readonly StorageLocation[];
  readonly sofs?: ScaleOutFileServer;
}

/** A CSV volume or an SOFS share: somewhere a disk file can live. */
export interface StorageLocation extends Located {
  readonly name?: Field<string>;
  readonly path?: Field<string>;
  readonly capacityGB?: Field<number>;
}

export interface ScaleOutFileServer extends Located {
  readonly name?: Field<string>;
  readonly os?: Field<string>;
  readonly shares: readonly StorageLocation[];
}

export interface Network extends Located {
  readonly name?: Field<string>;
  readonly role?: Field<string>;
  readonly dhcp?: Field<boolean>;
}

export interface SharedDisk extends Located {
  readonly name?: Field<string>;
  readonly path?: Field<string>;
  readonly sizeGB?: Field<number>;
  readonly type?: Field<string>;
  readonly parentPath?: Field<string>;
  readonly logicalSectorSize?: Field<number>;
  readonly physicalSectorSize?: Field<number>;
  readonly guestUse?: Field<string>;
  readonly resizeToGB?: Field<number>;
}

export interface VirtualMachine extends Located {
  readonly name?: Field<string>;
  readonly computerName?: Field<string>;
  readonly domain?: Field<string>;
  readonly generation?: Field<number>;
  readonly guestOs?: Field<string>;
  readonly integrationServices?: Field<string>;
  readonly processors?: Field<number>;
  readonly memory?: Memory;
  readonly osDisk?: OsDisk;
  readonly preferredHost?: Field<string>;
  readonly antiAffinityClassNames: readonly Field<string>[];
  readonly highlyAvailable?: Field<boolean>;
  readonly attachments: readonly Attachment[];
  readonly replication?: Located;
  readonly hostBackup?: Field<boolean>;
  readonly checkpoints?: Field<string>;
  readonly storageMigration?: Located;
}

export interface Memory extends Located {
  readonly startupGB?: Field<number>;
  readonly dynamic?: Field<boolean>;
  readonly minimumGB?: Field<number>;
  readonly maximumGB?: Field<number>;
}

export interface OsDisk extends Located {
  readonly path?: Field<string>;
  readonly sizeGB?: Field<number>;
  readonly controller?: Field<string>;
}

/** One entry of a VM's `sharedDisks`, in the short (a name) or the long form. */
export interface Attachment {
  readonly span: Span;
  readonly disk?: Field<string>;
  readonly shortForm: boolean;
  readonly controller?: Field<string>;
  readonly controllerNumber?: Field<number>;
  readonly location?: Field<number>;
  readonly persistentReservations?: Field<boolean>;
}

export interface GuestCluster extends Located {
  readonly name?: Field<string>;
  readonly domain?: Field<string>;
  readonly staticAddress?: Field<string>;
  readonly nodes: readonly Field<string>[];
  readonly nodesKeySpan: Span;
  readonly quorum?: Quorum;
}

export interface Quorum extends Located {
  readonly witness?: Field<string>;
  readonly disk?: Field<string>;
  readonly path?: Field<string>;
  readonly storageAccount?: Field<string>;
  readonly diskOnly?: Field<boolean>;
}

const origin: Span = { start: 0, end: 0 };

function firstKeySpan(view: MapView): Span {
  const first = view.node.items[0];
  return first ? keySpanOf(first, view.keySpan) : view.keySpan;
}

/** Reads the model from a parsed YAML document in one pass over the parts the rules need. */
export function buildModel(document: Document): Definition {
  const root = mapView(document, document.contents, origin);
  if (!root) return { span: origin, sharedDisks: [], virtualMachines: [] };
  const read = new FieldReader(document);
  const listOf = <T>(parent: MapView, key: string, each: (view: MapView) => T): T[] => {
    const seq = read.seq(parent, key);
    if (!seq) return [];
    const out: T[] = [];
    for (const item of seq.items) {
      const view = mapView(document, item.node, item.span);
      // A list item is introduced by its first key (`- name: …`): the place to report what it lacks.
      if (view) out.push(each({ ...view, keySpan: firstKeySpan(view) }));
    }
    return out;
  };
  const located = (view: MapView): Located => ({ span: view.span, keySpan: view.keySpan });
  const location = (view: MapView): StorageLocation => ({
    ...located(view),
    name: read.string(view, 'name'),
    path: read.string(view, 'path'),
    capacityGB: read.number(view, 'capacityGB'),
  });
  const hostCluster = (view: MapView): HostCluster => {
    const storage = read.map(view, 'storage');
    const sofs = storage && read.map(storage, 'sofs');
    const networks = read.seq(view, 'networks');
    return {
      ...located(view),
      name: read.string(view, 'name'),
      domain: read.string(view, 'domain'),
      os: read.string(view, 'os'),
      nodes: listOf(view, 'nodes', (node) => ({
        ...located(node),
        name: read.string(node, 'name'),
        domain: read.string(node, 'domain'),
      })),
      nodesKeySpan: read.present(view, 'nodes')?.keySpan ?? view.keySpan,
      storage: storage && {
        ...located(storage),
        kind: read.string(storage, 'kind'),
        volumes: listOf(storage, 'volumes', location),
        sofs: sofs && {
          ...located(sofs),
          name: read.string(sofs, 'name'),
          os: read.string(sofs, 'os'),
          shares: listOf(sofs, 'shares', location),
        },
      },
      networks:
        networks &&
        listOf(view, 'networks', (network) => ({
          ...located(network),
          name: read.string(network, 'name'),
          role: read.string(network, 'role'),
          dhcp: read.boolean(network, 'dhcp'),
        })),
      networksKeySpan: networks?.keySpan,
      switch: read.string(view, 'switch'),
    };
  };
  const attachments = (vm: MapView): Attachment[] => {
    const seq = read.seq(vm, 'sharedDisks');
    if (!seq) return [];
    const out: Attachment[] = [];
    for (const item of seq.items) {
      const short = read.scalarItem(item);
      if (short) {
        out.push({ span: item.span, disk: short, shortForm: true });
        continue;
      }
      const view = mapView(document, item.node, item.span);
      if (!view) continue;
      out.push({
        span: view.span,
        shortForm: false,
        disk: read.string(view, 'disk'),
        controller: read.string(view, 'controller'),
        controllerNumber: read.number(view, 'controllerNumber'),
        location: read.number(view, 'location'),
        persistentReservations: read.boolean(view, 'persistentReservations'),
      });
    }
    return out;
  };
  const virtualMachine = (view: MapView): VirtualMachine => {
    const memory = read.map(view, 'memory');
    const osDisk = read.map(view, 'osDisk');
    const classes = read.seq(view, 'antiAffinityClassNames');
    return {
      ...located(view),
      name: read.string(view, 'name'),
      computerName: read.string(view, 'computerName'),
      domain: read.string(view, 'domain'),
      generation: read.number(view, 'generation'),
      guestOs: read.string(view, 'guestOs'),
      integrationServices: read.string(view, 'integrationServices'),
      processors: read.number(view, 'processors'),
      memory: memory && {
        ...located(memory),
        startupGB: read.number(memory, 'startupGB'),
        dynamic: read.boolean(memory, 'dynamic'),
        minimumGB: read.number(memory, 'minimumGB'),
        maximumGB: read.number(memory, 'maximumGB'),
      },
      osDisk: osDisk && {
        ...located(osDisk),
        path: read.string(osDisk, 'path'),
        sizeGB: read.number(osDisk, 'sizeGB'),
        controller: read.string(osDisk, 'controller'),
      },
      preferredHost: read.string(view, 'preferredHost'),
      antiAffinityClassNames: (classes?.items ?? []).flatMap((item) => read.scalarItem(item) ?? []),
      highlyAvailable: read.boolean(view, 'highlyAvailable'),
      attachments: attachments(view),
      replication: read.present(view, 'replication'),
      hostBackup: read.boolean(view, 'hostBackup'),
      checkpoints: read.string(view, 'checkpoints'),
      storageMigration: read.present(view, 'storageMigration'),
    };
  };
  const guestCluster = (view: MapView): GuestCluster => {
    const quorum = read.map(view, 'quorum');
    const nodes = read.seq(view, 'nodes');
    return {
      ...located(view),
      name: read.string(view, 'name'),
      domain: read.string(view, 'domain'),
      staticAddress: read.string(view, 'staticAddress'),
      nodes: (nodes?.items ?? []).flatMap((item) => read.scalarItem(item) ?? []),
      nodesKeySpan: nodes?.keySpan ?? view.keySpan,
      quorum: quorum && {
        ...located(quorum),
        witness: read.string(quorum, 'witness'),
        disk: read.string(quorum, 'disk'),
        path: read.string(quorum, 'path'),
        storageAccount: read.string(quorum, 'storageAccount'),
        diskOnly: read.boolean(quorum, 'diskOnly'),
      },
    };
  };
  const host = read.map(root, 'hostCluster');
  const guest = read.map(root, 'guestCluster');
  return {
    span: root.span,
    name: read.string(root, 'name'),
    hostCluster: host && hostCluster(host),
    sharedDisks: listOf(root, 'sharedDisks', (disk) => ({
      ...located(disk),
      name: read.string(disk, 'name'),
      path: read.string(disk, 'path'),
      sizeGB: read.number(disk, 'sizeGB'),
      type: read.string(disk, 'type'),
      parentPath: read.string(disk, 'parentPath'),
      logicalSectorSize: read.number(disk, 'logicalSectorSize'),
      physicalSectorSize: read.number(disk, 'physicalSectorSize'),
      guestUse: read.string(disk, 'guestUse'),
      resizeToGB: read.number(disk, 'resizeToGB'),
    })),
    virtualMachines: listOf(root, 'virtualMachines', virtualMachine),
    guestCluster: guest && guestCluster(guest),
  };
}
