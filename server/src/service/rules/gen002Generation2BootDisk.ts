import { diskFormat, quote } from '../domain';
import type { Rule } from './rule';

export const gen002: Rule = {
  id: 'GEN002',
  title: 'Generation 2 boots from a SCSI .vhdx; a .vhd OS disk needs Generation 1',
  defaultSeverity: 'error',
  check(context) {
    for (const vm of context.model.virtualMachines) {
      const path = vm.osDisk?.path;
      if (vm.generation?.value !== 2 || !path || diskFormat(path.value) !== 'vhd') continue;
      context.report({
        code: 'GEN002',
        message: `${quote(vm.name?.value ?? '?')} is Generation 2, which boots only from a .vhdx; its OS disk is a .vhd. Convert the OS disk to .vhdx, or make the VM Generation 1.`,
        span: path.span,
        related: vm.generation ? [{ span: vm.generation.span, message: 'Generation 2' }] : [],
      });
    }
  },
};
