import type { VirtualMachine } from '../model';

export interface AttachmentSlot {
  readonly disk: string;
  readonly controllerNumber: number;
  readonly location: number;
}

/**
 * Where each shared disk of a VM goes on its SCSI controllers: the slot the long form gives, or
 * else the next free location on controller 0, after the OS disk (which a Generation 2 VM boots
 * from at SCSI 0:0, unless it says another controller). ATT004 has already refused taken or
 * out-of-range slots; a plan is made only without errors.
 */
export function attachmentSlots(vm: VirtualMachine): AttachmentSlot[] {
  const taken = new Set<string>();
  const osController = vm.osDisk?.controller?.value ?? (vm.generation?.value === 1 ? 'ide' : 'scsi');
  if (osController === 'scsi') taken.add('0:0');
  for (const attachment of vm.attachments) {
    if (attachment.location)
      taken.add(`${attachment.controllerNumber?.value ?? 0}:${attachment.location.value}`);
  }
  const slots: AttachmentSlot[] = [];
  for (const attachment of vm.attachments) {
    if (!attachment.disk) continue;
    const controllerNumber = attachment.controllerNumber?.value ?? 0;
    let location = attachment.location?.value;
    if (location === undefined) {
      location = 0;
      while (taken.has(`${controllerNumber}:${location}`)) location++;
      taken.add(`${controllerNumber}:${location}`);
    }
    slots.push({ disk: attachment.disk.value, controllerNumber, location });
  }
  return slots;
}
