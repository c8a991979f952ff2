import { diskFormat, quote } from '../domain';
import type { Rule } from './rule';

export const stor001: Rule = {
  id: 'STOR001',
  title: 'A shared disk is .vhdx (or .vhds on 2016+ hosts); never .vhd',
  defaultSeverity: 'error',
  check(context) {
    for (const disk of context.model.sharedDisks) {
      if (!disk.path) continue;
      const format = diskFormat(disk.path.value);
      if (format === 'vhd') {
        context.report({
          code: 'STOR001',
          message: `Shared disk ${quote(disk.name?.value ?? disk.path.value)} is a .vhd; a shared virtual hard disk must be a .vhdx (or a VHD Set .vhds on Windows Server 2016 and later hosts). Only an OS disk may be a .vhd.`,
          span: disk.path.span,
          data: { fix: 'vhdx' },
        });
      } else if (format === 'other') {
        context.report({
          code: 'STOR001',
          message: `${quote(disk.path.value)} does not end in .vhdx or .vhds; the extension decides the disk format, and a shared disk must be a .vhdx (or .vhds on 2016+ hosts).`,
          span: disk.path.span,
        });
      }
    }
  },
};
