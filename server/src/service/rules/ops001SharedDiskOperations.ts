import { diskFormat, quote } from '../domain';
import type { SharedDisk, VirtualMachine } from '../model';
import type { Span } from '../problem';
import type { Rule } from './rule';
import type { RuleContext } from '../ruleContext';

export const ops001: Rule = {
  id: 'OPS001',
  title: 'No resize, storage migration, host backup, replica or checkpoints with a shared .vhdx',
  defaultSeverity: 'error',
  check(context) {
    for (const disk of context.model.sharedDisks) {
      if (!disk.resizeToGB || !disk.path || diskFormat(disk.path.value) !== 'vhdx') continue;
      context.report({
        code: 'OPS001',
        message: `Shared disk ${quote(disk.name?.value ?? '?')} cannot be resized: resizing a shared .vhdx is not supported. Convert it to a VHD Set (.vhds, 2016+ hosts) to resize online, or create a larger disk and move the data inside the guest.`,
        span: disk.resizeToGB.keySpan,
      });
    }
    for (const vm of context.model.virtualMachines) {
      const disks = context.attachedDisks(vm);
      if (disks.length === 0) continue;
      const sharedVhdx = disks.find((disk) => disk.path && diskFormat(disk.path.value) === 'vhdx');
      if (vm.storageMigration) {
        report(
          context,
          vm,
          disks[0]!,
          vm.storageMigration.keySpan,
          'storage migration',
          'Move the data inside the guest cluster instead.',
        );
      }
      if (!sharedVhdx) continue; // a VHD Set allows the rest (OPS002)
      if (vm.replication) {
        report(
          context,
          vm,
          sharedVhdx,
          vm.replication.keySpan,
          'Hyper-V Replica',
          'Replicate inside the guest (e.g. SQL Server Always On) or use a VHD Set (.vhds) on 2016+ hosts.',
        );
      }
      if (vm.hostBackup?.value === true) {
        report(
          context,
          vm,
          sharedVhdx,
          vm.hostBackup.span,
          'host-level backup',
          'Back up from inside the guest, or use a VHD Set (.vhds) on 2016+ hosts.',
        );
      }
      const checkpoints = vm.checkpoints;
      if (checkpoints && checkpoints.value !== 'disabled') {
        report(context, vm, sharedVhdx, checkpoints.span, 'checkpoints', 'Set checkpoints: disabled.');
      }
    }
  },
};

function report(
  context: RuleContext,
  vm: VirtualMachine,
  disk: SharedDisk,
  span: Span,
  what: string,
  advice: string,
): void {
  const format = disk.path ? diskFormat(disk.path.value) : 'vhdx';
  context.report({
    code: 'OPS001',
    message: `${quote(vm.name?.value ?? '?')} attaches the shared ${format === 'vhds' ? 'VHD Set' : '.vhdx'} ${quote(disk.name?.value ?? '?')}, and a VM with a shared virtual hard disk does not support ${what}. ${advice}`,
    span,
    related: disk.name ? [{ span: disk.name.span, message: 'The shared disk' }] : [],
  });
}
