import { diskFormat, quote } from '../domain';
import type { Field } from '../yamlAccess';
import type { Rule } from './rule';
import type { RuleContext } from '../ruleContext';

const maxGB = { vhdx: 65536, vhds: 65536, vhd: 2040 } as const;

export const stor010: Rule = {
  id: 'STOR010',
  title: 'A VHDX holds at most 64 TB; a VHD at most 2040 GB',
  defaultSeverity: 'error',
  check(context) {
    for (const disk of context.model.sharedDisks) {
      checkSize(context, disk.path, disk.sizeGB);
      checkSize(context, disk.path, disk.resizeToGB);
    }
    for (const vm of context.model.virtualMachines) checkSize(context, vm.osDisk?.path, vm.osDisk?.sizeGB);
  },
};

function checkSize(
  context: RuleContext,
  path: Field<string> | undefined,
  size: Field<number> | undefined,
): void {
  if (!path || !size) return;
  const format = diskFormat(path.value);
  if (format !== 'vhdx' && format !== 'vhds' && format !== 'vhd') return;
  const limit = maxGB[format];
  if (size.value <= limit) return;
  context.report({
    code: 'STOR010',
    message: `${size.value} GB is more than a .${format} can hold (${format === 'vhd' ? '2040 GB' : '64 TB = 65536 GB'}) for ${quote(path.value)}.`,
    span: size.span,
  });
}
