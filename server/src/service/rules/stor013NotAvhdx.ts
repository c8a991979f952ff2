import { diskFormat, quote } from '../domain';
import type { Rule } from './rule';

export const stor013: Rule = {
  id: 'STOR013',
  title: 'Never point at the .avhdx inside a VHD Set',
  defaultSeverity: 'warning',
  check(context) {
    const paths = [
      ...context.model.sharedDisks.map((disk) => disk.path),
      ...context.model.virtualMachines.map((vm) => vm.osDisk?.path),
    ];
    for (const path of paths) {
      if (!path || diskFormat(path.value) !== 'avhdx') continue;
      context.report({
        code: 'STOR013',
        message: `${quote(path.value)} is an .avhdx, a file inside a VHD Set that Hyper-V manages itself. Point at the VHD Set's .vhds file instead.`,
        span: path.span,
      });
    }
  },
};
