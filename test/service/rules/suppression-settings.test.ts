import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectDiagnostics, expectNone, marked, rangeText, summarize, validate, vary } from '../fixture';
import { messageText } from './helpers';

const sqlDataPath = "'C:\\ClusterStorage\\Volume1\\Shared\\SqlData.vhdx'";
const witnessPath = "'C:\\ClusterStorage\\Volume1\\Shared\\Witness.vhdx'";
const sqlDataVhd = sqlDataPath.replace('.vhdx', '.vhd');
const witnessVhd = witnessPath.replace('.vhdx', '.vhd');
/** The baseline with its shared disk paths replaced: a .vhd is a STOR001 error. */
const vhds = (sqlData: string, witness: string) =>
  vary([
    [sqlDataPath, sqlData],
    [witnessPath, witness],
  ]);
const twoVhds = vhds(sqlDataVhd, witnessVhd);
const markedVhds = vhds(`«${sqlDataVhd}»`, `«${witnessVhd}»`);

/** STOR001 as reported on a text, with the given settings. */
const stor001 = (text: string, settings?: unknown) => summarize(validate(text, settings), 'STOR001');

describe('the gcluster.rules setting', () => {
  it('reports a rule at its default severity when not set', () => {
    expectDiagnostics(markedVhds, 'STOR001', 'error');
  });

  it("turns a rule off with 'off'", () => {
    assert.deepEqual(stor001(twoVhds, { rules: { STOR001: 'off' } }), []);
    assert.equal(stor001(twoVhds, { rules: { STOR002: 'off' } }).length, 2);
  });

  it('changes the severity, keeping the ranges', () => {
    const { text, ranges } = marked(markedVhds);
    for (const severity of ['warning', 'info', 'hint', 'error'])
      assert.deepEqual(
        stor001(text, { rules: { STOR001: severity } }),
        ranges.map((range) => `${rangeText(range)} STOR001 ${severity}`),
      );
  });

  it("raises a warning rule to an error, and accepts lower-case ids and 'information'", () => {
    const { text, ranges } = marked(
      vary([['quorum: { witness: disk, disk: Witness }', 'quorum: { witness: «none» }']]),
    );
    const range = rangeText(ranges[0]!);
    assert.deepEqual(summarize(validate(text), 'Q001'), [`${range} Q001 warning`]);
    assert.deepEqual(summarize(validate(text, { rules: { q001: 'Error' } }), 'Q001'), [
      `${range} Q001 error`,
    ]);
    assert.deepEqual(summarize(validate(text, { rules: { Q001: 'information' } }), 'Q001'), [
      `${range} Q001 info`,
    ]);
  });

  it('applies to structural codes too', () => {
    const text = vary([['    processors: 4\n', '    processors: 4\n    colour: blue\n']]);
    assert.equal(summarize(validate(text), 'SCHEMA001').length, 1);
    assert.deepEqual(summarize(validate(text, { rules: { SCHEMA001: 'off' } }), 'SCHEMA001'), []);
  });

  it('ignores values it does not know, and other rules', () => {
    const expected = stor001(twoVhds);
    assert.equal(expected.length, 2);
    assert.deepEqual(stor001(twoVhds, { rules: { STOR001: 'loud' } }), expected);
    assert.deepEqual(stor001(twoVhds, { rules: { STOR002: 'off', STOR001: 42 } }), expected);
    assert.deepEqual(stor001(twoVhds, 'not an object'), expected);
  });

  it('links each diagnostic to its rule page', () => {
    const [d] = validate(twoVhds).filter((diagnostic) => diagnostic.code === 'STOR001');
    assert.equal(d?.source, 'gcluster');
    assert.deepEqual(d?.codeDescription, { href: 'file:///docs/rules/STOR001.md' });
  });
});

describe('suppression comments', () => {
  const commentBefore = (line: string, comment: string, text: string) =>
    vary([[line, `${comment}\n${line}`]], text);
  const beforeSqlData = (comment: string, text: string) =>
    commentBefore('  - { name: SqlData', comment, text);

  it('gcluster-disable-next-line silences a rule on the next line only', () => {
    expectDiagnostics(
      beforeSqlData('  # gcluster-disable-next-line STOR001', vhds(sqlDataVhd, `«${witnessVhd}»`)),
      'STOR001',
      'error',
    );
  });

  it('leaves rules it does not name alone', () => {
    expectDiagnostics(
      beforeSqlData('  # gcluster-disable-next-line STOR002', markedVhds),
      'STOR001',
      'error',
    );
  });

  it('takes several ids, in any case, and a reason after --', () => {
    expectDiagnostics(
      beforeSqlData(
        '  # gcluster-disable-next-line NAME001, stor001 -- legacy disk, migrated next quarter',
        vhds(sqlDataVhd, `«${witnessVhd}»`),
      ),
      'STOR001',
      'error',
    );
  });

  it('skips blank and comment lines to find the next line', () => {
    expectDiagnostics(
      beforeSqlData(
        '  # gcluster-disable-next-line STOR001\n\n  # the SQL Server data disk',
        vhds(sqlDataVhd, `«${witnessVhd}»`),
      ),
      'STOR001',
      'error',
    );
  });

  it('silences every rule on the next line when it names none', () => {
    const text = beforeSqlData(
      '  # gcluster-disable-next-line',
      vary([['sizeGB: 500', 'sizeGB: 3000']], vhds(sqlDataVhd, `«${witnessVhd}»`)),
    );
    expectDiagnostics(text, 'STOR001', 'error');
    expectNone(text.replace(/[«»]/g, ''), 'STOR010');
  });

  it('gcluster-disable silences a rule in the whole file, wherever it stands', () => {
    expectNone(`# gcluster-disable STOR001\n${twoVhds}`, 'STOR001');
    expectNone(`${twoVhds}# gcluster-disable STOR001\n`, 'STOR001');
    expectDiagnostics(`# gcluster-disable STOR002\n${markedVhds}`, 'STOR001', 'error');
  });

  it('gcluster-disable with no id silences everything', () => {
    assert.notDeepEqual(validate(twoVhds), []);
    assert.deepEqual(validate(`# gcluster-disable\n${twoVhds}`), []);
  });

  it('needs the exact directive', () => {
    expectDiagnostics(`# gcluster-disabled STOR001\n${markedVhds}`, 'STOR001', 'error');
  });

  it('does not see a directive inside a quoted value or after a value', () => {
    const quoted = "name: sql-prod\ndescription: '# gcluster-disable STOR001'\n";
    expectDiagnostics(vary([['name: sql-prod\n', quoted]], markedVhds), 'STOR001', 'error');
    const [d] = expectDiagnostics(
      vary([['name: sql-prod\n', 'name: sql-prod # gcluster-disable STOR001\n']], markedVhds),
      'STOR001',
      'error',
    );
    assert.match(messageText(d), /is a \.vhd/);
  });

  it('does not see a directive on a continuation line of a quoted or block value', () => {
    const quoted = 'name: sql-prod\ndescription: "legacy\n  # gcluster-disable\n  notes"\n';
    expectDiagnostics(vary([['name: sql-prod\n', quoted]], markedVhds), 'STOR001', 'error');
    const block = 'name: sql-prod\ndescription: |\n  # gcluster-disable\n';
    expectDiagnostics(vary([['name: sql-prod\n', block]], markedVhds), 'STOR001', 'error');
  });
});
