import { quote } from '../domain';
import type { Rule } from './rule';
import { computerNames } from './computerNames';

/**
 * Single-word names Active Directory reserves (its reserved-word table), and the words that
 * naming conventions also set aside for computers (GATEWAY, GW, TAC).
 */
const reserved = new Set([
  'ANONYMOUS',
  'BATCH',
  'BUILTIN',
  'DIALUP',
  'GATEWAY',
  'GW',
  'INTERACTIVE',
  'INTERNET',
  'LOCAL',
  'NETWORK',
  'NULL',
  'PROXY',
  'RESTRICTED',
  'SELF',
  'SERVER',
  'SERVICE',
  'SYSTEM',
  'TAC',
  'USERS',
  'WORLD',
]);

export const name006: Rule = {
  id: 'NAME006',
  title: 'A computer name is not a reserved word',
  defaultSeverity: 'warning',
  check(context) {
    for (const { field, what } of computerNames(context.model)) {
      if (!reserved.has(field.value.toUpperCase())) continue;
      context.report({
        code: 'NAME006',
        message: `The ${what} ${quote(field.value)} is a word Windows reserves for built-in identities or network roles; a computer of that name is confused with them. Choose another name.`,
        span: field.span,
      });
    }
  },
};
