import { Document, isMap, isSeq, type Node, type YAMLMap } from 'yaml';
import {
  isReachableGuest,
  type Inventory,
  type InventoryDisk,
  type InventoryGuestCluster,
  type InventoryVm,
} from '../powershell/inspect';
import { firstLine, gigabytes, samePath } from './inventoryText';

const gib = 1024 ** 3;

/** A group of VMs that share disks: one guest cluster, whether or not it answered. */
export interface GuestGroup {
  /** The VMs, in the order the inventory lists them. */
  readonly vms: readonly InventoryVm[];
  /** What the guest cluster said of itself, when one of its VMs answered remoting. */
  readonly guest?: InventoryGuestCluster;
  /** Why it did not answer. */
  readonly unreachable?: string;
}

/** Every group of VMs that share at least one disk file, each with its guest cluster when known. */
export function guestGroups(inventory: Inventory): GuestGroup[] {
  const groups: InventoryVm[][] = [];
  const groupOf = new Map<string, InventoryVm[]>();
  for (const vm of inventory.vms) {
    for (const disk of vm.disks) {
      const sharers = inventory.vms.filter(
        (other) => other !== vm && other.disks.some((d) => samePath(d.path, disk.path)),
      );
      if (sharers.length === 0) continue;
      const existing = [vm, ...sharers].map((member) => groupOf.get(member.name)).find((g) => g);
      const group = existing ?? [];
      if (!existing) groups.push(group);
      for (const member of [vm, ...sharers]) {
        if (!group.includes(member)) group.push(member);
        groupOf.set(member.name, group);
      }
    }
  }
  return groups.map((members) => {
    const vms = inventory.vms.filter((vm) => members.includes(vm));
    const names = new Set(vms.map((vm) => vm.name.toLowerCase()));
    const answer = (inventory.guestClusters ?? []).find((guest) =>
      isReachableGuest(guest)
        ? names.has(guest.reachedThrough.toLowerCase())
        : guest.vms.some((name) => names.has(name.toLowerCase())),
    );
    if (!answer) return { vms };
    return isReachableGuest(answer) ? { vms, guest: answer } : { vms, unreachable: answer.error };
  });
}

/** The Windows Server version of a build number, as the definition names it. */
export function versionOfBuild(build: number | undefined): string | undefined {
  const builds: [number, string][] = [
    [26100, 'windowsServer2025'],
    [20348, 'windowsServer2022'],
    [17763, 'windowsServer2019'],
    [14393, 'windowsServer2016'],
    [9600, 'windowsServer2012R2'],
    [9200, 'windowsServer2012'],
  ];
  if (!build) return undefined;
  return builds.find(([first]) => build >= first)?.[1];
}

export interface ExportedDefinition {
  readonly text: string;
  /** What could not be read and was filled in: each is also a comment beside the value in the file. */
  readonly guesses: readonly string[];
}

/**
 * Writes a definition of one guest cluster as it runs on an inspected host cluster: the host
 * cluster, its storage and networks, the shared disks, the VMs with their processors, memory,
 * disks and anti-affinity, and the guest cluster with its witness. What the inspection could not
 * read (a guest that did not answer remoting, a file share witness's path) is filled in with the
 * nearest honest value and marked with a comment saying so.
 */
export function exportDefinition(inventory: Inventory, group: GuestGroup): ExportedDefinition {
  const guesses: string[] = [];
  const guess = (node: Node | undefined, why: string) => {
    guesses.push(oneLine(why));
    if (node) node.comment = ` ${oneLine(why)}`;
  };
  const document = new Document({});
  const root = document.contents as YAMLMap;
  const guestName = group.guest?.name ?? `${group.vms[0]?.name ?? 'GUEST'}-CL`.slice(0, 15);

  const sharedPaths = new Map<string, InventoryDisk>();
  for (const vm of group.vms) {
    for (const disk of vm.disks) {
      if (group.vms.some((other) => other !== vm && other.disks.some((d) => samePath(d.path, disk.path)))) {
        if (![...sharedPaths.keys()].some((known) => samePath(known, disk.path)))
          sharedPaths.set(disk.path, disk);
      }
    }
  }
  const diskNames = uniqueNames([...sharedPaths.keys()].map((p) => baseName(p)));
  const sharedDisks = [...sharedPaths.entries()].map(([diskPath, disk], index) => ({
    name: diskNames[index]!,
    path: diskPath,
    disk,
  }));
  const nameOfDisk = (diskPath: string) => sharedDisks.find((d) => samePath(d.path, diskPath))?.name;

  root.set('version', 1);
  root.set('name', guestName.toLowerCase());

  // The host cluster: its oldest node's version stands for all of them.
  const hostBuild = Math.min(...inventory.nodes.map((node) => node.buildNumber || Infinity));
  const hostOs = versionOfBuild(Number.isFinite(hostBuild) ? hostBuild : undefined);
  const host = document.createNode({
    name: inventory.cluster.name,
    domain: inventory.cluster.domain,
    os: hostOs ?? 'windowsServer2016',
    nodes: inventory.nodes.map((node) => ({ name: node.name })),
    storage: storageOf(inventory, [
      ...sharedPaths.keys(),
      ...group.vms.flatMap((vm) => vm.disks.map((d) => d.path)),
    ]),
  }) as YAMLMap;
  if (!hostOs)
    guess(host.get('os', true) as Node, 'not read: the host nodes did not give their build; check it');
  const networks = (inventory.networks ?? []).flatMap((network) => {
    const role = networkRoles[network.role];
    return role ? [{ name: network.name, role }] : [];
  });
  if (networks.length > 0) host.set('networks', document.createNode(networks));
  root.set('hostCluster', host);

  const witnessDisk = witnessDiskOf(group, sharedDisks);
  root.set(
    'sharedDisks',
    document.createNode(
      sharedDisks.map((shared) => ({
        name: shared.name,
        path: shared.path,
        sizeGB: gigabytes(shared.disk.sizeBytes ?? 0),
        type: shared.disk.type?.toLowerCase() === 'dynamic' ? 'dynamic' : 'fixed',
        ...(witnessDisk?.name === shared.name ? { guestUse: 'witness' } : {}),
      })),
      { flow: false },
    ),
  );
  for (const item of (root.get('sharedDisks') as YAMLMap & { items: Node[] }).items) {
    if (isMap(item)) item.flow = true;
  }

  const guestNodeOs = (vm: InventoryVm) => {
    const node = group.guest?.nodes.find((n) => n.name.toLowerCase() === vm.name.toLowerCase());
    const builds = group.guest?.nodes.map((n) => n.buildNumber ?? 0).filter((b) => b > 0) ?? [];
    return (
      versionOfBuild(node?.buildNumber) ?? versionOfBuild(builds.length > 0 ? Math.min(...builds) : undefined)
    );
  };
  const vms = document.createNode([]) as Node & { items: Node[] };
  for (const vm of group.vms) {
    const osDisk = osDiskOf(
      vm,
      sharedDisks.map((d) => d.path),
    );
    const guestOs = guestNodeOs(vm);
    const attachments = vm.disks.flatMap((disk) => {
      const name = nameOfDisk(disk.path);
      if (!name) return [];
      return [
        {
          disk: name,
          ...(disk.controllerType.toUpperCase() === 'IDE' ? { controller: 'ide' } : {}),
          controllerNumber: disk.controllerNumber,
          location: disk.controllerLocation,
          ...(disk.supportPersistentReservations ? {} : { persistentReservations: false }),
        },
      ];
    });
    const memory = {
      startupGB: gigabytes(vm.memoryStartupBytes ?? 0),
      ...(vm.dynamicMemoryEnabled
        ? {
            dynamic: true,
            minimumGB: gigabytes(vm.memoryMinimumBytes ?? 0),
            maximumGB: gigabytes(vm.memoryMaximumBytes ?? 0),
          }
        : {}),
    };
    const entry = document.createNode({
      name: vm.name,
      generation: vm.generation,
      guestOs: guestOs ?? hostOs ?? 'windowsServer2016',
      processors: vm.processorCount ?? 1,
      memory,
      osDisk: { path: osDisk?.path ?? '' },
      ...(vm.antiAffinityClassNames.length > 0
        ? { antiAffinityClassNames: [...vm.antiAffinityClassNames] }
        : {}),
      ...(vm.isClustered ? {} : { highlyAvailable: false }),
      sharedDisks: attachments,
    }) as YAMLMap;
    (entry.get('memory', true) as unknown as YAMLMap).flow = true;
    (entry.get('osDisk', true) as unknown as YAMLMap).flow = true;
    const list = entry.get('sharedDisks', true);
    if (isSeq(list)) for (const item of list.items) if (isMap(item)) item.flow = true;
    const antiAffinity = entry.get('antiAffinityClassNames', true);
    if (isSeq(antiAffinity)) antiAffinity.flow = true;
    if (!guestOs) {
      guess(
        entry.get('guestOs', true) as Node,
        `not read: ${vm.name} did not answer remoting; the host's version is assumed`,
      );
    }
    vms.items.push(entry);
  }
  root.set('virtualMachines', vms);

  const guest = document.createNode({
    name: guestName,
    domain: group.guest?.domain || inventory.cluster.domain,
    ...(group.guest?.addresses?.[0] ? { staticAddress: group.guest.addresses[0] } : {}),
    nodes: group.vms.map((vm) => vm.name),
    quorum: quorumOf(group, witnessDisk?.name),
  }) as YAMLMap;
  (guest.get('nodes', true) as Node & { flow?: boolean }).flow = true;
  (guest.get('quorum', true) as unknown as YAMLMap).flow = true;
  if (!group.guest) {
    guess(
      guest.get('name', true) as Node,
      `not read: the guest cluster did not answer remoting${group.unreachable ? ` (${firstLine(group.unreachable)})` : ''}; name, domain and witness are assumed`,
    );
  } else if (['File Share Witness', 'Cloud Witness'].includes(group.guest.quorum.resourceType)) {
    guess(
      guest.get('quorum', true) as Node,
      `not read: the ${group.guest.quorum.resourceType.toLowerCase()}'s ${group.guest.quorum.resourceType === 'Cloud Witness' ? 'storage account' : 'path'} is a cluster parameter the inspection does not read; set it`,
    );
  }
  root.set('guestCluster', guest);

  document.commentBefore = ` Exported by gcluster from host cluster ${oneLine(inventory.cluster.name)}: the guest cluster ${oneLine(guestName)} as it runs.`;
  return { text: document.toString({ lineWidth: 0 }), guesses };
}

const networkRoles: Readonly<Record<string, string>> = {
  Cluster: 'cluster',
  Client: 'client',
  ClusterAndClient: 'clusterAndClient',
  // A network the cluster does not use is, on a Hyper-V host cluster, the storage (iSCSI or SMB) network.
  None: 'storage',
};

function storageOf(inventory: Inventory, paths: readonly string[]): object {
  const unc = paths.filter((p) => p.startsWith('\\\\'));
  if (unc.length > 0 && unc.length === paths.length) {
    const shares = new Map<string, { name: string; path: string }>();
    for (const p of unc) {
      const [server = '', share = ''] = p.slice(2).split('\\');
      const root = `\\\\${server}\\${share}`;
      if (![...shares.keys()].some((known) => samePath(known, root)))
        shares.set(root, { name: share, path: root });
    }
    const server = unc[0]!.slice(2).split('\\')[0] ?? '';
    return { kind: 'sofs', sofs: { name: server, shares: [...shares.values()] } };
  }
  return {
    kind: 'csv',
    volumes: inventory.volumes.map((volume) => ({
      name: baseName(volume.path) || volume.name,
      path: volume.path,
      ...(volume.sizeBytes ? { capacityGB: gigabytes(volume.sizeBytes) } : {}),
    })),
  };
}

/** The disk the VM boots from: its first disk that no other VM shares, at the lowest slot. */
function osDiskOf(vm: InventoryVm, shared: readonly string[]): InventoryDisk | undefined {
  return [...vm.disks]
    .filter((disk) => !shared.some((p) => samePath(p, disk.path)))
    .sort(
      (a, b) =>
        (vm.generation === 1 ? Number(a.controllerType !== 'IDE') - Number(b.controllerType !== 'IDE') : 0) ||
        a.controllerNumber - b.controllerNumber ||
        a.controllerLocation - b.controllerLocation,
    )[0];
}

/** The shared disk the guest cluster uses as its witness: the quorum resource of that name, if it is a disk. */
function witnessDiskOf(
  group: GuestGroup,
  disks: readonly { readonly name: string; readonly disk: InventoryDisk }[],
): { readonly name: string } | undefined {
  const quorum = group.guest?.quorum;
  if (!quorum) {
    // The guest did not answer: a small disk, or one named for it, is taken for the witness.
    return disks.find((d) => /witness|quorum/i.test(d.name) || (d.disk.sizeBytes ?? Infinity) <= 5 * gib);
  }
  if (quorum.resourceType !== 'Physical Disk') return undefined;
  return (
    disks.find((d) => d.name.toLowerCase() === quorum.resource.toLowerCase()) ??
    // Not named after its file: the smallest shared disk is the one a witness is (it needs 512 MB).
    [...disks].sort((a, b) => (a.disk.sizeBytes ?? 0) - (b.disk.sizeBytes ?? 0))[0]
  );
}

function quorumOf(group: GuestGroup, witnessDisk: string | undefined): object {
  if (witnessDisk) return { witness: 'disk', disk: witnessDisk };
  const quorum = group.guest?.quorum;
  if (!quorum) return { witness: 'none' };
  if (quorum.resourceType === 'File Share Witness') {
    return { witness: 'fileShare', path: '\\\\FILESERVER\\Witness' };
  }
  if (quorum.resourceType === 'Cloud Witness') return { witness: 'cloud', storageAccount: 'storageaccount' };
  return { witness: 'none' };
}

function baseName(filePath: string): string {
  const last =
    filePath
      .split(/[\\/]/)
      .filter((part) => part !== '')
      .pop() ?? '';
  return last.replace(/\.(vhdx|vhds|vhd|avhdx)$/i, '');
}

/** Names as given, with `-2`, `-3` after a name already taken (case-insensitively). */
function uniqueNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let candidate = name || 'Disk';
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${name}-${n}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** A name in a comment stays on the comment's line. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}
