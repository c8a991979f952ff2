import type { DefinitionOverview, TextRange } from '../../../server/src/protocol';
import type { Inventory } from '../powershell/inspect';
import { samePath } from './inventoryText';

/** A difference between a definition and the cluster as it runs, placed in the definition. */
export interface DriftFinding {
  readonly code: 'DRIFT001' | 'DRIFT002' | 'DRIFT003' | 'DRIFT004' | 'DRIFT005' | 'DRIFT006';
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  readonly range: TextRange;
}

const noRange: TextRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * What differs between a definition and its host cluster as the inspector read it: a host node
 * missing or not up (DRIFT006), a VM missing (DRIFT001) or not highly available (DRIFT005), a
 * shared disk not attached (DRIFT003) or attached other than on SCSI with persistent
 * reservations (DRIFT004), and VMs the definition does not mention (DRIFT002).
 */
export function findDrift(overview: DefinitionOverview, inventory: Inventory): DriftFinding[] {
  const findings: DriftFinding[] = [];
  const host = overview.hostCluster;
  for (const node of host?.nodes ?? []) {
    const live = inventory.nodes.find((candidate) => samePath(candidate.name, node.name));
    if (!live) {
      findings.push({
        code: 'DRIFT006',
        severity: 'error',
        message: `Host node ${node.name} is not a node of ${inventory.cluster.name}.`,
        range: node.selectionRange,
      });
    } else if (live.state !== 'Up') {
      findings.push({
        code: 'DRIFT006',
        severity: 'warning',
        message: `Host node ${node.name} is ${live.state}.`,
        range: node.selectionRange,
      });
    }
  }
  for (const vm of overview.virtualMachines) {
    const live = inventory.vms.find((candidate) => samePath(candidate.name, vm.name));
    if (!live) {
      findings.push({
        code: 'DRIFT001',
        severity: 'error',
        message: `${vm.name} does not exist on ${inventory.cluster.name}${inventory.nodes.some((n) => n.state !== 'Up') ? ' (or is on a node that is not up)' : ''}.`,
        range: vm.selectionRange,
      });
      continue;
    }
    if (!live.isClustered) {
      findings.push({
        code: 'DRIFT005',
        severity: 'warning',
        message: `${vm.name} runs on ${live.host} but is not highly available (not a clustered role).`,
        range: vm.selectionRange,
      });
    }
    for (const attachment of vm.attachments) {
      const disk = overview.sharedDisks.find((candidate) => samePath(candidate.name, attachment.disk));
      if (!disk?.path) continue;
      const drive = live.disks.find((candidate) => samePath(candidate.path, disk.path!));
      if (!drive) {
        findings.push({
          code: 'DRIFT003',
          severity: 'error',
          message: `${vm.name} does not have shared disk ${disk.name} (${disk.path}) attached.`,
          range: attachment.range,
        });
      } else if (drive.controllerType !== 'SCSI' || !drive.supportPersistentReservations) {
        const how = `${drive.controllerType} ${drive.controllerNumber}:${drive.controllerLocation}, persistent reservations ${drive.supportPersistentReservations ? 'on' : 'off'}`;
        findings.push({
          code: 'DRIFT004',
          severity: 'error',
          message: `${vm.name} has ${disk.name} attached on ${how}: it is not shared. It must be on SCSI with persistent reservations.`,
          range: attachment.range,
        });
      }
    }
  }
  const extra = inventory.vms.filter(
    (live) => !overview.virtualMachines.some((vm) => samePath(vm.name, live.name)),
  );
  if (extra.length > 0) {
    findings.push({
      code: 'DRIFT002',
      severity: 'info',
      message: `${inventory.cluster.name} also runs ${extra.map((vm) => vm.name).join(', ')}, which this definition does not describe.`,
      range: host?.selectionRange ?? noRange,
    });
  }
  return findings;
}
