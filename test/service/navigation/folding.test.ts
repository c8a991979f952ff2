import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import { getFoldingRanges } from '../../../server/src/service/folding';
import { baseline } from '../fixture';
import { broken, open, sweepTexts } from './cursor';

/** Folding ranges as `start-end` (0-based lines), `#` marking comment ranges. */
function folds(text: string): string[] {
  const { document, analysis } = open(text);
  const ranges = getFoldingRanges(document, analysis);
  assertWellFormed(ranges);
  return ranges.map((r) => `${r.startLine}-${r.endLine}${r.kind === FoldingRangeKind.Comment ? '#' : ''}`);
}

function assertWellFormed(ranges: readonly FoldingRange[]): void {
  for (const range of ranges) assert.ok(range.endLine > range.startLine, `one-line range ${range.startLine}`);
  const starts = ranges.map((range) => range.startLine);
  assert.deepEqual(
    starts,
    [...new Set(starts)].sort((a, b) => a - b),
    'one range per start line, in order',
  );
}

describe('getFoldingRanges', () => {
  it('folds every multi-line mapping and sequence of the baseline from its key or dash', () => {
    assert.deepEqual(folds(baseline), [
      '2-17', // hostCluster
      '6-9', // nodes
      '10-13', // storage
      '12-13', // volumes
      '14-16', // networks
      '18-20', // sharedDisks
      '21-43', // virtualMachines
      '22-32', // - name: SQLVM01
      '30-32', // its sharedDisks
      '33-43', // - name: SQLVM02
      '41-43', // its sharedDisks
      '44-49', // guestCluster
    ]);
  });

  it('returns full LSP folding ranges', () => {
    const { document, analysis } = open('a:\n  b: 1\n# one\n# two\n');
    assert.deepEqual(getFoldingRanges(document, analysis), [
      { startLine: 0, endLine: 1 },
      { startLine: 2, endLine: 3, kind: 'comment' },
    ]);
  });

  it('folds runs of comment lines, not a lone comment nor comments after values', () => {
    const text = `# A definition
# in two lines
version: 1 # trailing
hostCluster:
  # one alone

  # two
    # indented
  name: X
# last
`;
    assert.deepEqual(folds(text), ['0-1#', '3-8', '6-7#']);
  });

  it('folds a flow mapping written over several lines, from its dash', () => {
    const text = `sharedDisks:
  - {
      name: Witness,
      sizeGB: 1,
    }
  - { name: Data }
`;
    assert.deepEqual(folds(text), ['0-5', '1-4']);
  });

  it('does not take # lines inside a block scalar for comments', () => {
    const text = `description: |
  # not a comment
  # text
name: x
`;
    assert.deepEqual(folds(text), []);
  });

  it('counts lines as the editor does with CRLF line ends', () => {
    assert.deepEqual(folds('# a\r\n# b\r\nhostCluster:\r\n  name: X\r\n  os: Y\r\n'), ['0-1#', '2-4']);
  });

  it('never folds one line, and gives nothing to fold in a one-line or empty text', () => {
    assert.deepEqual(folds('hostCluster: { name: X, nodes: [a, b] }\n'), []);
    assert.deepEqual(folds(''), []);
    assert.deepEqual(folds('# only\n'), []);
  });

  it('folds what a broken document still has', () => {
    const text = broken(`hostCluster:
  nodes:
    - name: HV01
   - name: HV02
  stor
# a
# b
virtualMachines:
  - name: VM1
     generation: 2
  - name: VM2
    sharedDisks: [Data
`);
    // The misplaced `- name: HV02` ends the nodes list, and `stor` is lost to the error.
    assert.deepEqual(folds(text), ['0-3', '1-2', '5-6#', '7-11', '8-9', '10-11']);
    assert.deepEqual(folds(broken('a: [1,\n  2\nb: {\n')), ['0-1']);
  });

  it('never throws, and stays well formed, on half-typed and misindented texts', () => {
    for (const text of sweepTexts()) folds(text);
  });
});
