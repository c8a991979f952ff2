import type { Rule } from './rule';

const allowed = new Set([512, 4096]);

export const stor011: Rule = {
  id: 'STOR011',
  title: 'Logical and physical sector sizes are 512 or 4096 bytes',
  defaultSeverity: 'error',
  check(context) {
    for (const disk of context.model.sharedDisks) {
      for (const field of [disk.logicalSectorSize, disk.physicalSectorSize]) {
        if (!field || allowed.has(field.value)) continue;
        context.report({
          code: 'STOR011',
          message: `A sector size of ${field.value} bytes cannot be created: New-VHD takes 512 or 4096.`,
          span: field.span,
        });
      }
    }
  },
};
