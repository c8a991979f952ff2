import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import type { Analysis } from '../../../server/src/service/analysis';
import { baseline, service } from '../fixture';

export const uri = 'file:///fixture.gcluster.yaml';

/**
 * Strips the one `|` cursor marker from a fixture and says where it stood, so that a test shows
 * the cursor right inside the YAML it navigates. Fixtures contain no other `|` (a block scalar
 * indicator would be ambiguous); `cursor` fails loudly when there is not exactly one.
 */
export function cursor(textWithBar: string): { text: string; offset: number; position: Position } {
  const offset = textWithBar.indexOf('|');
  assert.ok(offset >= 0, 'the fixture has no | cursor marker');
  assert.equal(textWithBar.indexOf('|', offset + 1), -1, 'the fixture has more than one | cursor marker');
  const text = textWithBar.slice(0, offset) + textWithBar.slice(offset + 1);
  return { text, offset, position: TextDocument.create(uri, 'gcluster', 1, text).positionAt(offset) };
}

/**
 * Like `cursor`, and also strips `«` and `»` markers and returns the ranges they enclose (in
 * document order), so that a test marks the results it expects right inside its fixture.
 */
export function markers(source: string): { text: string; position: Position; ranges: Range[] } {
  let text = '';
  let offset = -1;
  const open: number[] = [];
  const spans: [number, number][] = [];
  for (const ch of source) {
    if (ch === '|') {
      assert.equal(offset, -1, 'the fixture has more than one | cursor marker');
      offset = text.length;
    } else if (ch === '«') open.push(text.length);
    else if (ch === '»') spans.push([open.pop()!, text.length]);
    else text += ch;
  }
  assert.ok(offset >= 0, 'the fixture has no | cursor marker');
  const document = TextDocument.create(uri, 'gcluster', 1, text);
  const ranges = spans
    .sort((a, b) => a[0] - b[0])
    .map(([start, end]) => ({ start: document.positionAt(start), end: document.positionAt(end) }));
  return { text, position: document.positionAt(offset), ranges };
}

/** The document and the service's analysis of a text, as a host would pass them to a feature. */
export function open(text: string): { document: TextDocument; analysis: Analysis } {
  return {
    document: TextDocument.create(uri, 'gcluster', 1, text),
    analysis: service.analyze(service.parse(text)),
  };
}

/** Returns a fixture after checking that it really is broken YAML (without its markers). */
export function broken(source: string): string {
  const text = source.replace(/[|«»]/g, '');
  assert.ok(service.parse(text).problems.length > 0, `expected YAML problems in:\n${text}`);
  return source;
}

/** Places `|` before the `occurrence`-th (0-based) appearance of `needle`, plus `shift` characters. */
export function at(text: string, needle: string, shift = 0, occurrence = 0): string {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    assert.ok(index >= 0, `fixture does not contain ${JSON.stringify(needle)} ${occurrence + 1} times`);
  }
  return text.slice(0, index + shift) + '|' + text.slice(index + shift);
}

/**
 * A small definition with one thing of every kind that can be referred to, each referred to in
 * several ways: plain and quoted, short and long attachments, another case, a plain path.
 */
export const nav = `version: 1
name: nav
hostCluster:
  name: HVCLUS01
  nodes:
    - name: HV01
    - name: HV02
  storage:
    kind: csv
    volumes:
      - { name: Volume1, path: 'C:\\ClusterStorage\\Volume1' }
sharedDisks:
  - { name: SqlData, path: 'C:\\ClusterStorage\\Volume1\\Shared\\SqlData.vhdx' }
  - name: Witness
    path: C:\\ClusterStorage\\Volume1\\Shared\\Witness.vhdx
virtualMachines:
  - name: SQLVM01
    osDisk: { path: 'C:\\ClusterStorage\\Volume1\\SQLVM01\\os.vhdx' }
    preferredHost: HV01
    sharedDisks:
      - SqlData
      - { disk: Witness, controller: scsi }
  - name: 'SQLVM02'
    preferredHost: hv02
    sharedDisks: [SqlData, "Witness"]
guestCluster:
  name: SQLCLUS01
  nodes: [SQLVM01, sqlvm02]
  quorum: { witness: disk, disk: Witness }
`;

/**
 * Texts to run a feature over at many offsets: the fixtures, and the baseline cut at every few
 * characters (a half-typed line) or shifted by one space from some line on (wrong indentation).
 */
export function sweepTexts(): string[] {
  const texts = [baseline, nav, ''];
  for (let end = 1; end < baseline.length; end += 53) texts.push(baseline.slice(0, end));
  const lines = baseline.split('\n');
  for (let from = 3; from < lines.length; from += 7) {
    texts.push([...lines.slice(0, from), ...lines.slice(from).map((line) => ` ${line}`)].join('\n'));
  }
  return texts;
}

/** Runs `feature` at every few offsets of every sweep text; it must not throw. */
export function sweep(
  feature: (document: TextDocument, analysis: Analysis, position: Position) => void,
): void {
  for (const text of sweepTexts()) {
    const { document, analysis } = open(text);
    for (let offset = 0; offset <= text.length; offset += 3) {
      const position = document.positionAt(offset);
      assert.doesNotThrow(() => feature(document, analysis, position), `at ${offset} of:\n${text}`);
    }
  }
}
