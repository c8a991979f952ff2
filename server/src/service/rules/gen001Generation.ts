import type { Rule } from './rule';

export const gen001: Rule = {
  id: 'GEN001',
  title: 'Generation is 1 or 2, and cannot change after creation',
  defaultSeverity: 'error',
  check(context) {
    for (const vm of context.model.virtualMachines) {
      const generation = vm.generation;
      if (!generation || generation.value === 1 || generation.value === 2) continue;
      context.report({
        code: 'GEN001',
        message: `Generation ${generation.value} does not exist: a Hyper-V VM is Generation 1 or 2, chosen at creation for good. Both work with shared virtual hard disks; choose 2 unless the guest needs BIOS or IDE.`,
        span: generation.span,
      });
    }
  },
};
