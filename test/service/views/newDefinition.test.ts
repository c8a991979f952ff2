import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NewDefinitionParams } from '../../../server/src/protocol';
import { service, validate } from '../fixture';

describe('new definition', () => {
  const cases: NewDefinitionParams[] = [];
  for (const storage of ['csv', 'sofs'] as const) {
    for (const guestNodes of [2, 3, 5, 16, 63, 64]) {
      for (const name of ['SQLCLUS01', 'F', 'A-VERY-LONG-NM1']) cases.push({ name, guestNodes, storage });
    }
  }

  it('writes definitions that validate without a single problem', () => {
    for (const params of cases) {
      const made = service.newDefinition(params);
      assert.ok('text' in made, `${JSON.stringify(params)}: ${JSON.stringify(made)}`);
      assert.deepEqual(
        validate(made.text).map((d) => `${String(d.code)} ${d.message}`),
        [],
        JSON.stringify(params),
      );
    }
  });

  it('has the asked node count and storage kind', () => {
    const made = service.newDefinition({ name: 'FSCLUS', guestNodes: 3, storage: 'sofs' });
    assert.ok('text' in made);
    const document = service.parse(made.text);
    const model = service.analyze(document).model;
    assert.equal(model.guestCluster?.name?.value, 'FSCLUS');
    assert.equal(model.guestCluster?.nodes.length, 3);
    assert.equal(model.hostCluster?.nodes.length, 4);
    assert.equal(model.hostCluster?.storage?.kind?.value, 'sofs');
    assert.equal(model.sharedDisks[0]?.path?.value, '\\\\SOFS01\\VMStore\\Shared\\Data.vhds');
  });

  it('refuses bad answers with the field they concern', () => {
    const errors = (params: NewDefinitionParams) => {
      const made = service.newDefinition(params);
      return 'errors' in made ? made.errors.map((e) => e.field) : [];
    };
    assert.deepEqual(errors({ name: '', guestNodes: 2, storage: 'csv' }), ['name']);
    assert.deepEqual(errors({ name: 'SIXTEEN-CHARS-XX', guestNodes: 2, storage: 'csv' }), ['name']);
    assert.deepEqual(errors({ name: "a'; $(rm)", guestNodes: 2, storage: 'csv' }), ['name']);
    assert.deepEqual(errors({ name: '12345', guestNodes: 2, storage: 'csv' }), ['name']);
    assert.deepEqual(errors({ name: 'OK', guestNodes: 1, storage: 'csv' }), ['guestNodes']);
    assert.deepEqual(errors({ name: 'OK', guestNodes: 65, storage: 'csv' }), ['guestNodes']);
    assert.deepEqual(errors({ name: 'OK', guestNodes: 2.5, storage: 'csv' }), ['guestNodes']);
    assert.deepEqual(errors({ name: 'OK', guestNodes: 2, storage: 'nfs' as 'csv' }), ['storage']);
  });

  it('refuses a name the rules reject, with the rule’s message', () => {
    // Accepted by the shape check, refused by the reserved-word rule.
    const made = service.newDefinition({ name: 'GATEWAY', guestNodes: 2, storage: 'csv' });
    assert.ok('errors' in made, JSON.stringify(made));
    assert.equal(made.errors[0]?.field, 'name');
  });
});
