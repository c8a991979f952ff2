import { classifyPath, isUnder, versionRank } from '../domain';
import type { Definition, VirtualMachine } from '../model';
import { countVotes, quorumAfter, type QuorumOutcome, type VoteCount } from './quorum';

/** Nodes in a failover cluster, host or guest: the most Windows Server allows. */
const maxClusterNodes = 64;

/** Where one guest node runs and may run. */
export interface Placement {
  readonly vm: string;
  /** Where it starts: its preferred host, else the hosts in turn (as the deployment places it). */
  readonly startsOn: string | undefined;
  /** Every host it may run on: all of them when highly available, else only where it starts. */
  readonly mayRunOn: readonly string[];
  readonly highlyAvailable: boolean;
  /** The storage location (CSV volume or SOFS share) that holds its OS disk. */
  readonly osStorage: string | undefined;
}

/** Two guest nodes that can end up on one host, and why. */
export interface Collision {
  readonly vms: readonly [string, string];
  readonly why: 'preferredHost' | 'noAntiAffinity' | 'tooFewHosts';
}

export interface Scenario {
  readonly kind: 'host' | 'hostPair' | 'storage';
  /** The hosts, or the storage location, that fail. */
  readonly failed: readonly string[];
  /** Guest nodes that go down and stay down (not highly available, no host left, or their OS disk is gone). */
  readonly down: readonly string[];
  /** Guest nodes that go down and restart on another host. */
  readonly moved: readonly { readonly vm: string; readonly to: string }[];
  readonly hostClusterUp: boolean;
  readonly witnessUp: boolean;
  readonly votesLeft: number;
  readonly quorum: QuorumOutcome;
  /** Shared disks that cannot be reached. */
  readonly disksLost: readonly string[];
  /** Guest nodes that share a host once the moved ones have restarted. */
  readonly sharingHost: readonly (readonly string[])[];
}

export interface StorageUse {
  readonly name: string;
  readonly path: string;
  readonly kind: 'csv' | 'sofs';
  readonly capacityGB: number | undefined;
  /** Shared disks and OS disks with a size, on this location. */
  readonly usedGB: number;
  readonly disks: readonly string[];
}

export interface FailureAnalysis {
  readonly guestCluster: string;
  readonly hosts: readonly string[];
  readonly votes: VoteCount;
  readonly placements: readonly Placement[];
  readonly collisions: readonly Collision[];
  readonly storage: readonly StorageUse[];
  /** Where each shared disk lives (its storage location's name), by lower-cased disk name. */
  readonly diskStorage: ReadonlyMap<string, string>;
  /** Where the witness lives, when it depends on something the definition describes. */
  readonly witnessStorage: string | undefined;
  readonly scenarios: readonly Scenario[];
}

/**
 * What survives when hosts or storage fail: every single host failure, every pair of host
 * failures (unless `pairs` is false: the rules and hints need only single failures), and the
 * loss of each CSV volume (or of the SOFS), with the guest nodes that go down
 * or move, the votes left, and the shared disks that cannot be reached.
 *
 * Assumptions, stated in the table: the host cluster has a witness of its own (so it keeps
 * running with half its nodes), and failures at once are judged at the instant they happen —
 * dynamic quorum adjusts votes only between failures.
 */
export function analyzeFailures(
  model: Definition,
  options: { readonly pairs?: boolean } = {},
): FailureAnalysis | undefined {
  const guest = model.guestCluster;
  const host = model.hostCluster;
  if (!guest || !host) return undefined;
  const hosts = host.nodes.flatMap((node) => (node.name ? [node.name.value] : []));
  const byName = new Map<string, VirtualMachine>();
  model.virtualMachines.forEach((vm) => {
    if (vm.name && !byName.has(vm.name.value.toLowerCase())) byName.set(vm.name.value.toLowerCase(), vm);
  });
  const guestVms: VirtualMachine[] = [];
  const seen = new Set<VirtualMachine>();
  for (const node of guest.nodes) {
    const vm = byName.get(node.value.toLowerCase());
    if (vm && !seen.has(vm)) {
      seen.add(vm);
      guestVms.push(vm);
    }
  }
  // Beyond the failover cluster limit (TOPO002 says so) no real cluster could answer, and the
  // pairs would cost quadratic time for nothing.
  if (guestVms.length > maxClusterNodes || hosts.length > maxClusterNodes) return undefined;

  const locations = storageLocations(model);
  const locationOf = (path: string | undefined) =>
    path === undefined || classifyPath(path).kind === 'relative'
      ? undefined
      : locations.find((location) => isUnder(path, location.path))?.name;
  const hostIndex = (name: string | undefined) =>
    name === undefined ? -1 : hosts.findIndex((h) => h.toLowerCase() === name.toLowerCase());

  const placements: Placement[] = guestVms.map((vm) => {
    const index = model.virtualMachines.indexOf(vm);
    const preferred = hostIndex(vm.preferredHost?.value);
    const startsOn = preferred >= 0 ? hosts[preferred] : hosts[index % Math.max(hosts.length, 1)];
    const highlyAvailable = vm.highlyAvailable?.value !== false;
    return {
      vm: vm.name!.value,
      startsOn,
      mayRunOn: highlyAvailable ? hosts : startsOn ? [startsOn] : [],
      highlyAvailable,
      osStorage: locationOf(vm.osDisk?.path?.value),
    };
  });
  // Kept apart: the two share an anti-affinity class (a node has one or two: a plain scan is cheapest).
  const classes = guestVms.map((vm) => vm.antiAffinityClassNames.map((c) => c.value.toLowerCase()));
  const apart = (a: number, b: number) => classes[a]!.some((c) => classes[b]!.includes(c));

  const preferred = new Set(
    guestVms.filter((vm) => hostIndex(vm.preferredHost?.value) >= 0).map((vm) => vm.name!.value),
  );
  const apartMatrix = placements.map((_, a) => placements.map((__, b) => a !== b && apart(a, b)));
  const collisions: Collision[] = [];
  for (let i = 0; i < placements.length; i++) {
    for (let j = i + 1; j < placements.length; j++) {
      const a = placements[i]!;
      const b = placements[j]!;
      const pair: [string, string] = [a.vm, b.vm];
      const sameStart = a.startsOn !== undefined && a.startsOn.toLowerCase() === b.startsOn?.toLowerCase();
      const bothPrefer = preferred.has(a.vm) && preferred.has(b.vm);
      if (sameStart) collisions.push({ vms: pair, why: bothPrefer ? 'preferredHost' : 'tooFewHosts' });
      else if (!apartMatrix[i]![j]) collisions.push({ vms: pair, why: 'noAntiAffinity' });
    }
  }

  const witness = guest.quorum?.witness?.value;
  const lowestOs = guestVms
    .map((vm) => vm.guestOs?.value)
    .filter((os): os is string => os !== undefined)
    .sort((a, b) => (versionRank(a) ?? 0) - (versionRank(b) ?? 0))[0];
  const votes = countVotes(guestVms.length, witness, lowestOs);
  const witnessDisk = witness === 'disk' ? guest.quorum?.disk?.value : undefined;
  const diskStorage = new Map<string, string>();
  for (const disk of model.sharedDisks) {
    const where = locationOf(disk.path?.value);
    if (disk.name && where) diskStorage.set(disk.name.value.toLowerCase(), where);
  }
  const witnessStorage =
    witnessDisk !== undefined
      ? diskStorage.get(witnessDisk.toLowerCase())
      : witness === 'fileShare'
        ? locationOf(guest.quorum?.path?.value)
        : undefined;

  const attached = guestVms.flatMap((vm) => vm.attachments.flatMap((a) => (a.disk ? [a.disk.value] : [])));
  const sharedDiskNames = [...new Set(attached.map((d) => d.toLowerCase()))].map(
    (key) => model.sharedDisks.find((d) => d.name?.value.toLowerCase() === key)?.name?.value ?? key,
  );

  // Indexes built once, so that each of the ~2,000 scenarios of a 64-host cluster costs little:
  // where each guest node starts, and which guest nodes each host holds before anything fails.
  const hostCount = hosts.length;
  const guestCount = placements.length;
  const startIndex = placements.map((p) => hostIndex(p.startsOn));
  const startGuests: number[][] = hosts.map(() => []);
  startIndex.forEach((h, g) => {
    if (h >= 0) startGuests[h]!.push(g);
  });
  const failedMask = new Uint8Array(hostCount);

  const scenario = (
    kind: Scenario['kind'],
    failedHosts: readonly number[],
    failedStorage?: string,
  ): Scenario => {
    for (const h of failedHosts) failedMask[h] = 1;
    const survivorCount = hostCount - failedHosts.length;
    const hostClusterUp = survivorCount > 0 && survivorCount * 2 >= hostCount;
    const witnessUp =
      witness === 'cloud' ||
      (witnessStorage === undefined
        ? witness !== 'disk' || hostClusterUp
        : witnessStorage !== failedStorage && (witness !== 'disk' || hostClusterUp));
    const downMask = new Uint8Array(guestCount);
    const down: string[] = [];
    const movers: number[] = [];
    for (let g = 0; g < guestCount; g++) {
      const placement = placements[g]!;
      const start = startIndex[g]!;
      const onFailedHost = start < 0 || failedMask[start] === 1;
      const lost =
        !hostClusterUp ||
        (failedStorage !== undefined && placement.osStorage === failedStorage) ||
        (onFailedHost && (!placement.highlyAvailable || survivorCount === 0));
      if (lost) {
        downMask[g] = 1;
        down.push(placement.vm);
      } else if (onFailedHost) movers.push(g);
    }
    // Each node that restarts goes where it has the fewest nodes it is kept apart from, then the fewest VMs.
    const movedTo = new Map<number, number[]>();
    const moved: { vm: string; to: string }[] = [];
    for (const g of movers) {
      let best = -1;
      let bestScore = Infinity;
      for (let h = 0; h < hostCount; h++) {
        if (failedMask[h] === 1) continue;
        const extra = movedTo.get(h);
        let conflicts = 0;
        for (const other of startGuests[h]!) if (apartMatrix[g]![other]) conflicts++;
        if (extra) for (const other of extra) if (apartMatrix[g]![other]) conflicts++;
        const score = conflicts * 1000 + startGuests[h]!.length + (extra?.length ?? 0);
        if (score < bestScore) {
          bestScore = score;
          best = h;
        }
      }
      const list = movedTo.get(best);
      if (list) list.push(g);
      else movedTo.set(best, [g]);
      moved.push({ vm: placements[g]!.vm, to: hosts[best]! });
    }
    const sharingHost: string[][] = [];
    for (let h = 0; h < hostCount; h++) {
      if (failedMask[h] === 1) continue;
      const extra = movedTo.get(h);
      if (startGuests[h]!.length + (extra?.length ?? 0) < 2) continue;
      const there = [...startGuests[h]!.filter((g) => downMask[g] === 0), ...(extra ?? [])];
      if (there.length > 1) sharingHost.push(there.map((g) => placements[g]!.vm));
    }
    for (const h of failedHosts) failedMask[h] = 0;
    const nodesDown = down.length + moved.length;
    const quorum = hostClusterUp ? quorumAfter(votes, nodesDown, witnessUp) : 'loses';
    const witnessVote = votes.witnessVotes && witnessUp ? 1 : 0;
    const disksLost =
      !hostClusterUp || failedStorage !== undefined
        ? sharedDiskNames.filter(
            (name) => !hostClusterUp || diskStorage.get(name.toLowerCase()) === failedStorage,
          )
        : [];
    return {
      kind,
      failed: failedStorage !== undefined ? [failedStorage] : failedHosts.map((h) => hosts[h]!),
      down,
      moved,
      hostClusterUp,
      witnessUp,
      votesLeft: Math.max(0, votes.nodes - nodesDown - (votes.nodeWithoutVote ? 1 : 0)) + witnessVote,
      quorum,
      disksLost,
      sharingHost,
    };
  };

  const scenarios: Scenario[] = [];
  const pairs = options.pairs !== false;
  for (let i = 0; i < hostCount; i++) scenarios.push(scenario('host', [i]));
  for (let i = 0; pairs && i < hostCount; i++)
    for (let j = i + 1; j < hostCount; j++) scenarios.push(scenario('hostPair', [i, j]));
  const storageKinds = new Set(locations.map((l) => l.kind));
  if (storageKinds.has('sofs')) {
    // The SOFS fails as one: every share on it goes at once.
    const sofs = locations.find((l) => l.kind === 'sofs')!;
    scenarios.push(scenario('storage', [], sofs.name));
  }
  for (const location of locations.filter((l) => l.kind === 'csv'))
    scenarios.push(scenario('storage', [], location.name));

  return {
    guestCluster: guest.name?.value ?? '',
    hosts,
    votes,
    placements,
    collisions,
    storage: storageUse(model, locations),
    diskStorage,
    witnessStorage,
    scenarios,
  };
}

interface Location {
  readonly name: string;
  readonly path: string;
  readonly kind: 'csv' | 'sofs';
  readonly capacityGB: number | undefined;
}

/** The CSV volumes, or the SOFS's shares (all named after the SOFS: they fail together). */
function storageLocations(model: Definition): Location[] {
  const storage = model.hostCluster?.storage;
  if (!storage) return [];
  const csv = storage.volumes.flatMap((volume) =>
    volume.path
      ? [
          {
            name: volume.name?.value ?? volume.path.value,
            path: volume.path.value,
            kind: 'csv' as const,
            capacityGB: volume.capacityGB?.value,
          },
        ]
      : [],
  );
  const sofs = storage.sofs;
  const shares = (sofs?.shares ?? []).flatMap((share) =>
    share.path
      ? [
          {
            name: sofs?.name?.value ?? 'SOFS',
            path: share.path.value,
            kind: 'sofs' as const,
            capacityGB: share.capacityGB?.value,
          },
        ]
      : [],
  );
  return [...csv, ...shares];
}

function storageUse(model: Definition, locations: readonly Location[]): StorageUse[] {
  return locations.map((location) => {
    let usedGB = 0;
    const disks: string[] = [];
    for (const disk of model.sharedDisks) {
      if (disk.path && isUnder(disk.path.value, location.path)) {
        usedGB += disk.resizeToGB?.value ?? disk.sizeGB?.value ?? 0;
        if (disk.name) disks.push(disk.name.value);
      }
    }
    for (const vm of model.virtualMachines) {
      const path = vm.osDisk?.path?.value;
      if (path && isUnder(path, location.path)) usedGB += vm.osDisk?.sizeGB?.value ?? 0;
    }
    return {
      name: location.name,
      path: location.path,
      kind: location.kind,
      capacityGB: location.capacityGB,
      usedGB,
      disks,
    };
  });
}
