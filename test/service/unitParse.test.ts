import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseDocument } from 'yaml';
import { parseInUnits } from '../../server/src/service/unitParse';
import { generateDefinition } from '../bench/generate';
import { baseline } from './fixture';
import { shape } from './yamlShape';

function expectSameAsWholeParse(text: string, label: string): boolean {
  const units = parseInUnits(text);
  if (!units) return false;
  const whole = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  assert.deepEqual(whole.errors, [], `${label}: split a text that has errors`);
  assert.deepEqual(shape(units), shape(whole), label);
  assert.deepEqual(units.toJS(), whole.toJS(), label);
  return true;
}

const examples = path.resolve(__dirname, '..', '..', '..', 'examples');

describe('parsing by units', () => {
  it('gives the tree of a whole-text parse for the examples, the baseline and generated definitions', () => {
    const texts: [string, string][] = readdirSync(examples).map((f) => [
      f,
      readFileSync(path.join(examples, f), 'utf8'),
    ]);
    texts.push(['baseline', baseline], ['8 VMs', generateDefinition(8)], ['64 VMs', generateDefinition(64)]);
    for (const [label, text] of texts) assert.ok(expectSameAsWholeParse(text, label), `${label} was split`);
  });

  it('keeps comments, blank lines and compact sequences where a whole parse puts them', () => {
    const text =
      '# head\nversion: 1\nvms:\n  - name: A\n    x: 1\n\n  # between\n  - name: B\n    y: [1, 2]\n# tail\nlast: 2\nlist:\n- a\n- b\n\n# end\n';
    assert.ok(expectSameAsWholeParse(text, 'comments'));
  });

  it('declines texts that do not split cleanly', () => {
    for (const text of [
      'a: 1\na: 2\n', // repeated key: only a whole parse reports it
      'a: &x 1\nb: *x\n', // an alias ties two units together
      'a: 1\n---\nb: 2\n', // two documents
      'a: [1,\n2]\n', // a flow sequence continued at column 0 is an error
      'a: "open\nb: 2\n', // a quoted value running into the next key
      '- a\n- b\n', // not a mapping
    ]) {
      assert.equal(parseInUnits(text), undefined, JSON.stringify(text));
    }
  });

  it('agrees with a whole parse on 2,000 randomly edited definitions it accepts', () => {
    let state = 99;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pieces = [
      'a',
      ' ',
      ':',
      '-',
      '\n',
      '\n  ',
      '\n- ',
      '#',
      "'",
      '"',
      '[',
      ']',
      '{',
      '}',
      ',',
      '|\n',
      '>\n  x',
    ];
    const source = generateDefinition(3);
    let accepted = 0;
    for (let i = 0; i < 2000; i++) {
      const at = Math.floor(next() * source.length);
      const cut = next() < 0.5 ? 0 : Math.floor(next() * 8);
      const text = source.slice(0, at) + pieces[Math.floor(next() * pieces.length)]! + source.slice(at + cut);
      if (expectSameAsWholeParse(text, `edit ${i} at ${at}: ${JSON.stringify(text.slice(at - 15, at + 15))}`))
        accepted++;
    }
    assert.ok(accepted > 500, `${accepted} accepted`);
  });
});
