import { quote } from '../domain';
import type { Rule } from './rule';
import { computerNames } from './computerNames';

const maxLength = 15;

export const name001: Rule = {
  id: 'NAME001',
  title: 'Cluster, host and guest computer names are at most 15 characters (NetBIOS)',
  defaultSeverity: 'error',
  check(context) {
    for (const { field, what } of computerNames(context.model)) {
      const length = [...field.value].length;
      if (length <= maxLength) continue;
      context.report({
        code: 'NAME001',
        message: `The ${what} ${quote(field.value)} is ${length} characters; NetBIOS names are at most ${maxLength}. Shorten it: it becomes an Active Directory computer object.`,
        span: field.span,
      });
    }
  },
};
