import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ruleCatalog } from '../../server/src/service/ruleCatalog';
import { semanticRules } from '../../server/src/service/rules/index';
import type { SchemaNode } from '../../server/src/service/schemaWalker';
import { service } from './fixture';

const root = path.resolve(__dirname, '..', '..', '..');

/** Every property schema in the tree, with its path, following `properties`, `items` and `definitions`. */
function properties(schema: SchemaNode, at: string, out: { at: string; schema: SchemaNode }[] = []) {
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    out.push({ at: `${at}.${name}`, schema: child });
    properties(child, `${at}.${name}`, out);
  }
  if (schema.items) properties(schema.items, `${at}[]`, out);
  for (const [name, definition] of Object.entries(schema.definitions ?? {}))
    properties(definition, `#${name}`, out);
  return out;
}

describe('the rule catalog', () => {
  it('has unique ids, each with a title and a default severity', () => {
    const ids = ruleCatalog.map((rule) => rule.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const rule of ruleCatalog) {
      assert.match(rule.id, /^[A-Z]+[0-9]{3}$/);
      assert.ok(rule.title.length > 10, rule.id);
      assert.ok(['error', 'warning', 'info', 'hint'].includes(rule.defaultSeverity), rule.id);
    }
  });

  it('covers every rule the issue names from the catalog', () => {
    const required = [
      ...['TOPO001', 'TOPO002', 'TOPO003', 'TOPO004', 'TOPO005', 'TOPO006', 'TOPO009'],
      ...['NAME001', 'NAME002', 'NAME003', 'NAME004', 'NAME005'],
      ...['STOR001', 'STOR002', 'STOR003', 'STOR004', 'STOR006', 'STOR010', 'STOR011', 'STOR012'],
      ...[
        'ATT001',
        'ATT002',
        'ATT003',
        'ATT004',
        'ATT005',
        'GEN001',
        'GEN002',
        'MEM002',
        'MEM003',
        'CPU001',
        'OPS001',
      ],
      ...['Q001', 'Q002', 'Q003', 'Q004', 'Q005', 'NET001'],
    ];
    const ids = new Set(semanticRules.map((rule) => rule.id));
    assert.deepEqual(
      required.filter((id) => !ids.has(id)),
      [],
    );
  });

  it('documents every code in docs/rules/<ID>.md, and lists it in the README', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const index = readFileSync(path.join(root, 'docs', 'rules', 'README.md'), 'utf8');
    for (const rule of ruleCatalog) {
      const doc = path.join(root, 'docs', 'rules', `${rule.id}.md`);
      assert.ok(existsSync(doc), `${rule.id}.md`);
      assert.match(
        readFileSync(doc, 'utf8'),
        new RegExp(`^# ${rule.id}`),
        `${rule.id}.md starts with its id`,
      );
      assert.ok(readme.includes(`[${rule.id}](docs/rules/${rule.id}.md)`), `README lists ${rule.id}`);
      assert.ok(index.includes(`${rule.id}.md`), `docs/rules/README.md lists ${rule.id}`);
    }
    const documented = readdirSync(path.join(root, 'docs', 'rules')).filter((f) => f !== 'README.md');
    assert.deepEqual(
      documented.sort(),
      ruleCatalog.map((rule) => `${rule.id}.md`).sort(),
      'no page for a code that does not exist',
    );
  });
});

describe('the schema', () => {
  it('gives every property a title and a markdownDescription', () => {
    const missing = properties(service.schema, '')
      .filter(({ schema }) => !schema.$ref || schema.title !== undefined)
      .filter(
        ({ schema }) => typeof schema.title !== 'string' || typeof schema['markdownDescription'] !== 'string',
      )
      .map(({ at }) => at);
    assert.deepEqual(missing, []);
  });

  it('describes every enum value', () => {
    for (const { at, schema } of properties(service.schema, '')) {
      if (!schema.enum || typeof schema.enum[0] !== 'string') continue;
      const descriptions = schema['markdownEnumDescriptions'] as unknown[] | undefined;
      assert.equal(descriptions?.length, schema.enum.length, at);
    }
  });

  it('names only rules that exist in x-rule', () => {
    const ids = new Set(ruleCatalog.map((rule) => rule.id));
    for (const { at, schema } of properties(service.schema, '')) {
      if (schema['x-rule'] !== undefined) assert.ok(ids.has(String(schema['x-rule'])), at);
    }
  });
});
