import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Position, Range, SelectionRange } from 'vscode-languageserver-types';
import { getSelectionRanges } from '../../../server/src/service/selectionRanges';
import { baseline, vary } from '../fixture';
import { at, broken, cursor, open, sweep } from './cursor';

/** The text of each range of the chain at `|`, innermost first, checking that each strictly grows. */
function chain(source: string): string[] {
  const { text, position } = cursor(source);
  const { document, analysis } = open(text);
  const [selection] = getSelectionRanges(document, analysis, [position]);
  const texts: string[] = [];
  for (let s: SelectionRange | undefined = selection; s; s = s.parent) {
    if (s.parent)
      assert.ok(strictlyInside(s.range, s.parent.range), `not strictly inside: ${JSON.stringify(s.range)}`);
    texts.push(document.getText(s.range));
  }
  return texts;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function strictlyInside(inner: Range, outer: Range): boolean {
  const equal = JSON.stringify(inner) === JSON.stringify(outer);
  return !equal && before(outer.start, inner.start) && before(inner.end, outer.end);
}

const rootMap = baseline.trimEnd();
const vmsPair = baseline
  .slice(baseline.indexOf('virtualMachines:'), baseline.indexOf('guestCluster:'))
  .trimEnd();
const vmsSeq = vmsPair.slice(vmsPair.indexOf('- name: SQLVM01'));
const vm1Item = vmsSeq.slice(0, vmsSeq.indexOf('\n  - name: SQLVM02'));
const disksPair = baseline
  .slice(baseline.indexOf('sharedDisks:'), baseline.indexOf('virtualMachines:'))
  .trimEnd();
const guestPair = baseline.slice(baseline.indexOf('guestCluster:')).trimEnd();

describe('getSelectionRanges', () => {
  it('grows from a folder of a quoted path to the whole document', () => {
    const sqlData =
      "{ name: SqlData, path: 'C:\\ClusterStorage\\Volume1\\Shared\\SqlData.vhdx', sizeGB: 500, type: fixed }";
    assert.deepEqual(chain(at(baseline, 'Volume1\\Shared\\SqlData', 3)), [
      'Volume1',
      'C:\\ClusterStorage\\Volume1\\Shared\\SqlData.vhdx',
      "'C:\\ClusterStorage\\Volume1\\Shared\\SqlData.vhdx'",
      "path: 'C:\\ClusterStorage\\Volume1\\Shared\\SqlData.vhdx'",
      sqlData,
      `- ${sqlData}`,
      disksPair.slice(disksPair.indexOf('- ')),
      disksPair,
      rootMap,
      baseline,
    ]);
  });

  it('grows from a value through its pair, the mapping, the list item, the list', () => {
    const vm1Map = vm1Item.slice(2);
    assert.deepEqual(chain(at(baseline, 'preferredHost: HV01', 17)), [
      'HV01',
      'preferredHost: HV01',
      vm1Map,
      vm1Item,
      vmsSeq,
      vmsPair,
      rootMap,
      baseline,
    ]);
  });

  it('grows from a key, and from an item of a flow list', () => {
    const guestMap = guestPair.slice('guestCluster:\n  '.length);
    assert.deepEqual(chain(at(baseline, 'nodes: [SQLVM01', 2)), [
      'nodes',
      'nodes: [SQLVM01, SQLVM02]',
      guestMap,
      guestPair,
      rootMap,
      baseline,
    ]);
    assert.deepEqual(chain(at(baseline, 'SQLVM02]', 7)).slice(0, 3), [
      'SQLVM02',
      '[SQLVM01, SQLVM02]',
      'nodes: [SQLVM01, SQLVM02]',
    ]);
  });

  it('selects a word inside a scalar: a part of a hyphenated name stays whole, a file name splits at the dot', () => {
    const text = vary([['name: sql-prod', 'name: sql-pro|d']]);
    assert.deepEqual(chain(text), ['sql-prod', 'name: sql-prod', rootMap, baseline]);
    assert.deepEqual(chain(at(baseline, 'SqlData.vhdx', 3)).slice(0, 3), [
      'SqlData',
      'C:\\ClusterStorage\\Volume1\\Shared\\SqlData.vhdx',
      "'C:\\ClusterStorage\\Volume1\\Shared\\SqlData.vhdx'",
    ]);
  });

  it('answers each of several positions, with full LSP selection ranges', () => {
    const text = 'a: [x, "y z"]\n';
    const { document, analysis } = open(text);
    const range = (from: number, to: number): Range => ({
      start: document.positionAt(from),
      end: document.positionAt(to),
    });
    const whole: SelectionRange = { range: range(0, 14) };
    const map: SelectionRange = { range: range(0, 13), parent: whole };
    const seq: SelectionRange = { range: range(3, 13), parent: map };
    assert.deepEqual(
      getSelectionRanges(document, analysis, [document.positionAt(4), document.positionAt(11)]),
      [
        { range: range(4, 5), parent: seq },
        {
          range: range(10, 11),
          parent: { range: range(8, 11), parent: { range: range(7, 12), parent: seq } },
        },
      ],
    );
  });

  it('gives the enclosing mappings in a comment or between a key and its value', () => {
    const text = 'hostCluster:\n  name: X\n  # note|\n  os: Y\n';
    assert.deepEqual(chain(text), [
      'name: X\n  # note\n  os: Y',
      'hostCluster:\n  name: X\n  # note\n  os: Y',
      text.replace('|', ''),
    ]);
    assert.deepEqual(chain('a:|  b\n'), ['a:  b', 'a:  b\n']);
  });

  it('still works in a broken document, and on an empty one', () => {
    const text = broken(`virtualMachines:
  - name: VM1
     generation: 2
  - name: VM2
    sharedDisks: [Da|ta
`);
    const texts = chain(text);
    assert.equal(texts[0], 'Data');
    assert.equal(texts.at(-1), text.replace('|', ''));
    assert.deepEqual(chain('|'), ['']);
    assert.deepEqual(chain(broken('a: b: c|\n')).at(-1), 'a: b: c\n');
  });

  it('never throws, and always grows strictly up to the document, wherever the cursor is', () => {
    sweep((document, analysis, position) => {
      let selection: SelectionRange | undefined = getSelectionRanges(document, analysis, [position])[0];
      assert.ok(selection);
      const offset = document.offsetAt(position);
      const start = document.offsetAt(selection.range.start);
      assert.ok(start <= offset && offset <= document.offsetAt(selection.range.end), 'contains the cursor');
      for (; selection.parent; selection = selection.parent)
        assert.ok(strictlyInside(selection.range, selection.parent.range));
      assert.equal(document.getText(selection.range), document.getText());
    });
  });
});
