import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { RulesRequest, type RulesResult } from '../../server/src/protocol';
import { baseline, vary } from '../service/fixture';
import { ServerProcess } from './serverProcess';

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code));
let server: ServerProcess;
let nextId = 0;
const newUri = () => `file:///work/lsp-test-${++nextId}.gcluster.yaml`;

/** The line (0-based) of the first occurrence of `needle` in `text`. */
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;

describe('language server over stdio', () => {
  before(async () => {
    const started = await ServerProcess.start();
    server = started.server;
    assert.equal(
      started.result.capabilities.textDocumentSync &&
        typeof started.result.capabilities.textDocumentSync === 'object'
        ? started.result.capabilities.textDocumentSync.change
        : undefined,
      2,
      'incremental sync',
    );
  });
  afterEach(() => server.closeAll());
  after(() => server.stop());

  it('publishes no diagnostics for a clean definition', async () => {
    assert.deepEqual(await server.open(newUri(), baseline), []);
  });

  it('reports STOR001 on the line of a .vhd shared disk', async () => {
    const text = vary([['Shared\\SqlData.vhdx', 'Shared\\SqlData.vhd']]);
    const diagnostics = await server.open(newUri(), text);
    const stor001 = diagnostics.filter((d) => d.code === 'STOR001');
    assert.equal(stor001.length, 1);
    assert.equal(stor001[0]!.range.start.line, lineOf(text, 'SqlData.vhd'));
    assert.equal(stor001[0]!.severity, 1);
    assert.match(stor001[0]!.codeDescription?.href ?? '', /docs\/rules\/STOR001\.md$/);
  });

  it('links every diagnostic to a rule document that exists', async () => {
    const diagnostics = await server.open(newUri(), vary([['    - name: HV02\n    - name: HV03\n', '']]));
    assert.ok(diagnostics.length > 0);
    for (const diagnostic of diagnostics) {
      const href = diagnostic.codeDescription?.href;
      assert.ok(
        href && existsSync(fileURLToPath(href)),
        `documentation of ${String(diagnostic.code)} at ${href}`,
      );
    }
  });

  it('reports TOPO001 for a single host node, on the nodes key', async () => {
    const text = vary([['    - name: HV02\n    - name: HV03\n', '']]);
    const diagnostics = await server.open(newUri(), text);
    const topo001 = diagnostics.find((d) => d.code === 'TOPO001');
    assert.ok(topo001, `TOPO001 in ${codes(diagnostics).join(', ')}`);
    assert.deepEqual(topo001.range, { start: { line: 6, character: 2 }, end: { line: 6, character: 7 } });
  });

  it('reports ATT001 for a shared disk attached on IDE, and clears it when an edit fixes it', async () => {
    const uri = newUri();
    const text = vary([['{ disk: Witness, controller: scsi', '{ disk: Witness, controller: ide']]);
    const diagnostics = await server.open(uri, text);
    const att001 = diagnostics.filter((d) => d.code === 'ATT001');
    assert.equal(att001.length, 1);
    const range = att001[0]!.range;
    assert.equal(range.start.line, lineOf(text, 'controller: ide'));
    // Replace just "ide" with "scsi", as the editor sends it: an incremental change.
    const fixed = await server.change(uri, 2, [{ range, text: 'scsi' }]);
    assert.deepEqual(codes(fixed), []);
  });

  it('clears STOR001 and TOPO001 when a whole-text change fixes them', async () => {
    const uri = newUri();
    const broken = vary([
      ['Shared\\SqlData.vhdx', 'Shared\\SqlData.vhd'],
      ['    - name: HV02\n    - name: HV03\n', ''],
    ]);
    const before = codes(await server.open(uri, broken));
    assert.ok(before.includes('STOR001') && before.includes('TOPO001'), before.join(', '));
    assert.deepEqual(await server.change(uri, 2, [{ text: baseline }]), []);
  });

  it('drops a rule set to off in the settings, and brings it back', async () => {
    const uri = newUri();
    const text = vary([['Shared\\SqlData.vhdx', 'Shared\\SqlData.vhd']]);
    assert.ok(codes(await server.open(uri, text)).includes('STOR001'));
    let published = server.nextDiagnostics(uri, (p) => !codes(p.diagnostics).includes('STOR001'));
    await server.configure({ rules: { STOR001: 'off' } });
    assert.deepEqual(codes((await published).diagnostics), []);
    published = server.nextDiagnostics(uri, (p) => codes(p.diagnostics).includes('STOR001'));
    await server.configure({ rules: { STOR001: 'warning' } });
    const again = (await published).diagnostics.find((d) => d.code === 'STOR001');
    assert.equal(again?.severity, 2);
    await server.configure({});
  });

  it('clears the diagnostics of a closed document', async () => {
    const uri = newUri();
    assert.ok((await server.open(uri, vary([['Shared\\SqlData.vhdx', 'Shared\\SqlData.vhd']]))).length > 0);
    assert.deepEqual(await server.close(uri), []);
  });

  it('answers gcluster/rules with every code and its documentation', async () => {
    const result = (await server.connection.sendRequest(RulesRequest.method)) as RulesResult;
    const ids = result.rules.map((rule) => rule.id);
    for (const id of ['STOR001', 'TOPO001', 'ATT001', 'Q005', 'SCHEMA001', 'YAML001'])
      assert.ok(ids.includes(id), id);
    assert.ok(result.rules.every((rule) => existsSync(fileURLToPath(rule.documentation))));
  });
});
