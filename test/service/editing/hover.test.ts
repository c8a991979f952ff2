import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../../server/src/service/languageService';
import { baseline, vary } from '../fixture';
import { cursor } from './cursor';

const docsFolder = path.resolve(__dirname, '..', '..', '..', '..', 'docs', 'rules');
const ruleDocs = new Map(
  readdirSync(docsFolder)
    .filter((file) => file !== 'README.md')
    .map((file) => [file.replace(/\.md$/, ''), readFileSync(path.join(docsFolder, file), 'utf8')] as const),
);
const service = createLanguageService({ ruleDocs });

function hover(source: string): { text: string; range: string } | null {
  const { text, position, document } = cursor(source);
  const result = service.doHover(document, service.parse(text), position);
  if (!result) return null;
  const contents = result.contents as { value: string };
  const r = result.range!;
  return {
    text: contents.value,
    range: `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`,
  };
}

describe('hover', () => {
  it('documents a key from the schema, with its values and default', () => {
    const result = hover(vary([['    generation: 2', '    gener|ation: 2']]));
    assert.ok(result);
    assert.match(result.text, /^\*\*Generation\*\* \(`generation`\)/);
    assert.match(result.text, /- `2` — Generation 2: UEFI firmware, boots from SCSI/);
    assert.match(result.text, /Default: `2`/);
    assert.match(result.text, /Checked by rule GEN001\./);
    assert.equal(result.range, '23:4-23:14');
  });

  it('says what an enum value means', () => {
    const result = hover(vary([['    generation: 2', '    generation: |2']]));
    assert.match(
      result?.text ?? '',
      /^\*\*Generation: `2`\*\*\n\nGeneration 2: UEFI firmware, boots from SCSI, needs a `.vhdx` OS disk/,
    );
  });

  it('summarises the VM a guest node names', () => {
    const result = hover(vary([['nodes: [SQLVM01, SQLVM02]', 'nodes: [SQL|VM01, SQLVM02]']]));
    assert.ok(result);
    assert.match(result.text, /^\*\*Virtual machine SQLVM01\*\*\n\nGen 2 · 4 vCPU · 16 GB · prefers HV01/);
    assert.match(result.text, /Shared disks: SqlData, Witness/);
    assert.equal(result.range, '48:10-48:17');
  });

  it('summarises a shared disk from an attachment', () => {
    const result = hover(vary([['      - SqlData\n', '      - Sql|Data\n']]));
    assert.match(
      result?.text ?? '',
      /\*\*Shared disk SqlData\*\*\n\n500 GB \.vhdx fixed[\s\S]*Attached to SQLVM01, SQLVM02/,
    );
  });

  it('explains the rule of a diagnostic under the cursor, from its documentation', () => {
    const result = hover(vary([['Shared\\SqlData.vhdx', 'Shared\\Sql|Data.vhd']]));
    assert.ok(result);
    assert.match(
      result.text,
      /^\*\*STOR001\*\* — A shared disk is \.vhdx \(or \.vhds on 2016\+ hosts\); never \.vhd\n\n/,
    );
    assert.match(result.text, /Source: Virtual Hard Disk Sharing Overview/);
  });

  it('gives nothing on blank space, and never throws on broken text', () => {
    assert.equal(hover(`${baseline}\n|\n`), null);
    assert.doesNotThrow(() => hover('hostCluster:\n  nodes: [HV01\n  na|me: x\n'));
  });
});
