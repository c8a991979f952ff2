import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  baseline,
  expectDiagnostics,
  expectNone,
  marked,
  rangeText,
  summarize,
  validate,
  vary,
} from '../fixture';
import { assertShownSafely, messageText } from './helpers';

describe('YAML001 syntax', () => {
  it('reports an unclosed quote at the end of its line', () => {
    const [d] = expectDiagnostics(vary([['name: sql-prod\n', "name: 'sql-prod«\n»"]]), 'YAML001', 'error');
    assert.equal(messageText(d), "YAML syntax: Missing closing 'quote");
  });

  it('reports a duplicate key where it repeats', () => {
    const [d] = expectDiagnostics(
      vary([['name: sql-prod\n', 'name: sql-prod\n«n»ame: again\n']]),
      'YAML001',
      'error',
    );
    assert.equal(messageText(d), 'This key appears twice in the same mapping; keep one.');
  });

  it('accepts the baseline', () => {
    expectNone(baseline, 'YAML001');
  });
});

describe('YAML002 one document', () => {
  it('reports a second document from its separator on', () => {
    const [d] = expectDiagnostics(`${baseline}«---\nversion: 1\n»`, 'YAML002', 'error');
    assert.match(messageText(d), /^A definition is one YAML document; this file has several/);
  });

  it('accepts a single document that starts with ---', () => {
    expectNone(`---\n${baseline}`, 'YAML002');
  });
});

describe('YAML003 limits', () => {
  it('refuses flow nesting deeper than 256 levels at the first bracket too many', () => {
    const text = `name: ${'['.repeat(256)}«[»${'['.repeat(43)}${']'.repeat(300)}\n`;
    const [d] = expectDiagnostics(text, 'YAML003', 'error');
    assert.match(messageText(d), /^Nesting deeper than 256 levels or indented more than 512 columns/);
    assert.equal(validate(marked(text).text).length, 1, 'a refused file gets no other diagnostic');
  });

  it('accepts 256 levels, and does not count brackets in quotes or comments', () => {
    expectNone(`name: ${'['.repeat(256)}${']'.repeat(256)}\n`, 'YAML003');
    expectNone(vary([['name: sql-prod', `name: '${'['.repeat(300)}' # ${'{'.repeat(300)}`]]), 'YAML003');
  });

  it('refuses indentation past 512 columns', () => {
    expectDiagnostics(`a:\n«${' '.repeat(513)}»${' '.repeat(87)}b: 1\n`, 'YAML003', 'error');
    expectNone(`a:\n${' '.repeat(512)}b: 1\n`, 'YAML003');
  });

  it('refuses an alias bomb at the start of the file', () => {
    const ten = (alias: string) => `[${Array(10).fill(alias).join(', ')}]`;
    const text = `«»a: &a ${ten('x')}\nb: &b ${ten('*a')}\nc: &c ${ten('*b')}\nd: ${ten('*c')}\n`;
    const [d] = expectDiagnostics(text, 'YAML003', 'error');
    assert.match(messageText(d), /Aliases expand to more than 1000 nodes/);
  });

  it('accepts a few aliases', () => {
    const text = vary([
      ['antiAffinityClassNames: [SqlGuestCluster]', 'antiAffinityClassNames: &classes [SqlGuestCluster]'],
      ['antiAffinityClassNames: [SqlGuestCluster]', 'antiAffinityClassNames: *classes'],
    ]);
    assert.deepEqual(validate(text), []);
  });

  it('refuses a file over gcluster.maxFileSizeMB on its first line', () => {
    const { text, ranges } = marked(`${vary([['version: 1', '«version: 1»']])}${'#'.repeat(200_000)}\n`);
    const diagnostics = validate(text, { maxFileSizeMB: 0.1 });
    assert.deepEqual(summarize(diagnostics), [`${rangeText(ranges[0]!)} YAML003 error`]);
    assert.match(
      messageText(diagnostics[0]),
      /^This file is 0.2 MB; definitions over 0.1 MB are not validated/,
    );
    expectNone(text, 'YAML003');
  });

  it('refuses a file over 5 MB by default', () => {
    const text = `${baseline}#${'x'.repeat(5 * 1024 * 1024)}\n`;
    assert.deepEqual(summarize(validate(text)), ['1:1-1:11 YAML003 error']);
  });
});

describe('SCHEMA001 unknown property', () => {
  it('suggests the property that was meant', () => {
    const [d] = expectDiagnostics(
      vary([['    processors: 4\n', '    «procesors»: 4\n']]),
      'SCHEMA001',
      'error',
    );
    assert.equal(
      messageText(d),
      "Unknown property 'procesors' in virtual machine 'SQLVM01'. Did you mean 'processors'?",
    );
    assert.deepEqual(d?.data, { property: 'procesors', suggestion: 'processors' });
  });

  it('suggests across case, in flow mappings and at the top level', () => {
    const diagnostics = expectDiagnostics(
      vary([
        ['name: sql-prod\n', 'name: sql-prod\n«descripton»: SQL Server\n'],
        ['  switch: ConvergedSwitch', '  «Switch»: ConvergedSwitch'],
        ['memory: { startupGB: 16 }', 'memory: { startupGB: 16, «dynamc»: true }'],
      ]),
      'SCHEMA001',
      'error',
    );
    assert.deepEqual(
      diagnostics.map((d) => d.data?.suggestion),
      ['description', 'switch', 'dynamic'],
    );
  });

  it('lists the known properties when nothing is close', () => {
    const [d] = expectDiagnostics(
      vary([['    processors: 4\n', '    processors: 4\n    «colour»: blue\n']]),
      'SCHEMA001',
      'error',
    );
    assert.match(
      messageText(d),
      /^Unknown property 'colour' in virtual machine 'SQLVM01'\. Known properties: name, computerName,/,
    );
    assert.deepEqual(d?.data, { property: 'colour' });
  });

  it('shows a hostile key escaped', () => {
    const [d] = expectDiagnostics(
      vary([['name: sql-prod\n', 'name: sql-prod\n«"x\\n$(rm -rf /)"»: 1\n']]),
      'SCHEMA001',
      'error',
    );
    assertShownSafely(messageText(d), "'x\\u000a$(rm -rf /)'");
  });

  it('accepts the baseline', () => {
    expectNone(baseline, 'SCHEMA001');
  });
});

describe('SCHEMA002 missing property', () => {
  it('reports a list item on its first key', () => {
    const [d] = expectDiagnostics(
      vary([
        ['  - { name: SqlData', '  - { «name»: SqlData'],
        [', sizeGB: 500', ''],
      ]),
      'SCHEMA002',
      'error',
    );
    assert.equal(messageText(d), "Shared disk 'SqlData' is missing 'sizeGB' (Size (GB)).");
  });

  it('reports a missing top-level section on the first key of the file', () => {
    const text = baseline.slice(0, baseline.indexOf('guestCluster:')).replace('version', '«version»');
    const [d] = expectDiagnostics(text, 'SCHEMA002', 'error');
    assert.equal(messageText(d), "The definition 'sql-prod' is missing 'guestCluster' (Guest cluster).");
  });

  it('reports what a choice requires on the key of its mapping', () => {
    const [witness] = expectDiagnostics(
      vary([['  quorum: { witness: disk, disk: Witness }', '  «quorum»: { witness: disk }']]),
      'SCHEMA002',
      'error',
    );
    assert.equal(messageText(witness), "The quorum is missing 'disk' (Witness disk).");
    const [sofs] = expectDiagnostics(
      vary([['  storage:\n    kind: csv', '  «storage»:\n    kind: sofs']]),
      'SCHEMA002',
      'error',
    );
    assert.match(messageText(sofs), /^The host storage is missing 'sofs'/);
  });

  it('accepts the baseline', () => {
    expectNone(baseline, 'SCHEMA002');
  });
});

describe('SCHEMA003 wrong type', () => {
  it('reports text where a whole number belongs', () => {
    const [d] = expectDiagnostics(vary([['processors: 4', 'processors: «four»']]), 'SCHEMA003', 'error');
    assert.equal(messageText(d), "Virtual processors must be a whole number; got 'four'.");
    expectDiagnostics(vary([['processors: 4', 'processors: «4.5»']]), 'SCHEMA003', 'error');
  });

  it('reports an empty value on its key', () => {
    const [d] = expectDiagnostics(
      vary([['    processors: 4\n', '    «processors»:\n']]),
      'SCHEMA003',
      'error',
    );
    assert.match(messageText(d), /got nothing\.$/);
  });

  it('reports a scalar where a list belongs', () => {
    const [d] = expectDiagnostics(
      vary([['  nodes: [SQLVM01, SQLVM02]', '  nodes: «SQLVM01»']]),
      'SCHEMA003',
      'error',
    );
    assert.equal(messageText(d), "Guest nodes must be a list; got 'SQLVM01'.");
  });

  it('accepts the baseline', () => {
    expectNone(baseline, 'SCHEMA003');
  });
});

describe('SCHEMA004 value not allowed', () => {
  it('lists the allowed values', () => {
    const [d] = expectDiagnostics(vary([['witness: disk', 'witness: «disc»']]), 'SCHEMA004', 'error');
    assert.equal(messageText(d), "Witness must be one of disk, fileShare, cloud, none; got 'disc'.");
  });

  it('states bounds, the format version and empty text', () => {
    const [min] = expectDiagnostics(vary([['processors: 4', 'processors: «0»']]), 'SCHEMA004', 'error');
    assert.equal(messageText(min), 'Virtual processors must be at least 1; got 0.');
    const [size] = expectDiagnostics(vary([['sizeGB: 500', 'sizeGB: «0»']]), 'SCHEMA004', 'error');
    assert.equal(messageText(size), 'Size (GB) must be more than 0; got 0.');
    const [version] = expectDiagnostics(vary([['version: 1', 'version: «2»']]), 'SCHEMA004', 'error');
    assert.equal(messageText(version), 'Format version must be 1; got 2.');
    const [empty] = expectDiagnostics(vary([['name: sql-prod', "name: «''»"]]), 'SCHEMA004', 'error');
    assert.equal(messageText(empty), 'Definition name must not be empty.');
  });

  it('shows a hostile value escaped', () => {
    const [d] = expectDiagnostics(
      vary([['witness: disk', 'witness: «"disk\\n$(rm -rf /)"»']]),
      'SCHEMA004',
      'error',
    );
    assertShownSafely(messageText(d), "got 'disk\\u000a$(rm -rf /)'.");
  });

  it('leaves values that a rule explains to that rule', () => {
    expectNone(vary([['    generation: 2', '    generation: 3']]), 'SCHEMA004');
    expectNone(vary([['  os: windowsServer2012R2', '  os: windowsServer2012']]), 'SCHEMA004');
    expectNone(baseline, 'SCHEMA004');
  });
});
