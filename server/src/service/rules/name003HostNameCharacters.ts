import { quote } from '../domain';
import type { Rule } from './rule';
import { computerNames, netbiosForbidden } from './computerNames';

/** Anything but letters, digits and hyphens, leaving NAME002's characters and a final dot to their rules. */
const notHostNameCharacter = /[^A-Za-z0-9-]/u;

export const name003: Rule = {
  id: 'NAME003',
  title: 'Host names use only letters, digits and hyphens',
  defaultSeverity: 'error',
  check(context) {
    for (const { field, what } of computerNames(context.model)) {
      const body = field.value.replace(/\.$/, '');
      const bad = [...body].find((ch) => notHostNameCharacter.test(ch) && !netbiosForbidden.test(ch));
      if (bad === undefined) continue;
      context.report({
        code: 'NAME003',
        message: `The ${what} ${quote(field.value)} contains ${quote(bad)}; DNS host names use only letters (A-Z), digits and hyphens.`,
        span: field.span,
      });
    }
  },
};
