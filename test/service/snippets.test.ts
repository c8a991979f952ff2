import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { validate } from './fixture';
import { expandSnippet } from './snippetText';

const file = path.resolve(__dirname, '..', '..', '..', 'snippets', 'gcluster.code-snippets');
const snippets = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { body: string[] }>;

describe('snippets', () => {
  it('expand the whole-definition snippet to a definition with no problem', () => {
    const text = expandSnippet(snippets['Guest cluster on CSV']!.body.join('\n'));
    assert.deepEqual(
      validate(text).map((d) => `${String(d.code)} ${String(d.message)}`),
      [],
    );
  });
});
