import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reparseIncrementally, type TextEdit } from '../../server/src/service/incrementalParse';
import { parseDefinition } from '../../server/src/service/parser';
import { generateDefinition } from '../bench/generate';
import { baseline } from './fixture';
import { shape } from './yamlShape';

function apply(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

/** A small deterministic generator, so that a failure names an edit that can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const typed = [
  'a',
  'Z',
  '7',
  ' ',
  ':',
  '-',
  '\n',
  '\n    ',
  "'",
  '"',
  '#',
  '{',
  '}',
  '[',
  ']',
  ',',
  '&x',
  '*x',
  '\t',
];

describe('incremental re-parsing', () => {
  it('re-parses one VM and gives the same tree as a full parse', () => {
    const text = baseline;
    const at = text.indexOf('processors: 4');
    const edit = { start: at + 'processors: '.length, end: at + 'processors: 4'.length, text: '16' };
    const next = apply(text, edit);
    const incremental = reparseIncrementally(parseDefinition(text), edit, next);
    assert.ok(incremental, 'an edit inside one VM is re-parsed incrementally');
    const full = parseDefinition(next);
    assert.deepEqual(incremental.yaml?.toJS(), full.yaml?.toJS());
    assert.deepEqual(shape(incremental.yaml!), shape(full.yaml!));
  });

  it('declines when the previous parse had problems, or the edit spans two top-level keys', () => {
    const broken = `${baseline}bad: [\n`;
    assert.equal(
      reparseIncrementally(parseDefinition(broken), { start: 0, end: 0, text: ' ' }, ` ${broken}`),
      undefined,
    );
    const a = baseline.indexOf('  - { name: Witness');
    const b = baseline.indexOf('  - name: SQLVM01') + 3;
    const edit = { start: a + 3, end: b, text: '' };
    assert.equal(reparseIncrementally(parseDefinition(baseline), edit, apply(baseline, edit)), undefined);
  });

  it('agrees with a full parse on 3,000 random edits, whenever it accepts one', () => {
    const next = random(20261125);
    // Blank lines and comments between and after units, where parents' ranges end.
    const commented = baseline
      .replace('  - name: SQLVM02', '\n  # the second node\n  - name: SQLVM02')
      .replace('guestCluster:', '  # - name: SQLVM03 (planned)\n\nguestCluster:')
      .concat('\n# end of file\n');
    const spaced = baseline
      .replaceAll('\n  - name: SQLVM', '\n\n  - name: SQLVM')
      .replace('guestCluster:', '\nguestCluster:')
      .concat('\n\n');
    const sources = [baseline, generateDefinition(8), commented, spaced];
    let accepted = 0;
    for (let i = 0; i < 4000; i++) {
      const text = sources[i % sources.length]!;
      const start = Math.floor(next() * text.length);
      const kind = next();
      const end =
        kind < 0.5 ? start : Math.min(text.length, start + 1 + Math.floor(next() * (kind < 0.8 ? 2 : 40)));
      const edit = { start, end, text: kind < 0.9 ? typed[Math.floor(next() * typed.length)]! : '' };
      const changed = apply(text, edit);
      const incremental = reparseIncrementally(parseDefinition(text), edit, changed);
      if (!incremental) continue;
      accepted++;
      const full = parseDefinition(changed);
      const replay = `edit ${i}: ${JSON.stringify(edit)} at ${JSON.stringify(text.slice(Math.max(0, start - 20), start + 20))}`;
      assert.deepEqual(full.problems, [], `accepted an edit that a full parse rejects: ${replay}`);
      assert.deepEqual(incremental.yaml?.toJS(), full.yaml?.toJS(), replay);
      assert.deepEqual(shape(incremental.yaml!), shape(full.yaml!), replay);
    }
    assert.ok(accepted > 1000, `only ${accepted} of 3000 edits were re-parsed incrementally`);
  });

  it('stays equal to a full parse over 500 successive edits of one document', () => {
    const next = random(7);
    let text = generateDefinition(4);
    let parsed = parseDefinition(text);
    let accepted = 0;
    for (let i = 0; i < 500; i++) {
      // Type and delete inside values, as a person editing names and numbers does.
      const candidates = [...text.matchAll(/: ([A-Za-z0-9]+)/g)];
      const match = candidates[Math.floor(next() * candidates.length)]!;
      const at = match.index + 2 + Math.floor(next() * match[1]!.length);
      const edit = next() < 0.6 ? { start: at, end: at, text: 'x' } : { start: at, end: at + 1, text: '' };
      text = apply(text, edit);
      const incremental = reparseIncrementally(parsed, edit, text);
      if (incremental) accepted++;
      parsed = incremental ?? parseDefinition(text);
      const full = parseDefinition(text);
      assert.deepEqual(shape(parsed.yaml!), shape(full.yaml!), `after edit ${i}`);
      assert.deepEqual(parsed.yaml?.toJS(), full.yaml?.toJS(), `after edit ${i}`);
    }
    assert.ok(accepted > 400, `${accepted} of 500`);
  });
});
