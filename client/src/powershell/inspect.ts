import * as path from 'node:path';
import { hiddenValues, redact } from './redact';
import { runScript } from './runScript';

/** A host cluster as the inspector read it (every list is a list, every enum its name). */
export interface Inventory {
  readonly cluster: { readonly name: string; readonly domain: string };
  readonly nodes: readonly InventoryNode[];
  readonly volumes: readonly {
    readonly name: string;
    readonly state: string;
    readonly ownerNode: string;
    readonly path: string;
    readonly sizeBytes?: number;
    readonly states: readonly { readonly node: string; readonly stateInfo: string }[];
  }[];
  /** The cluster networks and their roles (`None`, `Cluster`, `Client`, `ClusterAndClient`). */
  readonly networks?: readonly { readonly name: string; readonly role: string }[];
  readonly vms: readonly InventoryVm[];
  readonly quorum: { readonly type: string; readonly resource: string };
  /** The guest cluster inside each group of VMs that share a disk: as it answered, or why not. */
  readonly guestClusters?: readonly (InventoryGuestCluster | InventoryUnreachableGuest)[];
}

export interface InventoryNode {
  readonly name: string;
  readonly state: string;
  /** The Windows build (14393 is Windows Server 2016); 0 when the node did not say. */
  readonly buildNumber?: number;
}

export interface InventoryGuestCluster {
  readonly name: string;
  readonly domain: string;
  /** The cluster name's IPv4 addresses, as DNS resolves it inside the guest. */
  readonly addresses?: readonly string[];
  readonly nodes: readonly InventoryNode[];
  readonly quorum: { readonly type: string; readonly resource: string; readonly resourceType: string };
  /** The VM whose remoting answered. */
  readonly reachedThrough: string;
}

export interface InventoryUnreachableGuest {
  /** The VMs that share disks, none of which answered. */
  readonly vms: readonly string[];
  readonly error: string;
}

export function isReachableGuest(
  guest: InventoryGuestCluster | InventoryUnreachableGuest,
): guest is InventoryGuestCluster {
  return 'name' in guest;
}

export interface InventoryVm {
  readonly name: string;
  readonly host: string;
  readonly state: string;
  readonly generation: number;
  readonly isClustered: boolean;
  readonly processorCount?: number;
  readonly memoryStartupBytes?: number;
  readonly dynamicMemoryEnabled?: boolean;
  readonly memoryMinimumBytes?: number;
  readonly memoryMaximumBytes?: number;
  readonly antiAffinityClassNames: readonly string[];
  readonly disks: readonly InventoryDisk[];
}

export interface InventoryDisk {
  readonly controllerType: string;
  readonly controllerNumber: number;
  readonly controllerLocation: number;
  readonly path: string;
  readonly supportPersistentReservations: boolean;
  readonly format?: string;
  readonly type?: string;
  readonly sizeBytes?: number;
  readonly error?: string;
}

/** A user name and password for remoting into the guests: asked for, kept in memory, never stored. */
export interface RemotingCredential {
  readonly userName: string;
  readonly password: string;
}

/**
 * Reads a host cluster with the inspector script: one PowerShell process, one JSON answer.
 * Rejects with the script's own words when it fails (a cluster that does not answer, a module
 * that is missing). A credential travels on standard input, never in the arguments.
 */
export async function inspectCluster(options: {
  readonly executable: string;
  readonly scriptsFolder: string;
  readonly clusterName: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly credential?: RemotingCredential;
}): Promise<Inventory> {
  const result = await runScript({
    executable: options.executable,
    script: path.join(options.scriptsFolder, 'Get-GclusterInventory.ps1'),
    args: ['-ClusterName', options.clusterName],
    input: options.credential ? `${JSON.stringify({ credential: options.credential })}\n` : '',
    timeoutMs: options.timeoutMs,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (result.stopped)
    throw new Error(result.stopped === 'timeout' ? 'The cluster did not answer in time.' : 'Cancelled.');
  const found = result.events.find((event) => (event as { type?: unknown }).type === 'inventory') as
    { inventory?: Inventory } | undefined;
  if (!found?.inventory || result.exitCode !== 0) {
    const said = redact(
      result.stderr.trim() || result.events.map((event) => JSON.stringify(event)).join('\n'),
      hiddenValues({}, options.credential),
    );
    throw new Error(`Could not read ${options.clusterName}: ${said || `exit code ${result.exitCode}`}`);
  }
  return found.inventory;
}
