import { diskFormat } from './domain';
import type { HostNode, SharedDisk, StorageLocation, VirtualMachine } from './model';
import type { SymbolDeclaration, SymbolTable } from './symbolTable';

/** A short Markdown summary of a declared thing, for hover on its references and for completion. */
export function summarize(declaration: SymbolDeclaration, symbols: SymbolTable): string {
  switch (declaration.kind) {
    case 'virtualMachine':
      return summarizeVm(declaration.target as VirtualMachine);
    case 'sharedDisk':
      return summarizeDisk(declaration.target as SharedDisk, symbols);
    case 'hostNode':
      return summarizeHost(declaration.target as HostNode, symbols);
    case 'volume':
    case 'share':
      return summarizeLocation(declaration, symbols);
  }
}

/** One line about a VM: "Gen 2 · 4 vCPU · 16 GB static · prefers HV01". */
export function vmDetail(vm: VirtualMachine): string {
  const parts: string[] = [];
  if (vm.generation) parts.push(`Gen ${vm.generation.value}`);
  if (vm.processors) parts.push(`${vm.processors.value} vCPU`);
  const memory = vm.memory;
  if (memory?.startupGB) {
    parts.push(
      memory.dynamic?.value
        ? `${memory.minimumGB?.value ?? '?'}–${memory.maximumGB?.value ?? '?'} GB dynamic`
        : `${memory.startupGB.value} GB`,
    );
  }
  if (vm.preferredHost) parts.push(`prefers ${vm.preferredHost.value}`);
  return parts.join(' · ');
}

/** One line about a disk: "500 GB .vhdx fixed". */
export function diskDetail(disk: SharedDisk): string {
  const parts: string[] = [];
  if (disk.sizeGB) parts.push(`${disk.sizeGB.value} GB`);
  if (disk.path) parts.push(`.${diskFormat(disk.path.value)}`.replace('.other', 'unknown format'));
  if (disk.type) parts.push(disk.type.value);
  return parts.join(' ');
}

function summarizeVm(vm: VirtualMachine): string {
  const lines = [`**Virtual machine ${vm.name?.value ?? ''}**`, vmDetail(vm)];
  if (vm.guestOs) lines.push(`Guest OS: ${vm.guestOs.value}`);
  if (vm.osDisk?.path) lines.push(`OS disk: \`${vm.osDisk.path.value}\``);
  const disks = vm.attachments.flatMap((attachment) => (attachment.disk ? [attachment.disk.value] : []));
  lines.push(disks.length > 0 ? `Shared disks: ${disks.join(', ')}` : 'No shared disks attached');
  return lines.filter((line) => line.length > 0).join('\n\n');
}

function summarizeDisk(disk: SharedDisk, symbols: SymbolTable): string {
  const name = disk.name?.value ?? '';
  const attachedBy = symbols.model.virtualMachines
    .filter((vm) => vm.attachments.some((a) => a.disk?.value.toLowerCase() === name.toLowerCase()))
    .flatMap((vm) => (vm.name ? [vm.name.value] : []));
  const lines = [`**Shared disk ${name}**`, diskDetail(disk)];
  if (disk.path) lines.push(`\`${disk.path.value}\``);
  lines.push(attachedBy.length > 0 ? `Attached to ${attachedBy.join(', ')}` : 'Attached to no VM');
  return lines.filter((line) => line.length > 0).join('\n\n');
}

function summarizeHost(host: HostNode, symbols: SymbolTable): string {
  const name = host.name?.value ?? '';
  const preferring = symbols.model.virtualMachines
    .filter((vm) => vm.preferredHost?.value.toLowerCase() === name.toLowerCase())
    .flatMap((vm) => (vm.name ? [vm.name.value] : []));
  return [
    `**Host node ${name}**`,
    host.domain ? `Domain: ${host.domain.value}` : '',
    preferring.length > 0 ? `Preferred by ${preferring.join(', ')}` : 'No VM prefers this host',
  ]
    .filter((line) => line.length > 0)
    .join('\n\n');
}

function summarizeLocation(declaration: SymbolDeclaration, symbols: SymbolTable): string {
  const location = declaration.target as StorageLocation;
  const what = declaration.kind === 'volume' ? 'Cluster Shared Volume' : 'SOFS share';
  const onIt = symbols.referencesTo(declaration.kind, declaration.name.value).length;
  return [
    `**${what} ${declaration.name.value}**`,
    location.path ? `\`${location.path.value}\`` : '',
    location.capacityGB ? `Capacity: ${location.capacityGB.value} GB` : '',
    `${onIt} disk ${onIt === 1 ? 'path' : 'paths'} on it`,
  ]
    .filter((line) => line.length > 0)
    .join('\n\n');
}
