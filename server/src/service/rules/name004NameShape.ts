import { quote } from '../domain';
import type { Rule } from './rule';
import { computerNames } from './computerNames';

export const name004: Rule = {
  id: 'NAME004',
  title: 'A name is not all digits, starts with a letter or digit, and does not end with - or .',
  defaultSeverity: 'error',
  check(context) {
    for (const { field, what } of computerNames(context.model)) {
      const value = field.value;
      let problem: string | undefined;
      if (/^[0-9]+$/.test(value)) problem = 'is all digits';
      else if (/^[-.]/.test(value)) problem = `starts with ${quote(value[0]!)}`;
      else if (/[-.]$/.test(value)) problem = `ends with ${quote(value.at(-1)!)}`;
      if (!problem) continue;
      context.report({
        code: 'NAME004',
        message: `The ${what} ${quote(value)} ${problem}; a computer name starts with a letter or digit, is not all digits, and does not end with a hyphen or a dot.`,
        span: field.span,
      });
    }
  },
};
