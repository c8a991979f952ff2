import type { DeploymentPlan, PlanStep, PlanValue } from '../../protocol';
import { classifyPath, isUnder, versionRank } from '../domain';
import type { Definition, HostCluster, SharedDisk, VirtualMachine } from '../model';
import { attachmentSlots } from './slots';

const gib = 1024 ** 3;

/**
 * The ordered steps that deploy a definition, as data: check the host cluster; create each
 * shared disk on its CSV volume or SOFS share; create each VM with its processors and memory;
 * attach the shared disks on SCSI with persistent reservations; make the VMs highly available,
 * anti-affine and running; then, inside the guests, install Failover Clustering, create the
 * guest cluster and set its witness.
 *
 * Each step names the cmdlet and its parameters as the cmdlet reference of the OS it runs on
 * documents them, and a probe that tells whether it is already done, so that a second run after
 * a failure continues where the first stopped. The caller plans only definitions without errors,
 * so the model's required values are present; a missing one still yields a plan, never a throw.
 */
export function buildPlan(model: Definition): DeploymentPlan {
  const host = model.hostCluster;
  const hostOs = host?.os?.value ?? 'windowsServer2016';
  const hostCluster = host?.name?.value ?? '';
  const hostNodes = (host?.nodes ?? []).flatMap((node) => (node.name ? [node.name.value] : []));
  const steps: PlanStep[] = [];
  const local = { kind: 'local' } as const;

  steps.push({
    id: 'host:test',
    title: `Validate host cluster ${hostCluster}`,
    phase: 'check',
    target: { kind: 'hostCluster', name: hostCluster },
    runOn: local,
    os: hostOs,
    cmdlet: 'Test-Cluster',
    parameters: { Cluster: hostCluster },
    optional: true,
  });

  // Disks are made through one host: every host reaches the CSV volumes and SOFS shares alike.
  const diskHost = hostNodes[0] ?? hostCluster;
  for (const disk of model.sharedDisks) {
    const name = disk.name?.value ?? '';
    const path = disk.path?.value ?? '';
    steps.push({
      id: `disk:${name}:create`,
      title: `Create shared disk ${name} (${disk.sizeGB?.value ?? '?'} GB ${disk.type?.value ?? 'fixed'})`,
      phase: 'disks',
      target: { kind: 'sharedDisk', name },
      runOn: local,
      os: hostOs,
      cmdlet: 'New-VHD',
      parameters: {
        Path: path,
        SizeBytes: (disk.sizeGB?.value ?? 0) * gib,
        ...(disk.type?.value === 'dynamic' ? { Dynamic: true } : { Fixed: true }),
        ...sectorSizes(disk),
        ComputerName: diskHost,
      },
      probe: { cmdlet: 'Get-VHD', parameters: { Path: path, ComputerName: diskHost } },
    });
    if (disk.resizeToGB) {
      const sizeBytes = disk.resizeToGB.value * gib;
      steps.push({
        id: `disk:${name}:resize`,
        title: `Grow shared disk ${name} to ${disk.resizeToGB.value} GB`,
        phase: 'disks',
        target: { kind: 'sharedDisk', name },
        runOn: local,
        os: hostOs,
        cmdlet: 'Resize-VHD',
        parameters: { Path: path, SizeBytes: sizeBytes, ComputerName: diskHost },
        probe: {
          cmdlet: 'Get-VHD',
          parameters: { Path: path, ComputerName: diskHost },
          where: { Size: sizeBytes },
        },
      });
    }
  }

  const vms = model.virtualMachines;
  // Where each VM is made and managed: the host it prefers, else the hosts in turn.
  const hostOf = (vm: VirtualMachine, index: number) =>
    vm.preferredHost?.value ?? hostNodes[index % Math.max(hostNodes.length, 1)] ?? diskHost;
  vms.forEach((vm, index) => {
    const name = vm.name?.value ?? '';
    const on = hostOf(vm, index);
    steps.push(...vmSteps(vm, name, on, hostOs, host));
  });

  vms.forEach((vm, index) => {
    const name = vm.name?.value ?? '';
    const on = hostOf(vm, index);
    for (const slot of attachmentSlots(vm)) {
      const disk = model.sharedDisks.find((d) => d.name?.value.toLowerCase() === slot.disk.toLowerCase());
      const path = disk?.path?.value ?? '';
      steps.push({
        id: `vm:${name}:attach:${slot.disk}`,
        title: `Attach ${slot.disk} to ${name} (SCSI ${slot.controllerNumber}:${slot.location}, persistent reservations)`,
        phase: 'attach',
        target: { kind: 'virtualMachine', name },
        runOn: local,
        os: hostOs,
        cmdlet: 'Add-VMHardDiskDrive',
        parameters: {
          VMName: name,
          ControllerType: 'SCSI',
          ControllerNumber: slot.controllerNumber,
          ControllerLocation: slot.location,
          Path: path,
          SupportPersistentReservations: true,
          ComputerName: on,
        },
        probe: {
          cmdlet: 'Get-VMHardDiskDrive',
          parameters: { VMName: name, ComputerName: on },
          where: { Path: path },
        },
      });
    }
  });

  for (const [index, vm] of vms.entries()) {
    const name = vm.name?.value ?? '';
    const on = hostOf(vm, index);
    if (vm.highlyAvailable?.value !== false) {
      steps.push({
        id: `vm:${name}:highlyAvailable`,
        title: `Make ${name} highly available in ${hostCluster}`,
        phase: 'highAvailability',
        target: { kind: 'virtualMachine', name },
        runOn: local,
        os: hostOs,
        cmdlet: 'Add-ClusterVirtualMachineRole',
        parameters: { VMName: name, Cluster: hostCluster },
        probe: { cmdlet: 'Get-ClusterGroup', parameters: { Name: name, Cluster: hostCluster } },
      });
      const classes = vm.antiAffinityClassNames.map((field) => field.value);
      if (classes.length > 0) {
        // The cluster group's AntiAffinityClassNames keeps guest nodes apart on every version;
        // it is a property, so the step reads the group and sets it.
        steps.push({
          id: `vm:${name}:antiAffinity`,
          title: `Keep ${name} apart from the other nodes of ${classes.join(', ')}`,
          phase: 'highAvailability',
          target: { kind: 'virtualMachine', name },
          runOn: local,
          os: hostOs,
          cmdlet: 'Get-ClusterGroup',
          parameters: { Name: name, Cluster: hostCluster },
          set: { AntiAffinityClassNames: classes },
          probe: {
            cmdlet: 'Get-ClusterGroup',
            parameters: { Name: name, Cluster: hostCluster },
            where: { AntiAffinityClassNames: classes },
          },
        });
      }
    }
    steps.push({
      id: `vm:${name}:start`,
      title: `Start ${name}`,
      phase: 'highAvailability',
      target: { kind: 'virtualMachine', name },
      runOn: local,
      os: hostOs,
      cmdlet: 'Start-VM',
      parameters: { Name: name, ComputerName: on },
      probe: { cmdlet: 'Get-VM', parameters: { Name: name, ComputerName: on }, where: { State: 'Running' } },
    });
  }

  steps.push(...guestSteps(model));
  return {
    definition: model.name?.value ?? '',
    hostCluster,
    guestCluster: model.guestCluster?.name?.value ?? '',
    steps,
  };
}

function vmSteps(
  vm: VirtualMachine,
  name: string,
  on: string,
  hostOs: string,
  host: HostCluster | undefined,
): PlanStep[] {
  const local = { kind: 'local' } as const;
  const target = { kind: 'virtualMachine', name } as const;
  const osDisk = vm.osDisk;
  const osPath = osDisk?.path?.value ?? '';
  const memory = vm.memory;
  const startupBytes = (memory?.startupGB?.value ?? 0) * gib;
  const vmFolder = storageRootOf(osPath, host);
  const dynamic = memory?.dynamic?.value === true;
  return [
    {
      id: `vm:${name}:create`,
      title: `Create VM ${name} (generation ${vm.generation?.value ?? '?'}) on ${on}`,
      phase: 'vms',
      target,
      runOn: local,
      os: hostOs,
      cmdlet: 'New-VM',
      parameters: {
        Name: name,
        Generation: vm.generation?.value ?? 2,
        MemoryStartupBytes: startupBytes,
        // With a size the OS disk is made new; without one, it is an existing (prepared) disk.
        ...(osDisk?.sizeGB
          ? { NewVHDPath: osPath, NewVHDSizeBytes: osDisk.sizeGB.value * gib }
          : { VHDPath: osPath }),
        ...(vmFolder ? { Path: vmFolder } : {}),
        ...(host?.switch ? { SwitchName: host.switch.value } : {}),
        ComputerName: on,
      },
      probe: { cmdlet: 'Get-VM', parameters: { Name: name, ComputerName: on } },
    },
    {
      id: `vm:${name}:processors`,
      title: `Give ${name} ${vm.processors?.value ?? '?'} virtual processors`,
      phase: 'vms',
      target,
      runOn: local,
      os: hostOs,
      cmdlet: 'Set-VMProcessor',
      parameters: { VMName: name, Count: vm.processors?.value ?? 1, ComputerName: on },
      probe: {
        cmdlet: 'Get-VM',
        parameters: { Name: name, ComputerName: on },
        where: { ProcessorCount: vm.processors?.value ?? 1 },
      },
    },
    {
      id: `vm:${name}:memory`,
      title: dynamic
        ? `Give ${name} dynamic memory (${memory?.minimumGB?.value ?? '?'}–${memory?.maximumGB?.value ?? '?'} GB)`
        : `Give ${name} ${memory?.startupGB?.value ?? '?'} GB of static memory`,
      phase: 'vms',
      target,
      runOn: local,
      os: hostOs,
      cmdlet: 'Set-VMMemory',
      parameters: {
        VMName: name,
        DynamicMemoryEnabled: dynamic,
        StartupBytes: startupBytes,
        ...(dynamic && memory?.minimumGB ? { MinimumBytes: memory.minimumGB.value * gib } : {}),
        ...(dynamic && memory?.maximumGB ? { MaximumBytes: memory.maximumGB.value * gib } : {}),
        ComputerName: on,
      },
      probe: {
        cmdlet: 'Get-VM',
        parameters: { Name: name, ComputerName: on },
        where: { DynamicMemoryEnabled: dynamic, MemoryStartup: startupBytes },
      },
    },
  ];
}

/**
 * Inside the guests: the Failover Clustering feature on every node; each shared disk prepared
 * once (initialized, one NTFS volume named after the disk); the cluster, made without storage so
 * that each disk is added by name; guest CSVs; and the witness.
 */
function guestSteps(model: Definition): PlanStep[] {
  const guest = model.guestCluster;
  if (!guest) return [];
  const guestName = guest.name?.value ?? '';
  const nodes = guest.nodes.map((field) => {
    const vm = model.virtualMachines.find((v) => v.name?.value.toLowerCase() === field.value.toLowerCase());
    return { vm, computerName: vm?.computerName?.value ?? field.value };
  });
  // Cluster-wide steps follow the oldest guest OS among the nodes: what all of them understand.
  const guestOs =
    nodes
      .map((node) => node.vm?.guestOs?.value)
      .filter((os): os is string => os !== undefined)
      .sort((a, b) => (versionRank(a) ?? 0) - (versionRank(b) ?? 0))[0] ?? 'windowsServer2016';
  const target = { kind: 'guestCluster', name: guestName } as const;
  const steps: PlanStep[] = nodes.map(({ vm, computerName }) => ({
    id: `guest:${computerName}:feature`,
    title: `Install Failover Clustering in ${computerName}`,
    phase: 'guestCluster',
    target,
    runOn: { kind: 'remote', computerName },
    os: vm?.guestOs?.value ?? guestOs,
    cmdlet: 'Install-WindowsFeature',
    parameters: { Name: 'Failover-Clustering', IncludeManagementTools: true },
    probe: {
      cmdlet: 'Get-WindowsFeature',
      parameters: { Name: 'Failover-Clustering' },
      where: { Installed: true },
    },
  }));
  const disks = guestDisks(model, nodes);
  steps.push(...disks.map((disk) => prepareDiskStep(disk, disk.os ?? guestOs)));
  steps.push({
    id: 'guest:cluster:create',
    title: `Create guest cluster ${guestName} of ${nodes.map((n) => n.computerName).join(', ')}`,
    phase: 'guestCluster',
    target,
    // From this machine, like Failover Cluster Manager: run inside one node, New-Cluster would
    // have to reach the other nodes on a second hop, which Kerberos refuses by default.
    runOn: { kind: 'local' },
    os: guestOs,
    cmdlet: 'New-Cluster',
    parameters: {
      Name: guestName,
      Node: nodes.map((n) => n.computerName),
      ...(guest.staticAddress ? { StaticAddress: [guest.staticAddress.value] } : {}),
      // The shared disks are added one by one below, each under its own name.
      NoStorage: true,
    },
    probe: { cmdlet: 'Get-Cluster', parameters: { Name: guestName } },
  });
  for (const disk of disks) {
    steps.push({
      id: `guest:disk:${disk.name}:add`,
      title: `Add shared disk ${disk.name} to guest cluster ${guestName}`,
      phase: 'guestCluster',
      target: { kind: 'sharedDisk', name: disk.name },
      // Locally, through -Cluster: the object found is handed to Add-ClusterDisk as it is.
      runOn: { kind: 'local' },
      os: guestOs,
      cmdlet: 'Add-ClusterDisk',
      parameters: {
        InputObject: {
          ref: 'availableClusterDisk',
          sizeBytes: disk.sizeBytes,
          cluster: guestName,
          description: `the disk of ${disk.sizeBytes / gib} GB that guest cluster ${guestName} can add (shared disk ${disk.name})`,
        },
        Cluster: guestName,
      },
      // The new disk resource is named after the shared disk, so the witness can name it.
      set: { Name: disk.name },
      probe: { cmdlet: 'Get-ClusterResource', parameters: { Name: disk.name, Cluster: guestName } },
    });
    if (disk.use === 'csv') {
      steps.push({
        id: `guest:disk:${disk.name}:csv`,
        title: `Make ${disk.name} a Cluster Shared Volume of ${guestName}`,
        phase: 'guestCluster',
        target: { kind: 'sharedDisk', name: disk.name },
        runOn: { kind: 'local' },
        os: guestOs,
        cmdlet: 'Add-ClusterSharedVolume',
        parameters: { Name: disk.name, Cluster: guestName },
        probe: { cmdlet: 'Get-ClusterSharedVolume', parameters: { Name: disk.name, Cluster: guestName } },
      });
    }
  }
  const quorum = guest.quorum;
  const witness = quorum?.witness?.value;
  const quorumParameters: Record<string, PlanValue> | undefined =
    witness === 'disk'
      ? // The disk resource was named after the shared disk when it was added.
        {
          DiskWitness:
            disks.find((d) => d.name.toLowerCase() === quorum?.disk?.value.toLowerCase())?.name ??
            quorum?.disk?.value ??
            '',
        }
      : witness === 'fileShare'
        ? { FileShareWitness: quorum?.path?.value ?? '' }
        : witness === 'cloud'
          ? {
              CloudWitness: true,
              AccountName: quorum?.storageAccount?.value ?? '',
              AccessKey: { secret: `Access key of storage account ${quorum?.storageAccount?.value ?? ''}` },
            }
          : witness === 'none'
            ? { NoWitness: true }
            : undefined;
  if (quorumParameters) {
    steps.push({
      id: 'guest:cluster:quorum',
      title: `Set the quorum witness of ${guestName} (${witness})`,
      phase: 'guestCluster',
      target,
      runOn: { kind: 'local' },
      os: guestOs,
      cmdlet: 'Set-ClusterQuorum',
      // Setting the same witness again changes nothing: the step needs no probe.
      parameters: { Cluster: guestName, ...quorumParameters },
    });
  }
  return steps;
}

interface GuestDisk {
  readonly name: string;
  readonly use: string;
  /** Its size once deployed (after any resize): how the guest tells it apart. */
  readonly sizeBytes: number;
  /** The first guest node that has it, and the SCSI location it has there. */
  readonly computerName: string;
  readonly location: number;
  /** That node's guest OS, whose Storage cmdlets prepare the disk. */
  readonly os: string | undefined;
}

/** The shared disks the guest cluster's nodes attach, each with the first node that has it. */
function guestDisks(
  model: Definition,
  nodes: readonly { readonly vm: VirtualMachine | undefined; readonly computerName: string }[],
): GuestDisk[] {
  const found = new Map<string, GuestDisk>();
  for (const { vm, computerName } of nodes) {
    if (!vm) continue;
    for (const slot of attachmentSlots(vm)) {
      const key = slot.disk.toLowerCase();
      const disk = model.sharedDisks.find((d) => d.name?.value.toLowerCase() === key);
      if (!disk?.name || found.has(key)) continue;
      const sizeGB = disk.resizeToGB?.value ?? disk.sizeGB?.value ?? 0;
      found.set(key, {
        name: disk.name.value,
        use: disk.guestUse?.value ?? 'data',
        sizeBytes: sizeGB * gib,
        computerName,
        location: slot.location,
        os: vm.guestOs?.value,
      });
    }
  }
  return [...found.values()];
}

/**
 * Initializes a shared disk inside one guest and gives it one NTFS volume labelled with its
 * name. The probe makes it run only while the disk is still RAW, so formatting can never reach a
 * disk that holds anything.
 */
function prepareDiskStep(disk: GuestDisk, os: string): PlanStep {
  const number: PlanValue = {
    ref: 'guestDiskNumber',
    sizeBytes: disk.sizeBytes,
    location: disk.location,
    description: `the number of the ${disk.sizeBytes / gib} GB disk at SCSI location ${disk.location} in ${disk.computerName} (shared disk ${disk.name})`,
  };
  return {
    id: `guest:disk:${disk.name}:prepare`,
    title: `Initialize shared disk ${disk.name} in ${disk.computerName} with one NTFS volume`,
    phase: 'guestCluster',
    target: { kind: 'sharedDisk', name: disk.name },
    runOn: { kind: 'remote', computerName: disk.computerName },
    os,
    cmdlet: 'Initialize-Disk',
    parameters: { Number: number, PartitionStyle: 'GPT', PassThru: true },
    pipeline: [
      { cmdlet: 'New-Partition', parameters: { UseMaximumSize: true } },
      {
        cmdlet: 'Format-Volume',
        // NTFS labels hold 32 characters.
        parameters: { FileSystem: 'NTFS', NewFileSystemLabel: disk.name.slice(0, 32), Confirm: false },
      },
    ],
    probe: {
      cmdlet: 'Get-Disk',
      parameters: { Number: number },
      where: { PartitionStyle: 'RAW' },
      doneWhen: 'notFound',
    },
  };
}

function sectorSizes(disk: SharedDisk): Record<string, number> {
  return {
    ...(disk.logicalSectorSize ? { LogicalSectorSizeBytes: disk.logicalSectorSize.value } : {}),
    ...(disk.physicalSectorSize ? { PhysicalSectorSizeBytes: disk.physicalSectorSize.value } : {}),
  };
}

/** The CSV volume or SOFS share that holds a path: where New-VM keeps the VM's own files. */
function storageRootOf(path: string, host: HostCluster | undefined): string | undefined {
  if (classifyPath(path).kind === 'relative') return undefined;
  const locations = [...(host?.storage?.volumes ?? []), ...(host?.storage?.sofs?.shares ?? [])];
  return locations.find((location) => location.path && isUnder(path, location.path.value))?.path?.value;
}
