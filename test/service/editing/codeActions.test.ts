import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { service, validate, vary } from '../fixture';

const uri = 'file:///fix.gcluster.yaml';

function actionsFor(
  text: string,
  code: string,
): { document: TextDocument; diagnostic: Diagnostic; actions: CodeAction[] } {
  const document = TextDocument.create(uri, 'gcluster', 1, text);
  const parsed = service.parse(text);
  const diagnostic = service.doValidation(document, parsed).find((d) => d.code === code);
  assert.ok(diagnostic, `${code} is reported`);
  return { document, diagnostic, actions: service.getCodeActions(document, parsed, [diagnostic]) };
}

function apply(document: TextDocument, action: CodeAction): string {
  return TextDocument.applyEdits(document, action.edit?.changes?.[uri] ?? []);
}

/** Applies the titled fix and checks that the service then accepts the text for that rule. */
function fixes(text: string, code: string, title: RegExp): string {
  const { document, actions } = actionsFor(text, code);
  const action = actions.find((a) => title.test(a.title));
  assert.ok(action, `a fix titled ${title} among ${actions.map((a) => a.title).join(' | ')}`);
  const fixed = apply(document, action);
  const after = validate(fixed).filter((d) => d.code === code);
  assert.deepEqual(
    after.map((d) => d.message),
    [],
    `after "${action.title}":\n${fixed}`,
  );
  return fixed;
}

describe('quick fixes', () => {
  it('STOR001: changes a shared .vhd to .vhdx', () => {
    const fixed = fixes(vary([['SqlData.vhdx', 'SqlData.vhd']]), 'STOR001', /^Use a \.vhdx file/);
    assert.match(fixed, /Shared\\SqlData\.vhdx'/);
    assert.deepEqual(validate(fixed), []);
  });

  it('ATT001 and ATT002: SCSI and persistent reservations', () => {
    assert.deepEqual(validate(fixes(vary([['controller: scsi', 'controller: ide']]), 'ATT001', /SCSI/)), []);
    const pr = vary([['persistentReservations: true', 'persistentReservations: false']]);
    assert.deepEqual(validate(fixes(pr, 'ATT002', /persistent reservations/)), []);
  });

  it('TOPO001: adds a second host node', () => {
    const fixed = fixes(
      vary([['    - name: HV02\n    - name: HV03\n', '']]),
      'TOPO001',
      /^Add a second host node \(HV02\)$/,
    );
    assert.match(fixed, / {4}- name: HV01\n {4}- name: HV02\n {2}storage:/);
  });

  it('Q001: switches to an existing witness disk', () => {
    const fixed = fixes(
      vary([['quorum: { witness: disk, disk: Witness }', 'quorum: { witness: none }']]),
      'Q001',
      /^Add a disk witness \(Witness\)$/,
    );
    assert.match(fixed, /quorum: \{ witness: disk, disk: Witness \}/);
    assert.deepEqual(validate(fixed), []);
  });

  it('Q001: creates, attaches and names a witness disk when there is none', () => {
    const text = vary([
      [
        "  - { name: Witness, path: 'C:\\ClusterStorage\\Volume1\\Shared\\Witness.vhdx', sizeGB: 1, type: fixed }\n",
        '',
      ],
      [
        '      - { disk: Witness, controller: scsi, controllerNumber: 0, location: 2, persistentReservations: true }\n  - name: SQLVM02',
        '  - name: SQLVM02',
      ],
      [
        '      - SqlData\n      - { disk: Witness, controller: scsi, controllerNumber: 0, location: 2, persistentReservations: true }\nguestCluster',
        '      - SqlData\nguestCluster',
      ],
      ['quorum: { witness: disk, disk: Witness }', 'quorum:\n    witness: none'],
    ]);
    const fixed = fixes(text, 'Q001', /^Add a disk witness/);
    assert.deepEqual(
      validate(fixed).map((d) => `${String(d.code)} ${String(d.message)}`),
      [],
    );
    assert.match(fixed, /guestUse: witness \}/);
    assert.match(fixed, / {2}quorum:\n {4}witness: disk\n {4}disk: Witness\n/);
  });

  it('SCHEMA001: renames a misspelt key to the closest valid one', () => {
    const fixed = fixes(
      vary([
        [
          '    processors: 4\n    memory: { startupGB: 16 }\n    osDisk',
          '    procesors: 4\n    memory: { startupGB: 16 }\n    osDisk',
        ],
      ]),
      'SCHEMA001',
      /^Change to 'processors'$/,
    );
    assert.deepEqual(validate(fixed), []);
  });

  it('SCHEMA002: inserts a missing property with a placeholder, block and flow', () => {
    const block = fixes(
      vary([['  staticAddress: 10.0.10.50\n', '']]).replace('  domain: corp.contoso.com\n  nodes', '  nodes'),
      'SCHEMA002',
      /^Add 'domain'$/,
    );
    assert.match(block, / {2}quorum: \{ witness: disk, disk: Witness \}\n {2}domain: CHANGEME\n?$/);
    const flow = fixes(
      vary([[', sizeGB: 500, type: fixed }', ', type: fixed }']]),
      'SCHEMA002',
      /^Add 'sizeGB'$/,
    );
    assert.match(flow, /SqlData\.vhdx', type: fixed, sizeGB: 1 \}/);
  });

  it('offers, for every rule, a comment that disables it for the line or the file', () => {
    const text = vary([['SqlData.vhdx', 'SqlData.vhd']]);
    const line = fixes(text, 'STOR001', /^Disable STOR001 for this line$/);
    assert.match(line, /\n {2}# gcluster-disable-next-line STOR001\n {2}- \{ name: SqlData/);
    const file = fixes(text, 'STOR001', /^Disable STOR001 for this file$/);
    assert.match(file, /^# gcluster-disable STOR001\nversion: 1/);
    for (const code of ['TOPO001', 'NET001']) {
      const broken = vary([
        ['    - name: HV02\n    - name: HV03\n', ''],
        ['    - { name: Client, role: client }\n', ''],
      ]);
      fixes(broken, code, new RegExp(`^Disable ${code} for this line$`));
    }
  });

  it('removes its diagnostic, for every action on every diagnostic of the broken example', () => {
    const text = readFileSync(
      path.resolve(__dirname, '..', '..', '..', '..', 'examples', 'broken.gcluster.yaml'),
      'utf8',
    );
    const document = TextDocument.create(uri, 'gcluster', 1, text);
    const parsed = service.parse(text);
    const diagnostics = service.doValidation(document, parsed);
    assert.ok(diagnostics.length >= 14);
    let applied = 0;
    for (const diagnostic of diagnostics) {
      const count = (t: string) => validate(t).filter((d) => d.code === diagnostic.code).length;
      for (const action of service.getCodeActions(document, parsed, [diagnostic])) {
        const fixed = apply(document, action);
        assert.ok(count(fixed) < count(text), `"${action.title}" leaves every ${String(diagnostic.code)}`);
        applied++;
      }
    }
    assert.ok(applied >= diagnostics.length * 2);
  });
});
