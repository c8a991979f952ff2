import type { Definition } from './model';

/**
 * The next free name in a series: after SQLVM01 and SQLVM02 comes SQLVM03 (same prefix, same
 * zero padding); `fallback` starts a series when there is none.
 */
export function nextFreeName(existing: readonly string[], fallback: string): string {
  const taken = new Set(existing.map((name) => name.toLowerCase()));
  let best: { prefix: string; number: number; width: number } | undefined;
  for (const name of existing) {
    const match = /^(.*?)(\d+)$/.exec(name);
    if (!match) continue;
    const number = Number(match[2]);
    if (!best || number > best.number) best = { prefix: match[1]!, number, width: match[2]!.length };
  }
  const series = best ?? { prefix: fallback, number: 0, width: 2 };
  for (let n = series.number + 1; ; n++) {
    const candidate = `${series.prefix}${String(n).padStart(series.width, '0')}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Snippet text escaped for `$`, `}` and `\`, which the snippet syntax gives a meaning. */
export function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, (ch) => `\\${ch}`);
}

/** The path of the first declared CSV volume (or SOFS share, for kind sofs): where new disk files go. */
export function firstStorageRoot(model: Definition): string | undefined {
  const storage = model.hostCluster?.storage;
  const location = storage?.kind?.value === 'sofs' ? storage.sofs?.shares[0] : storage?.volumes[0];
  return location?.path?.value.replace(/[\\/]+$/, '');
}

function storageRoot(model: Definition): string {
  return firstStorageRoot(model) ?? 'C:\\ClusterStorage\\Volume1';
}

/**
 * A whole new VM, modelled on the definition's others: the next free name, the first VM's
 * generation, guest OS, size and anti-affinity class, a host no other VM prefers, and every
 * shared disk already attached, since every guest node attaches every shared disk.
 */
export function newVirtualMachine(model: Definition, indent: string): string {
  const vms = model.virtualMachines;
  const name = nextFreeName(
    vms.flatMap((vm) => (vm.name ? [vm.name.value] : [])),
    'VM',
  );
  const first = vms[0];
  const hosts = (model.hostCluster?.nodes ?? []).flatMap((node) => (node.name ? [node.name.value] : []));
  const preferred = new Set(
    vms.flatMap((vm) => (vm.preferredHost ? [vm.preferredHost.value.toLowerCase()] : [])),
  );
  const host = hosts.find((h) => !preferred.has(h.toLowerCase())) ?? hosts[0] ?? 'HV01';
  const disks = model.sharedDisks.flatMap((disk) => (disk.name ? [disk.name.value] : []));
  const classes = first?.antiAffinityClassNames.map((c) => c.value) ?? [];
  const lines = [
    `name: \${1:${escapeSnippet(name)}}`,
    `generation: ${first?.generation?.value ?? 2}`,
    `guestOs: ${escapeSnippet(first?.guestOs?.value ?? 'windowsServer2022')}`,
    `processors: ${first?.processors?.value ?? 4}`,
    `memory: { startupGB: ${first?.memory?.startupGB?.value ?? 16} }`,
    `osDisk: { path: '${escapeSnippet(`${storageRoot(model)}\\`)}\${1}${escapeSnippet('\\os.vhdx')}', sizeGB: ${first?.osDisk?.sizeGB?.value ?? 60} }`,
    `preferredHost: ${escapeSnippet(host)}`,
    `antiAffinityClassNames: [${escapeSnippet(classes.join(', ') || 'GuestCluster')}]`,
    disks.length > 0 ? `sharedDisks: [${escapeSnippet(disks.join(', '))}]` : 'sharedDisks: []',
  ];
  return lines.join(`\n${indent}`) + '$0';
}

/** A new shared disk on the first volume or share: the next free name, fixed, 100 GB. */
export function newSharedDisk(model: Definition): string {
  const name = nextFreeName(
    model.sharedDisks.flatMap((disk) => (disk.name ? [disk.name.value] : [])),
    'Data',
  );
  const root = escapeSnippet(`${storageRoot(model)}\\Shared\\`);
  return `{ name: \${1:${escapeSnippet(name)}}, path: '${root}\${1}.vhdx', sizeGB: \${2:100}, type: \${3|fixed,dynamic|} }$0`;
}

/** A new host node with the next free name. */
export function newHostNode(model: Definition): string {
  const name = nextFreeName(
    (model.hostCluster?.nodes ?? []).flatMap((node) => (node.name ? [node.name.value] : [])),
    'HV',
  );
  return `name: \${1:${escapeSnippet(name)}}$0`;
}
