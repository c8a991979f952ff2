import { quote } from '../domain';
import type { VirtualMachine } from '../model';
import type { Rule } from './rule';

export const att003: Rule = {
  id: 'ATT003',
  title: 'A shared disk is attached to every node of exactly one guest cluster',
  defaultSeverity: 'error',
  check(context) {
    const guestNodes = new Set<VirtualMachine>(context.guestNodes);
    const hasGuestCluster = context.model.guestCluster !== undefined;
    for (const disk of context.model.sharedDisks) {
      if (!disk.name) continue;
      const attachments = context.attachmentsByDisk.get(disk.name.value.toLowerCase()) ?? [];
      const attached = new Set<VirtualMachine>();
      for (const { vm, attachment } of attachments) {
        attached.add(vm);
        if (!hasGuestCluster || guestNodes.has(vm) || !attachment.disk) continue;
        context.report({
          code: 'ATT003',
          message: `${quote(vm.name?.value ?? '?')} attaches shared disk ${quote(disk.name.value)} but is not a node of the guest cluster; only the guest cluster's nodes may attach its shared disks.`,
          span: attachment.disk.span,
        });
      }
      if (attachments.length === 0) {
        context.report({
          code: 'ATT003',
          message: `Shared disk ${quote(disk.name.value)} is attached to no VM. Attach it to every guest node (in each VM's sharedDisks), or remove it.`,
          span: disk.name.span,
        });
        continue;
      }
      const missing = context.guestNodes.filter((vm) => !attached.has(vm));
      if (missing.length === 0) continue;
      const names = missing.map((vm) => quote(vm.name?.value ?? '?'));
      context.report({
        code: 'ATT003',
        message: `Shared disk ${quote(disk.name.value)} is not attached to ${names.slice(0, 5).join(', ')}${names.length > 5 ? ` and ${names.length - 5} more` : ''}; every node of the guest cluster must attach every shared disk, or a failover to that node finds no disk.`,
        span: disk.name.span,
        related: missing
          .slice(0, 5)
          .flatMap((vm) => (vm.name ? [{ span: vm.name.span, message: 'Does not attach it' }] : [])),
      });
    }
  },
};
