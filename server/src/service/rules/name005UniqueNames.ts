import { quote } from '../domain';
import type { Field } from '../yamlAccess';
import type { Rule } from './rule';
import type { RuleContext } from '../ruleContext';
import { computerNames } from './computerNames';

export const name005: Rule = {
  id: 'NAME005',
  title: 'Names are unique, case-insensitively, across hosts, guests, both clusters and the SOFS',
  defaultSeverity: 'error',
  check(context) {
    const model = context.model;
    // A VM without computerName is in two namespaces; report each clash once.
    const reported = new Set<number>();
    const reportDuplicates = (names: readonly Named[], namespace: string) =>
      reportDuplicatesIn(context, names, namespace, reported);
    reportDuplicates(computerNames(model), 'computer name');
    const named = <T extends { name?: Field<string> }>(items: readonly T[], what: string) =>
      items.flatMap((item) => (item.name ? [{ field: item.name, what }] : []));
    reportDuplicates(named(model.virtualMachines, 'VM'), 'VM name');
    reportDuplicates(named(model.sharedDisks, 'shared disk'), 'shared disk name');
    const storage = model.hostCluster?.storage;
    reportDuplicates(named(storage?.volumes ?? [], 'volume'), 'volume name');
    reportDuplicates(named(storage?.sofs?.shares ?? [], 'share'), 'share name');
  },
};

interface Named {
  readonly field: Field<string>;
  readonly what: string;
}

function reportDuplicatesIn(
  context: RuleContext,
  names: readonly Named[],
  namespace: string,
  reported: Set<number>,
): void {
  const first = new Map<string, Named>();
  for (const entry of names) {
    const key = entry.field.value.toLowerCase();
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, entry);
      continue;
    }
    if (reported.has(entry.field.span.start)) continue;
    reported.add(entry.field.span.start);
    context.report({
      code: 'NAME005',
      message: `The ${namespace} ${quote(entry.field.value)} is already used by the ${earlier.what} ${quote(earlier.field.value)}; names must be unique (case does not count).`,
      span: entry.field.span,
      related: [{ span: earlier.field.span, message: `First use of ${quote(earlier.field.value)}` }],
    });
  }
}
