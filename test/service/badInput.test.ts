import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-types';
import { hostileInputs } from '../fixtures/hostileInputs';
import { baseline, messageOf, validate, vary } from './fixture';

/** Validates and also measures, so that every hostile input is shown to finish promptly. */
function timed(text: string, settings?: unknown): { diagnostics: Diagnostic[]; ms: number } {
  const started = performance.now();
  const diagnostics = validate(text, settings);
  return { diagnostics, ms: performance.now() - started };
}

const codes = (diagnostics: Diagnostic[]) => [...new Set(diagnostics.map((d) => String(d.code)))];

describe('bad input', () => {
  it('reports malformed YAML as YAML001 on the bad spot', () => {
    const { diagnostics } = timed(hostileInputs['malformed YAML']!());
    assert.ok(codes(diagnostics).includes('YAML001'), codes(diagnostics).join());
  });

  it('explains tabs', () => {
    const { diagnostics } = timed(hostileInputs['tabs']!());
    assert.ok(diagnostics.some((d) => d.code === 'YAML001' && /tabs/.test(messageOf(d))));
  });

  it('names a duplicate key', () => {
    const { diagnostics } = timed(hostileInputs['duplicate keys']!());
    const duplicate = diagnostics.find((d) => d.code === 'YAML001');
    assert.match(duplicate ? messageOf(duplicate) : '', /appears twice/);
    assert.equal(duplicate?.range.start.line, 2);
  });

  it('says what an empty file lacks', () => {
    const { diagnostics } = timed('');
    assert.deepEqual(codes(diagnostics), ['SCHEMA003']);
    assert.match(messageOf(diagnostics[0]!), /mapping/);
  });

  it('reports several documents as YAML002, not a crash', () => {
    const { diagnostics } = timed(`${baseline}---\n${baseline}`);
    assert.ok(codes(diagnostics).includes('YAML002'));
  });

  it('survives binary junk with a bounded number of diagnostics', () => {
    const { diagnostics, ms } = timed(hostileInputs['binary junk']!());
    assert.ok(diagnostics.length > 0 && diagnostics.length <= 1001);
    assert.ok(ms < 5000, `${ms} ms`);
  });

  it('refuses a 10 MB file at once with YAML003', () => {
    const { diagnostics, ms } = timed(hostileInputs['a 10 MB file']!());
    assert.deepEqual(codes(diagnostics), ['YAML003']);
    assert.match(messageOf(diagnostics[0]!), /10\.0 MB; definitions over 5\.0 MB are not validated/);
    assert.ok(ms < 1000, `${ms} ms`);
    // The limit is a setting: raised, the same file is read.
    assert.ok(
      !codes(timed(hostileInputs['a 10 MB file']!(), { maxFileSizeMB: 20 }).diagnostics).includes('YAML003'),
    );
  });

  it('refuses an alias bomb with YAML003', () => {
    const { diagnostics, ms } = timed(hostileInputs['an alias bomb']!());
    assert.deepEqual(codes(diagnostics), ['YAML003']);
    assert.match(messageOf(diagnostics[0]!), /billion laughs/);
    assert.ok(ms < 1000, `${ms} ms`);
  });

  for (const name of ['10,000 levels of flow nesting', '10,000 levels of block nesting']) {
    it(`refuses ${name} with YAML003`, () => {
      const { diagnostics, ms } = timed(hostileInputs[name]!());
      assert.deepEqual(codes(diagnostics), ['YAML003']);
      assert.ok(ms < 1000, `${ms} ms`);
    });
  }

  it('reports wrong types everywhere as SCHEMA003 on each value', () => {
    const { diagnostics } = timed(hostileInputs['wrong types everywhere']!());
    const types = diagnostics.filter((d) => d.code === 'SCHEMA003').map((d) => d.range.start.line);
    assert.deepEqual(types, [1, 2, 3, 4, 5]);
    assert.ok(diagnostics.some((d) => d.code === 'SCHEMA004' && d.range.start.line === 0));
  });

  it('quotes hostile names so that they can neither break lines nor read as code', () => {
    const text = vary([
      ['  - name: SQLVM02\n', '  - name: "SQL$(rm -rf /)`id`\\nInjected: yes"\n'],
      ['nodes: [SQLVM01, SQLVM02]', 'nodes: [SQLVM01, "SQL$(rm -rf /)`id`\\nInjected: yes"]'],
      ['  name: HVCLUS01', '  name: "HV\\u202eCLUS\'\\""'],
    ]);
    const { diagnostics } = timed(text);
    assert.ok(diagnostics.length > 0);
    for (const diagnostic of diagnostics)
      assert.ok(!/[\n\r\u202e]/.test(messageOf(diagnostic)), messageOf(diagnostic));
    const name = diagnostics.find((d) => d.code === 'NAME002' && messageOf(d).includes('$(rm -rf /)'));
    assert.ok(name, diagnostics.map((d) => `${String(d.code)} ${messageOf(d)}`).join('\n'));
    assert.match(messageOf(name), /\\u000aInjected/);
  });
});
