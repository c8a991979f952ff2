import * as path from 'node:path';
import { runScript } from './runScript';

/** A host cluster as the inspector read it (every list is a list, every enum its name). */
export interface Inventory {
  readonly cluster: { readonly name: string; readonly domain: string };
  readonly nodes: readonly { readonly name: string; readonly state: string }[];
  readonly volumes: readonly {
    readonly name: string;
    readonly state: string;
    readonly ownerNode: string;
    readonly path: string;
    readonly states: readonly { readonly node: string; readonly stateInfo: string }[];
  }[];
  readonly vms: readonly InventoryVm[];
  readonly quorum: { readonly type: string; readonly resource: string };
}

export interface InventoryVm {
  readonly name: string;
  readonly host: string;
  readonly state: string;
  readonly generation: number;
  readonly isClustered: boolean;
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

/**
 * Reads a host cluster with the inspector script: one PowerShell process, one JSON answer.
 * Rejects with the script's own words when it fails (a cluster that does not answer, a module
 * that is missing).
 */
export async function inspectCluster(options: {
  readonly executable: string;
  readonly scriptsFolder: string;
  readonly clusterName: string;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}): Promise<Inventory> {
  const result = await runScript({
    executable: options.executable,
    script: path.join(options.scriptsFolder, 'Get-GclusterInventory.ps1'),
    args: ['-ClusterName', options.clusterName],
    timeoutMs: options.timeoutMs,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (result.stopped)
    throw new Error(result.stopped === 'timeout' ? 'The cluster did not answer in time.' : 'Cancelled.');
  const found = result.events.find((event) => (event as { type?: unknown }).type === 'inventory') as
    { inventory?: Inventory } | undefined;
  if (!found?.inventory || result.exitCode !== 0) {
    const said = result.stderr.trim() || result.events.map((event) => JSON.stringify(event)).join('\n');
    throw new Error(`Could not read ${options.clusterName}: ${said || `exit code ${result.exitCode}`}`);
  }
  return found.inventory;
}
