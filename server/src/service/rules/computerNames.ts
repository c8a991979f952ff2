import type { Definition } from '../model';
import type { Field } from '../yamlAccess';

/** A NetBIOS computer name in the definition, and what it names (for messages). */
export interface ComputerName {
  readonly field: Field<string>;
  readonly what: string;
}

/**
 * Every name that becomes an Active Directory computer object: both clusters, the host nodes,
 * the SOFS, and each guest (its `computerName`, or else its VM name).
 */
export function computerNames(model: Definition): ComputerName[] {
  const names: ComputerName[] = [];
  const host = model.hostCluster;
  if (host?.name) names.push({ field: host.name, what: 'host cluster name' });
  for (const node of host?.nodes ?? [])
    if (node.name) names.push({ field: node.name, what: 'host node name' });
  const sofs = host?.storage?.sofs;
  if (sofs?.name) names.push({ field: sofs.name, what: 'Scale-Out File Server name' });
  for (const vm of model.virtualMachines) {
    if (vm.computerName) names.push({ field: vm.computerName, what: 'guest computer name' });
    else if (vm.name) names.push({ field: vm.name, what: 'VM name (also its guest computer name)' });
  }
  const guest = model.guestCluster;
  if (guest?.name) names.push({ field: guest.name, what: 'guest cluster name' });
  return names;
}

/** Characters a NetBIOS name can never contain (NAME002). */
export const netbiosForbidden = /[\\/:*?"<>|]/;
