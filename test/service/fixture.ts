import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Range } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/service/languageService';
import { normalizeSettings, type ValidationSettings } from '../../server/src/service/settings';

export const service = createLanguageService({ ruleDocsBaseUri: 'file:///docs/rules/' });

/**
 * Strips `«` and `»` markers from a fixture and returns the ranges they enclosed, so that a test
 * states the exact range it expects right inside the YAML it validates.
 */
export function marked(source: string): { text: string; ranges: Range[] } {
  let text = '';
  const ranges: Range[] = [];
  const open: number[] = [];
  const offsets: [number, number][] = [];
  for (const ch of source) {
    if (ch === '«') open.push(text.length);
    else if (ch === '»') offsets.push([open.pop()!, text.length]);
    else text += ch;
  }
  const document = TextDocument.create('file:///fixture.gcluster.yaml', 'gcluster', 1, text);
  for (const [start, end] of offsets.sort((a, b) => a[0] - b[0])) {
    ranges.push({ start: document.positionAt(start), end: document.positionAt(end) });
  }
  return { text, ranges };
}

export function validate(text: string, settings?: unknown): Diagnostic[] {
  const normalized: ValidationSettings = normalizeSettings(settings ?? {});
  const document = TextDocument.create('file:///fixture.gcluster.yaml', 'gcluster', 1, text);
  return service.doValidation(document, service.parse(text, normalized), normalized);
}

const severityNames = ['', 'error', 'warning', 'info', 'hint'];

/** "3:5-3:9 STOR001 error" — one line per diagnostic, easy to compare and to read in a failure. */
export function summarize(diagnostics: readonly Diagnostic[], code?: string): string[] {
  return diagnostics
    .filter((d) => code === undefined || d.code === code)
    .map((d) => `${rangeText(d.range)} ${String(d.code)} ${severityNames[d.severity ?? 0]}`);
}

export function rangeText(range: Range): string {
  return `${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1}`;
}

/**
 * Validates a fixture and asserts that `code` is reported exactly on the marked ranges, with
 * the given severity, and nowhere else.
 */
export function expectDiagnostics(source: string, code: string, severity: string): Diagnostic[] {
  const { text, ranges } = marked(source);
  const diagnostics = validate(text);
  assert.deepEqual(
    summarize(diagnostics, code),
    ranges.map((range) => `${rangeText(range)} ${code} ${severity}`),
    `diagnostics for ${code}:\n${diagnostics.map((d) => `  ${rangeText(d.range)} ${String(d.code)}: ${d.message}`).join('\n')}`,
  );
  return diagnostics.filter((d) => d.code === code);
}

/** Asserts that a fixture gets no diagnostic with `code`. */
export function expectNone(text: string, code: string): void {
  expectDiagnostics(text, code, 'any');
}

/** A complete definition with no problem at all, for tests to vary one thing at a time. */
export const baseline = `version: 1
name: sql-prod
hostCluster:
  name: HVCLUS01
  domain: corp.contoso.com
  os: windowsServer2012R2
  nodes:
    - name: HV01
    - name: HV02
    - name: HV03
  storage:
    kind: csv
    volumes:
      - { name: Volume1, path: 'C:\\ClusterStorage\\Volume1', capacityGB: 2048 }
  networks:
    - { name: Cluster, role: cluster }
    - { name: Client, role: client }
  switch: ConvergedSwitch
sharedDisks:
  - { name: SqlData, path: 'C:\\ClusterStorage\\Volume1\\Shared\\SqlData.vhdx', sizeGB: 500, type: fixed }
  - { name: Witness, path: 'C:\\ClusterStorage\\Volume1\\Shared\\Witness.vhdx', sizeGB: 1, type: fixed }
virtualMachines:
  - name: SQLVM01
    generation: 2
    guestOs: windowsServer2012R2
    processors: 4
    memory: { startupGB: 16 }
    osDisk: { path: 'C:\\ClusterStorage\\Volume1\\SQLVM01\\os.vhdx', sizeGB: 60 }
    preferredHost: HV01
    antiAffinityClassNames: [SqlGuestCluster]
    sharedDisks:
      - SqlData
      - { disk: Witness, controller: scsi, controllerNumber: 0, location: 2, persistentReservations: true }
  - name: SQLVM02
    generation: 2
    guestOs: windowsServer2012R2
    processors: 4
    memory: { startupGB: 16 }
    osDisk: { path: 'C:\\ClusterStorage\\Volume1\\SQLVM02\\os.vhdx', sizeGB: 60 }
    preferredHost: HV02
    antiAffinityClassNames: [SqlGuestCluster]
    sharedDisks:
      - SqlData
      - { disk: Witness, controller: scsi, controllerNumber: 0, location: 2, persistentReservations: true }
guestCluster:
  name: SQLCLUS01
  domain: corp.contoso.com
  staticAddress: 10.0.10.50
  nodes: [SQLVM01, SQLVM02]
  quorum: { witness: disk, disk: Witness }
`;

/** The baseline with one exact piece of text replaced; fails loudly if the piece is not there. */
export function vary(replacements: readonly [string, string][], source = baseline): string {
  let text = source;
  for (const [from, to] of replacements) {
    assert.ok(text.includes(from), `fixture does not contain ${JSON.stringify(from)}`);
    text = text.replace(from, to);
  }
  return text;
}

/** A diagnostic's message as text (LSP allows Markdown content there too; this service sends text). */
export function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}
