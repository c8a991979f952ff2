import { isAuthenticationFailure } from '../powershell/credential';
import {
  isReachableGuest,
  type Inventory,
  type InventoryDisk,
  type InventoryGuestCluster,
  type InventoryUnreachableGuest,
  type InventoryVm,
} from '../powershell/inspect';
import type { DriftFinding } from './drift';
import { firstLine, gigabytes } from './inventoryText';

/** How a row's icon is coloured: by what the cluster says of the thing. */
export type LiveHealth = 'ok' | 'warning' | 'error' | 'off' | undefined;

/** One row of the Live Clusters view, as data (the view makes it a TreeItem). */
export interface LiveNode {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  /** Plain text: names from a cluster are shown, never interpreted. */
  readonly tooltip: string;
  readonly icon: string;
  readonly health: LiveHealth;
  /** `liveCluster` for the connection rows, which carry Refresh and Remove. */
  readonly contextValue: string;
  readonly children: readonly LiveNode[];
}

/** What the view knows of one connection: nothing yet, an inventory, or why it could not read it. */
export interface LiveState {
  readonly inventory?: Inventory;
  readonly error?: string;
  readonly refreshedAt?: Date;
  /** The last Compare with Definition: the definition's name and what differs. */
  readonly drift?: { readonly definition: string; readonly findings: readonly DriftFinding[] };
}

export function liveClusterNode(connection: string, state: LiveState): LiveNode {
  const id = (...parts: string[]) => ['live', connection.toLowerCase(), ...parts].join('\u0000');
  const inventory = state.inventory;
  if (!inventory) {
    return {
      id: id(),
      label: connection,
      description: state.error ? firstLine(state.error) : 'not read yet: refresh to read it',
      tooltip: state.error ?? `${connection}: not read yet.`,
      icon: state.error ? 'error' : 'server-environment',
      health: state.error ? 'error' : undefined,
      contextValue: 'liveCluster',
      children: [],
    };
  }
  const down = inventory.nodes.filter((node) => node.state !== 'Up').length;
  const when = state.refreshedAt ? ` · read ${state.refreshedAt.toLocaleTimeString()}` : '';
  const row = (
    parts: string[],
    fields: Omit<LiveNode, 'id' | 'children'>,
    children: LiveNode[] = [],
  ): LiveNode => ({
    id: id(...parts),
    ...fields,
    children,
  });
  return {
    id: id(),
    label: inventory.cluster.name || connection,
    description: `${inventory.nodes.length} nodes${down > 0 ? ` (${down} not up)` : ''} · ${inventory.vms.length} VMs${when}`,
    tooltip: `Host cluster ${inventory.cluster.name} (${inventory.cluster.domain})`,
    icon: 'server-environment',
    health: down > 0 ? 'warning' : 'ok',
    contextValue: 'liveCluster',
    children: [
      row(
        ['nodes'],
        {
          label: 'Host nodes',
          description: String(inventory.nodes.length),
          tooltip: 'The host cluster nodes',
          icon: 'server',
          health: undefined,
          contextValue: 'group',
        },
        inventory.nodes.map((node) =>
          row(['node', node.name], {
            label: node.name,
            description: node.state,
            tooltip: `${node.name}: ${node.state}`,
            icon: 'server',
            health: node.state === 'Up' ? 'ok' : node.state === 'Paused' ? 'warning' : 'error',
            contextValue: 'liveNode',
          }),
        ),
      ),
      row(
        ['volumes'],
        {
          label: 'Cluster Shared Volumes',
          description: String(inventory.volumes.length),
          tooltip: 'CSVs and the I/O mode of each node',
          icon: 'database',
          health: undefined,
          contextValue: 'group',
        },
        inventory.volumes.map((volume) => {
          const redirected = volume.states.filter((s) => s.stateInfo !== 'Direct');
          return row(
            ['volume', volume.name],
            {
              label: volume.path || volume.name,
              description: `${volume.state} · owner ${volume.ownerNode}${redirected.length > 0 ? ` · redirected on ${redirected.map((s) => s.node).join(', ')}` : ''}`,
              tooltip: `${volume.name} (${volume.path})\n${volume.states.map((s) => `${s.node}: ${s.stateInfo}`).join('\n')}`,
              icon: 'layers',
              health: volume.state !== 'Online' ? 'error' : redirected.length > 0 ? 'warning' : 'ok',
              contextValue: 'liveVolume',
            },
            volume.states.map((s) =>
              row(['volume', volume.name, s.node], {
                label: s.node,
                description: s.stateInfo === 'Direct' ? 'direct I/O' : `${s.stateInfo} (redirected I/O)`,
                tooltip: `${s.node} reaches ${volume.path} with ${s.stateInfo} I/O`,
                icon: 'arrow-swap',
                health: s.stateInfo === 'Direct' ? 'ok' : 'warning',
                contextValue: 'liveVolumeState',
              }),
            ),
          );
        }),
      ),
      row(
        ['vms'],
        {
          label: 'Virtual machines',
          description: String(inventory.vms.length),
          tooltip: 'Every VM on the nodes that are up',
          icon: 'vm',
          health: undefined,
          contextValue: 'group',
        },
        inventory.vms.map((vm) => vmNode(vm, (...parts) => id('vm', vm.name, ...parts))),
      ),
      ...(inventory.guestClusters ?? []).map((guest, index) =>
        guestClusterNode(guest, (...parts) => id('guest', String(index), ...parts)),
      ),
      ...(state.drift
        ? [
            row(
              ['drift'],
              {
                label: `Compared with ${state.drift.definition}`,
                description:
                  state.drift.findings.length === 0
                    ? 'as defined'
                    : `${state.drift.findings.length} differences`,
                tooltip:
                  state.drift.findings.map((f) => `${f.code} ${f.message}`).join('\n') || 'As defined.',
                icon: 'diff',
                health: state.drift.findings.some((f) => f.severity === 'error')
                  ? 'error'
                  : state.drift.findings.length > 0
                    ? 'warning'
                    : 'ok',
                contextValue: 'liveDrift',
              },
              state.drift.findings.map((finding, i) =>
                row(['drift', String(i)], {
                  label: finding.message,
                  description: finding.code,
                  tooltip: `${finding.code}: ${finding.message}`,
                  icon: finding.severity === 'info' ? 'info' : finding.severity,
                  health: finding.severity === 'info' ? undefined : finding.severity,
                  contextValue: 'liveDriftFinding',
                }),
              ),
            ),
          ]
        : []),
      row(['quorum'], {
        label: 'Quorum',
        description: [inventory.quorum.type, inventory.quorum.resource]
          .filter((part) => part !== '')
          .join(' · '),
        tooltip: `Quorum: ${inventory.quorum.type}${inventory.quorum.resource ? ` (${inventory.quorum.resource})` : ''}`,
        icon: 'law',
        health: undefined,
        contextValue: 'liveQuorum',
      }),
    ],
  };
}

/** A guest cluster as it answered from inside one of its VMs, or the VMs that did not answer and why. */
function guestClusterNode(
  guest: InventoryGuestCluster | InventoryUnreachableGuest,
  id: (...parts: string[]) => string,
): LiveNode {
  if (!isReachableGuest(guest)) {
    const signIn = isAuthenticationFailure(guest.error);
    return {
      id: id(),
      label: `Guest cluster in ${guest.vms.join(', ')}`,
      description: `not reachable: ${firstLine(guest.error)}`,
      tooltip: `None of ${guest.vms.join(', ')} answered PowerShell remoting.\n${guest.error}${signIn ? '\nSign in to the guests to read it with another identity.' : ''}`,
      icon: 'plug',
      health: 'warning',
      // Only a refusal of this identity offers Sign In: a password does not reach a VM that is off.
      contextValue: signIn ? 'liveGuestSignIn' : 'liveGuestUnreachable',
      children: [],
    };
  }
  const down = guest.nodes.filter((node) => node.state !== 'Up').length;
  const quorum = [guest.quorum.type, guest.quorum.resource].filter((part) => part !== '').join(' · ');
  return {
    id: id(),
    label: `Guest cluster ${guest.name}`,
    description: `${guest.nodes.length} nodes${down > 0 ? ` (${down} not up)` : ''} · ${quorum}`,
    tooltip: `Guest cluster ${guest.name} (${guest.domain}), read through ${guest.reachedThrough}`,
    icon: 'organization',
    health: down > 0 ? 'warning' : 'ok',
    contextValue: 'liveGuestCluster',
    children: [
      ...guest.nodes.map((node) => ({
        id: id('node', node.name),
        label: node.name,
        description: node.state,
        tooltip: `${node.name}: ${node.state}`,
        icon: 'vm',
        health: (node.state === 'Up' ? 'ok' : node.state === 'Paused' ? 'warning' : 'error') as LiveHealth,
        contextValue: 'liveGuestNode',
        children: [],
      })),
      {
        id: id('quorum'),
        label: 'Quorum',
        description: quorum,
        tooltip: `Quorum of ${guest.name}: ${guest.quorum.type}${guest.quorum.resource ? ` with ${guest.quorum.resource} (${guest.quorum.resourceType})` : ', no witness'}`,
        icon: 'law',
        health: undefined,
        contextValue: 'liveGuestQuorum',
        children: [],
      },
    ],
  };
}

function vmNode(vm: InventoryVm, id: (...parts: string[]) => string): LiveNode {
  const facts = [
    vm.state,
    `Gen ${vm.generation}`,
    `on ${vm.host}`,
    vm.isClustered ? '' : 'not highly available',
  ];
  return {
    id: id(),
    label: vm.name,
    description: facts.filter((fact) => fact !== '').join(' · '),
    tooltip: [
      `${vm.name} on ${vm.host}: ${vm.state}`,
      ...(vm.processorCount
        ? [
            `${vm.processorCount} virtual processors, ${gigabytes(vm.memoryStartupBytes ?? 0)} GB ${vm.dynamicMemoryEnabled ? 'dynamic' : 'static'} memory`,
          ]
        : []),
      vm.antiAffinityClassNames.length > 0
        ? `Anti-affinity: ${vm.antiAffinityClassNames.join(', ')}`
        : 'No anti-affinity class',
    ].join('\n'),
    icon: 'vm',
    health: vm.state === 'Running' ? 'ok' : vm.state === 'Off' ? 'off' : 'warning',
    contextValue: 'liveVm',
    children: vm.disks.map((disk, i) => diskNode(disk, id('disk', String(i)))),
  };
}

function diskNode(disk: InventoryDisk, id: string): LiveNode {
  const file = disk.path.split(/[\\/]/).pop() ?? disk.path;
  const size = disk.sizeBytes !== undefined ? `${Math.round(disk.sizeBytes / 1024 ** 3)} GB` : '';
  const slot = `${disk.controllerType} ${disk.controllerNumber}:${disk.controllerLocation}`;
  return {
    id,
    label: file,
    description: [
      slot,
      disk.supportPersistentReservations ? 'shared' : '',
      [disk.format, disk.type, size].filter(Boolean).join(' '),
    ]
      .filter((part) => part !== '')
      .join(' · '),
    tooltip: `${disk.path}\n${slot}, persistent reservations ${disk.supportPersistentReservations ? 'on' : 'off'}${disk.error ? `\n${disk.error}` : ''}`,
    icon: 'file-binary',
    health: disk.error ? 'error' : undefined,
    contextValue: 'liveDisk',
    children: [],
  };
}
