import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baseline, expectDiagnostics, marked, validate, vary } from './fixture';

describe('the baseline fixture', () => {
  it('is a definition with no diagnostics at all', () => {
    assert.deepEqual(validate(baseline), []);
  });

  it('marks ranges with « and »', () => {
    const { text, ranges } = marked('a: «b»\nc: «d»');
    assert.equal(text, 'a: b\nc: d');
    assert.deepEqual(ranges[1], { start: { line: 1, character: 3 }, end: { line: 1, character: 4 } });
  });

  it('finds a diagnostic on the marked range and fails on any other', () => {
    expectDiagnostics(
      vary([
        [
          "'C:\\ClusterStorage\\Volume1\\Shared\\SqlData.vhdx'",
          "«'C:\\ClusterStorage\\Volume1\\Shared\\SqlData.vhd'»",
        ],
      ]),
      'STOR001',
      'error',
    );
    assert.throws(() =>
      expectDiagnostics(baseline.replace('SqlData.vhdx', '«SqlData.vhd»'), 'STOR001', 'error'),
    );
  });
});
