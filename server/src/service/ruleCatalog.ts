import type { Severity } from './problem';
import { semanticRules } from './rules/index';
import { workspaceRules } from './workspaceIndex';

/** What is known of a diagnostic code: every semantic rule, and the codes of reading and schema checks. */
export interface RuleInfo {
  readonly id: string;
  readonly title: string;
  readonly defaultSeverity: Severity;
}

/** Codes of problems found while reading the text and checking its structure against the schema. */
export const structuralRules: readonly RuleInfo[] = [
  { id: 'YAML001', title: 'The file is valid YAML', defaultSeverity: 'error' },
  { id: 'YAML002', title: 'A definition is a single YAML document', defaultSeverity: 'error' },
  { id: 'YAML003', title: 'The file is within the size, nesting and alias limits', defaultSeverity: 'error' },
  { id: 'SCHEMA001', title: 'Every property is one the format knows', defaultSeverity: 'error' },
  { id: 'SCHEMA002', title: 'Required properties are present', defaultSeverity: 'error' },
  { id: 'SCHEMA003', title: 'Every value has the right type', defaultSeverity: 'error' },
  { id: 'SCHEMA004', title: 'Every value is one the format allows', defaultSeverity: 'error' },
];

export const ruleCatalog: readonly RuleInfo[] = [
  ...structuralRules,
  ...semanticRules.map(({ id, title, defaultSeverity }) => ({ id, title, defaultSeverity })),
  ...workspaceRules,
];

const byId = new Map(ruleCatalog.map((rule) => [rule.id, rule]));

export function findRule(id: string): RuleInfo | undefined {
  return byId.get(id);
}
