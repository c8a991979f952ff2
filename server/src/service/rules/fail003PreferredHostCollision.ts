import type { Rule } from './rule';

export const fail003: Rule = {
  id: 'FAIL003',
  title: 'Two guest nodes do not prefer the same host',
  defaultSeverity: 'warning',
  check(context) {
    const analysis = context.failures;
    if (!analysis) return;
    for (const collision of analysis.collisions.filter((c) => c.why === 'preferredHost')) {
      const vm = context.vmsByName.get(collision.vms[1].toLowerCase());
      const field = vm?.preferredHost;
      if (!field) continue;
      context.report({
        code: 'FAIL003',
        message: `${collision.vms[0]} and ${collision.vms[1]} both prefer ${field.value}: they run there together, so one host failure takes down two guest nodes at once. Give each guest node a different preferredHost.`,
        span: field.span,
      });
    }
  },
};
