import { quote } from '../domain';
import type { Rule } from './rule';
import { computerNames, netbiosForbidden } from './computerNames';

export const name002: Rule = {
  id: 'NAME002',
  title: 'NetBIOS names exclude \\ / : * ? " < > |',
  defaultSeverity: 'error',
  check(context) {
    for (const { field, what } of computerNames(context.model)) {
      const found = netbiosForbidden.exec(field.value);
      if (!found) continue;
      context.report({
        code: 'NAME002',
        message: `The ${what} ${quote(field.value)} contains ${quote(found[0])}; NetBIOS names cannot contain \\ / : * ? " < > |.`,
        span: field.span,
      });
    }
  },
};
