import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { baseline, validate, vary } from './fixture';
import { expandSnippet } from './snippetText';

const file = path.resolve(__dirname, '..', '..', '..', 'snippets', 'gcluster.code-snippets');
const snippets = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { body: string[] }>;

describe('snippets', () => {
  for (const name of ['Guest cluster on CSV', 'Guest cluster on SOFS']) {
    it(`expand "${name}" to a definition with no problem`, () => {
      const text = expandSnippet(snippets[name]!.body.join('\n'));
      assert.deepEqual(
        validate(text).map((d) => `${String(d.code)} ${String(d.message)}`),
        [],
      );
    });
  }

  it('expand "Virtual machine" to a third guest node that fits the baseline', () => {
    const vm = expandSnippet(snippets['Virtual machine']!.body.join('\n'))
      .replace('Data, Witness', 'SqlData, Witness')
      .replace('[GuestCluster]', '[SqlGuestCluster]')
      .split('\n')
      .map((line) => `  ${line}`)
      .join('\n');
    const text = vary(
      [
        ['guestCluster:\n', `${vm}\nguestCluster:\n`],
        ['nodes: [SQLVM01, SQLVM02]', 'nodes: [SQLVM01, SQLVM02, SQLVM03]'],
      ],
      baseline.replace('HV03\n', 'HV03\n    - name: HV04\n'),
    );
    assert.deepEqual(
      validate(text).map((d) => `${String(d.code)} ${String(d.message)}`),
      [],
    );
  });
});
