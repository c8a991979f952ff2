/**
 * The inspector and the prerequisite checker against the stubs: the stub state that makes the
 * Get-* cmdlets describe a given host cluster, and the judging of what the two scripts printed.
 */
import assert from 'node:assert/strict';
import {
  isReachableGuest,
  type Inventory,
  type InventoryNode,
  type InventoryVm,
} from '../../client/src/powershell/inspect';
import type { RunRecord } from './runCheck';
import type { StubState } from './stubState';

/** The properties that are there: an inventory field left out stays out of the stub object too. */
function defined(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== undefined));
}

/**
 * What the FailoverClusters and Hyper-V cmdlets return for `inventory`, by the real property
 * names. The host's cluster cmdlets are called with -Name or -Cluster; those run inside a guest
 * (through the remoting stub, which runs them here) without: StubWhen tells them apart. For the
 * same reason the stubs can stand for one guest cluster only, and only one that answers.
 */
export function inventoryState(inventory: Inventory): StubState {
  const host = inventory.cluster.name;
  const guests = inventory.guestClusters ?? [];
  if (guests.length > 1 || guests.some((guest) => !isReachableGuest(guest))) {
    throw new Error(
      'The stubs run remoted script blocks on this machine: they can stand for one guest cluster, which answers.',
    );
  }
  const guest = guests.find(isReachableGuest);
  const vhds = new Map<string, Record<string, unknown>>();
  for (const vm of inventory.vms) {
    for (const disk of vm.disks) {
      if (disk.format === undefined) continue; // a disk the inspector could not read: Get-VHD finds nothing
      vhds.set(`${vm.host}\n${disk.path}`, {
        Path: disk.path,
        VhdFormat: disk.format,
        VhdType: disk.type,
        Size: disk.sizeBytes,
        StubWhen: { Path: disk.path, ComputerName: vm.host },
      });
    }
  }
  const onHost = { StubWhen: { Cluster: host } };
  const inGuest = { StubWhen: { Cluster: null } };
  const node = (n: InventoryNode, where: object) =>
    defined({ Name: n.name, State: n.state, BuildNumber: n.buildNumber, ...where });
  return {
    'Get-Cluster': [
      { Name: host, Domain: inventory.cluster.domain, StubWhen: { Name: host } },
      ...(guest ? [{ Name: guest.name, Domain: guest.domain, StubWhen: { Name: null } }] : []),
    ],
    'Get-ClusterNode': [
      ...inventory.nodes.map((n) => node(n, onHost)),
      ...(guest?.nodes ?? []).map((n) => node(n, inGuest)),
    ],
    'Get-ClusterQuorum': [
      { QuorumType: inventory.quorum.type, QuorumResource: inventory.quorum.resource, ...onHost },
      ...(guest
        ? [{ QuorumType: guest.quorum.type, QuorumResource: guest.quorum.resource, ...inGuest }]
        : []),
    ],
    'Get-ClusterResource': guest?.quorum.resource
      ? [
          {
            Name: guest.quorum.resource,
            ResourceType: guest.quorum.resourceType,
            StubWhen: { Name: guest.quorum.resource },
          },
        ]
      : [],
    'Get-ClusterNetwork': (inventory.networks ?? []).map((network) => ({
      Name: network.name,
      Role: network.role,
      ...onHost,
    })),
    'Get-ClusterGroup': inventory.vms
      .filter((vm) => vm.isClustered)
      .map((vm) => ({ Name: vm.name, AntiAffinityClassNames: [...vm.antiAffinityClassNames], ...onHost })),
    'Get-VM': inventory.vms.map((vm) =>
      defined({
        Name: vm.name,
        State: vm.state,
        Generation: vm.generation,
        IsClustered: vm.isClustered,
        ProcessorCount: vm.processorCount,
        MemoryStartup: vm.memoryStartupBytes,
        DynamicMemoryEnabled: vm.dynamicMemoryEnabled,
        MemoryMinimum: vm.memoryMinimumBytes,
        MemoryMaximum: vm.memoryMaximumBytes,
        StubWhen: { ComputerName: vm.host },
      }),
    ),
    'Get-VMHardDiskDrive': inventory.vms.flatMap((vm) =>
      vm.disks.map((disk) => ({
        ControllerType: disk.controllerType,
        ControllerNumber: disk.controllerNumber,
        ControllerLocation: disk.controllerLocation,
        Path: disk.path,
        SupportPersistentReservations: disk.supportPersistentReservations,
        StubWhen: { VMName: vm.name, ComputerName: vm.host },
      })),
    ),
    'Get-VHD': [...vhds.values()],
    'Get-ClusterSharedVolume': inventory.volumes.map((volume) => ({
      Name: volume.name,
      State: volume.state,
      OwnerNode: volume.ownerNode,
      SharedVolumeInfo: defined({
        FriendlyVolumeName: volume.path,
        Partition: volume.sizeBytes === undefined ? undefined : { Size: volume.sizeBytes },
      }),
      ...onHost,
    })),
    'Get-ClusterSharedVolumeState': inventory.volumes.flatMap((volume) =>
      volume.states.map((state) => ({
        Node: state.node,
        StateInfo: state.stateInfo,
        StubWhen: { Name: volume.name },
      })),
    ),
  };
}

function jsonLines(record: RunRecord, problems: string[]): Record<string, unknown>[] {
  const objects: Record<string, unknown>[] = [];
  for (const line of record.lines) {
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        objects.push(value as Record<string, unknown>);
        continue;
      }
    } catch {
      // reported below
    }
    problems.push(`a line on standard output is not a JSON object: ${line.slice(0, 200)}`);
  }
  return objects;
}

/**
 * The parts of an inventory the stubs can answer for: not a guest cluster's addresses, which the
 * inspector asks DNS for (the test machine's DNS, not the guest's); and VMs by name, since the
 * inspector lists them node by node.
 */
function comparable(inventory: Inventory): Record<string, unknown> {
  return {
    ...inventory,
    vms: [...inventory.vms].sort((a: InventoryVm, b: InventoryVm) => a.name.localeCompare(b.name)),
    ...(inventory.guestClusters
      ? {
          guestClusters: inventory.guestClusters.map((guest) => {
            const { addresses: _addresses, ...rest } = guest as { addresses?: unknown };
            return rest;
          }),
        }
      : {}),
  };
}

/**
 * Where `actual` differs from what `expected` states, as `path: expected ≠ actual`. A field the
 * fixture leaves out may be there (the inspector writes 0 for a number a host did not give); a
 * list must have the same length.
 */
function differences(expected: unknown, actual: unknown, at: string): string[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      return [`${at}: ${JSON.stringify(expected)} ≠ ${JSON.stringify(actual)}`];
    }
    return expected.flatMap((item, index) => differences(item, actual[index], `${at}[${index}]`));
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) {
      return [`${at}: ${JSON.stringify(expected)} ≠ ${JSON.stringify(actual)}`];
    }
    return Object.entries(expected).flatMap(([key, value]) =>
      differences(value, (actual as Record<string, unknown>)[key], `${at}.${key}`),
    );
  }
  return expected === actual ? [] : [`${at}: ${JSON.stringify(expected)} ≠ ${JSON.stringify(actual)}`];
}

/**
 * What is wrong with an inspector run that should have read `expected`; `credential`: one was
 * given on standard input, so remoting into a guest should use it.
 */
export function checkInventoryRun(record: RunRecord, expected: Inventory, credential = false): string[] {
  const problems: string[] = [];
  if (record.exitCode !== 0)
    problems.push(`exit code ${record.exitCode}: ${record.stderr.trim().slice(0, 2000)}`);
  const lines = jsonLines(record, problems);
  if (lines.length !== 1 || lines[0]!['type'] !== 'inventory') {
    problems.push(`expected one line of type inventory, got ${JSON.stringify(lines).slice(0, 500)}`);
    return problems;
  }
  const actual = lines[0]!['inventory'] as Inventory;
  const names = (list: readonly { readonly name: string }[] | undefined) =>
    (list ?? []).map((item) => item.name).sort();
  try {
    assert.deepEqual(names(actual.vms), names(expected.vms), 'the VM names');
    assert.deepEqual(names(actual.nodes), names(expected.nodes), 'the node names');
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  problems.push(...differences(comparable(expected), comparable(actual), 'inventory'));
  for (const call of record.calls) {
    if (!/^(Get-[A-Za-z]+|Invoke-Command)$/.test(call.cmdlet))
      problems.push(`the inspector changed something: ${call.cmdlet}`);
    if (credential && call.cmdlet === 'Invoke-Command' && !('Credential' in call.parameters)) {
      problems.push(`Invoke-Command without the credential given: ${JSON.stringify(call.parameters)}`);
    }
  }
  const down = expected.nodes.filter((node) => node.state !== 'Up').map((node) => node.name);
  for (const call of record.calls.filter((c) => c.cmdlet === 'Get-VM')) {
    const computer = String(call.parameters['ComputerName']);
    if (down.includes(computer)) problems.push(`the inspector asked ${computer}, which is down, for its VMs`);
  }
  return problems;
}

/** What is wrong with a prerequisite check run with `-HostNames` set to `hosts`. */
export function checkPrerequisitesRun(record: RunRecord, hosts: readonly string[]): string[] {
  const problems: string[] = [];
  if (record.exitCode !== 0)
    problems.push(`exit code ${record.exitCode}: ${record.stderr.trim().slice(0, 2000)}`);
  const lines = jsonLines(record, problems);
  if (lines.at(-1)?.['type'] !== 'result') problems.push('the last line is not the result');
  const checks = lines.filter((line) => line['type'] === 'check');
  for (const check of checks) {
    const shaped =
      typeof check['name'] === 'string' &&
      typeof check['passed'] === 'boolean' &&
      typeof check['detail'] === 'string' &&
      typeof check['fix'] === 'string';
    if (!shaped) problems.push(`a check without name, passed, detail and fix: ${JSON.stringify(check)}`);
  }
  const passed = (name: string) => checks.find((check) => check['name'] === name)?.['passed'];
  for (const name of ['PowerShell', 'Elevation']) {
    if (passed(name) === undefined) problems.push(`no check named ${name}`);
  }
  // The stubs are on PSModulePath, and the remoting stub answers for every host.
  for (const name of [
    'Hyper-V module',
    'FailoverClusters module',
    ...hosts.map((host) => `Remoting to ${host}`),
  ]) {
    if (passed(name) !== true)
      problems.push(`the check ${name} did not pass: ${JSON.stringify(passed(name))}`);
  }
  const asked = record.calls
    .filter((call) => call.cmdlet === 'Invoke-Command')
    .map((call) => [call.parameters['ComputerName']].flat().join(','));
  try {
    assert.deepEqual(asked, [...hosts], 'the hosts Invoke-Command was run against');
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  return problems;
}
