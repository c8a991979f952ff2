import { quote } from '../domain';
import type { Span } from '../problem';
import type { Rule } from './rule';
import type { RuleContext } from '../ruleContext';

/** Controllers a VM can have and locations on each (Hyper-V scalability limits). */
const bounds = {
  scsi: { controllers: 4, locations: 64 },
  ide: { controllers: 2, locations: 2 },
} as const;

export const att004: Rule = {
  id: 'ATT004',
  title: 'SCSI controller 0..3, location 0..63; IDE at most 2 controllers of 2 devices; one disk per slot',
  defaultSeverity: 'error',
  check(context) {
    for (const vm of context.model.virtualMachines) {
      const taken = new Map<string, Span>();
      const os = vm.osDisk;
      if (os) {
        const controller = os.controller?.value ?? (vm.generation?.value === 1 ? 'ide' : 'scsi');
        taken.set(`${controller}:0:0`, os.keySpan);
      }
      for (const attachment of vm.attachments) {
        const controller = attachment.controller?.value === 'ide' ? 'ide' : 'scsi';
        const limit = bounds[controller];
        const number = attachment.controllerNumber;
        const location = attachment.location;
        if (number && (number.value < 0 || number.value >= limit.controllers)) {
          outOfRange(
            context,
            number.span,
            `${controller.toUpperCase()} controller number`,
            number.value,
            limit.controllers,
          );
          continue;
        }
        if (location && (location.value < 0 || location.value >= limit.locations)) {
          outOfRange(
            context,
            location.span,
            `${controller.toUpperCase()} location`,
            location.value,
            limit.locations,
          );
          continue;
        }
        if (!location) continue; // placed at the next free location
        const slot = `${controller}:${number?.value ?? 0}:${location.value}`;
        const earlier = taken.get(slot);
        if (!earlier) {
          taken.set(slot, location.span);
          continue;
        }
        context.report({
          code: 'ATT004',
          message: `${quote(vm.name?.value ?? '?')} already has a disk at ${controller.toUpperCase()} ${number?.value ?? 0}:${location.value}; each controller location holds one disk.`,
          span: location.span,
          related: [{ span: earlier, message: 'The slot is taken here' }],
        });
      }
    }
  },
};

function outOfRange(context: RuleContext, span: Span, what: string, value: number, count: number): void {
  context.report({
    code: 'ATT004',
    message: `${what} ${value} does not exist: a VM has ${what.endsWith('number') ? 'controllers' : 'locations'} 0 to ${count - 1}.`,
    span,
  });
}
