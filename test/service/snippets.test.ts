import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { validate } from './fixture';

const file = path.resolve(__dirname, '..', '..', '..', 'snippets', 'gcluster.code-snippets');
const snippets = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { body: string[] }>;

/**
 * Expands a snippet body as accepting every default would: choices take their first value, and
 * the snippet syntax's escaped backslash (`\\`) becomes one backslash.
 */
function expand(body: readonly string[]): string {
  const values = new Map<string, string>();
  const backslash = '\u0000';
  return body
    .join('\n')
    .replaceAll('\\\\', backslash)
    .replace(
      /\$\{(\d+)\|([^|]*)\|\}|\$\{(\d+):([^}]*)\}|\$\{(\d+)\}|\$(\d+)/g,
      (_m, c, choices: string, d, value: string, r, bare) => {
        if (c !== undefined) {
          const first = choices.split(',')[0]!;
          values.set(c, first);
          return first;
        }
        if (d !== undefined) {
          values.set(d, value);
          return value;
        }
        return values.get(r ?? bare) ?? '';
      },
    )
    .replaceAll(backslash, '\\');
}

describe('snippets', () => {
  it('expand the whole-definition snippet to a definition with no problem', () => {
    const text = expand(snippets['Guest cluster on CSV']!.body);
    assert.deepEqual(
      validate(text).map((d) => `${String(d.code)} ${String(d.message)}`),
      [],
    );
  });
});
