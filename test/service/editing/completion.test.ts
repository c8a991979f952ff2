import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem } from 'vscode-languageserver-types';
import { service, validate, vary } from '../fixture';
import { expandSnippet } from '../snippetText';
import { cursor } from './cursor';

function complete(source: string): CompletionItem[] {
  const { text, position, document } = cursor(source);
  return service.doComplete(document, service.parse(text), position).items;
}

const labels = (items: CompletionItem[]) => items.map((item) => item.label);
const edit = (item: CompletionItem | undefined) =>
  item?.textEdit && 'range' in item.textEdit ? item.textEdit : undefined;

/** Applies a completion's text, with snippet placeholders replaced by their defaults, as accepting it would. */
function accept(source: string, label: string): string {
  const { text, document } = cursor(source);
  const item = service
    .doComplete(document, service.parse(text), cursor(source).position)
    .items.find((i) => i.label === label);
  const textEdit = edit(item);
  assert.ok(textEdit, `no completion ${label}`);
  const inserted = expandSnippet(textEdit.newText);
  return (
    text.slice(0, document.offsetAt(textEdit.range.start)) +
    inserted +
    text.slice(document.offsetAt(textEdit.range.end))
  );
}

const inVm = (line: string) => vary([['    preferredHost: HV02\n', `    preferredHost: HV02\n${line}\n`]]);

describe('completion', () => {
  it('offers the keys of a VM that it does not have yet, required ones first', () => {
    const items = complete(inVm('    |'));
    const keys = labels(items);
    assert.ok(!keys.includes('name') && !keys.includes('generation'), 'present keys are not offered');
    assert.ok(keys.includes('computerName') && keys.includes('replication'));
    const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.equal(sorted.find((item) => item.label === 'highlyAvailable')?.sortText?.[0], '2');
    assert.match(
      String((items.find((i) => i.label === 'checkpoints')?.documentation as { value: string }).value),
      /Checkpoints are \*\*not supported\*\*/,
    );
  });

  it('puts required keys first and gives each a value skeleton', () => {
    const items = complete('version: 1\n|');
    const first = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''))[0];
    assert.equal(first?.sortText?.[0], '1');
    assert.equal(
      edit(items.find((i) => i.label === 'hostCluster'))?.newText,
      'hostCluster:\n  name: ${1}\n  domain: ${2}\n  os: ${3}\n  nodes: ${4}\n  storage: ${5}',
    );
    assert.ok(!labels(items).includes('version'));
  });

  it('offers enum values with their descriptions, and booleans', () => {
    const os = complete(inVm('    checkpoints: |'));
    assert.deepEqual(labels(os), ['disabled', 'standard', 'production', 'productionOnly']);
    assert.match(String((os[0]!.documentation as { value: string }).value), /shared `.vhdx` needs/);
    assert.deepEqual(labels(complete(inVm('    hostBackup: |'))), ['true', 'false']);
    assert.deepEqual(
      labels(complete(inVm('    generation: |').replace('    generation: 2\n', ''))).slice(0, 2),
      ['1', '2'],
    );
  });

  it('offers the VM names not yet in guestCluster.nodes', () => {
    const text = vary([
      ['guestCluster:', `  - name: SQLVM03\n    generation: 2\nguestCluster:`],
      ['nodes: [SQLVM01, SQLVM02]', 'nodes: [SQLVM01, |]'],
    ]);
    const items = complete(text);
    // SQLVM01 is listed already; SQLVM02 was taken out of the list where the cursor is.
    assert.deepEqual(labels(items), ['SQLVM02', 'SQLVM03']);
    assert.match(String(items[0]!.detail), /Gen 2/);
  });

  it('offers the shared disks a VM has not attached yet, in the block and the flow form', () => {
    const block = vary([
      [
        '      - SqlData\n      - { disk: Witness, controller: scsi, controllerNumber: 0, location: 2, persistentReservations: true }\n  - name: SQLVM02',
        '      - |\n  - name: SQLVM02',
      ],
    ]);
    assert.ok(labels(complete(block)).includes('SqlData'));
    const flow = vary([
      [
        '    sharedDisks:\n      - SqlData\n      - { disk: Witness, controller: scsi, controllerNumber: 0, location: 2, persistentReservations: true }\n  - name: SQLVM02',
        '    sharedDisks: [SqlData, |]\n  - name: SQLVM02',
      ],
    ]);
    assert.deepEqual(labels(complete(flow)), ['Witness']);
    const longForm = vary([['{ disk: Witness, controller: scsi', '{ disk: |, controller: scsi']]);
    assert.deepEqual(labels(complete(longForm)), ['Witness']);
  });

  it('offers host node names for preferredHost and disk names for the witness', () => {
    assert.deepEqual(labels(complete(vary([['preferredHost: HV01', 'preferredHost: |']]))), [
      'HV01',
      'HV02',
      'HV03',
    ]);
    assert.deepEqual(labels(complete(vary([['disk: Witness }', 'disk: | }']]))), ['SqlData', 'Witness']);
  });

  it('offers the declared volumes as the start of a disk path', () => {
    const items = complete(vary([["path: 'C:\\ClusterStorage\\Volume1\\SQLVM01\\os.vhdx'", "path: '|"]]));
    assert.deepEqual(labels(items), ['C:\\ClusterStorage\\Volume1\\']);
    assert.equal(edit(items[0])?.newText, "'C:\\ClusterStorage\\Volume1\\");
  });

  it('offers a whole new VM with the next free name and every shared disk attached, which validates', () => {
    const source = vary([
      ['guestCluster:', '  - |\nguestCluster:'],
      ['nodes: [SQLVM01, SQLVM02]', 'nodes: [SQLVM01, SQLVM02, SQLVM03]'],
    ]);
    const text = accept(source, 'New virtual machine');
    assert.match(text, / {2}- name: SQLVM03\n {4}generation: 2\n/);
    assert.match(
      text,
      / {4}osDisk: \{ path: 'C:\\ClusterStorage\\Volume1\\SQLVM03\\os\.vhdx', sizeGB: 60 \}/,
    );
    assert.match(text, / {4}preferredHost: HV03\n/);
    assert.match(text, / {4}sharedDisks: \[SqlData, Witness\]/);
    assert.deepEqual(
      validate(text).map((d) => `${String(d.code)} ${String(d.message)}`),
      [],
    );
  });

  it('offers a new shared disk and a new host node', () => {
    const disk = accept(vary([['sharedDisks:\n', 'sharedDisks:\n  - |\n']]), 'New shared disk');
    assert.match(
      disk,
      / {2}- \{ name: Data01, path: 'C:\\ClusterStorage\\Volume1\\Shared\\Data01\.vhdx', sizeGB: 100, type: fixed \}\n/,
    );
    const host = accept(vary([['    - name: HV03\n', '    - name: HV03\n    - |\n']]), 'New host node');
    assert.match(host, / {4}- name: HV04\n/);
  });

  it('works while the line is broken: a half-typed key, no colon yet', () => {
    const items = complete(inVm('    computerN|'));
    const computerName = items.find((i) => i.label === 'computerName');
    assert.deepEqual(edit(computerName)?.range, {
      start: { line: 40, character: 4 },
      end: { line: 40, character: 13 },
    });
  });

  it('works with a missing colon on the line above and a wrong indentation', () => {
    const text = vary([['    processors: 4\n', '    processors 4\n     |\n']]);
    const keys = labels(complete(text));
    assert.ok(keys.includes('osDisk') === false && keys.includes('computerName'), keys.join());
  });

  it('offers nothing that a mapping already has', () => {
    assert.deepEqual(
      labels(complete(vary([['  switch: ConvergedSwitch\n', '  switch: ConvergedSwitch\n  sto|\n']]))),
      [],
    );
  });

  it('completes keys inside a flow mapping', () => {
    const items = complete(
      vary([
        [
          "memory: { startupGB: 16 }\n    osDisk: { path: 'C:\\ClusterStorage\\Volume1\\SQLVM01",
          "memory: { startupGB: 16, |}\n    osDisk: { path: 'C:\\ClusterStorage\\Volume1\\SQLVM01",
        ],
      ]),
    );
    assert.deepEqual(labels(items), ['dynamic', 'minimumGB', 'maximumGB']);
    assert.equal(edit(items[0])?.newText, 'dynamic: ${1|true,false|}');
  });
});
