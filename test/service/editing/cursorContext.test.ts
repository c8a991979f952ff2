import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findCursorContext } from '../../../server/src/service/cursorContext';
import { cursor } from './cursor';

function at(source: string) {
  const { text, offset } = cursor(source);
  const context = findCursorContext(text, offset);
  return { ...context, siblings: [...context.siblings].sort() };
}

const vms = `version: 1
virtualMachines:
  - name: SQLVM01
    generation: 2
`;

describe('cursor context', () => {
  it('finds a key position at the top level', () => {
    const c = at('version: 1\nna|\n');
    assert.deepEqual([c.path, c.position, c.prefix, c.siblings], [[], 'key', 'na', ['version']]);
  });

  it('finds a key position inside a VM, with the keys above and below as siblings', () => {
    const c = at(`${vms}    |\n    processors: 4\n  - name: SQLVM02\n`);
    assert.deepEqual(
      [c.path, c.position, c.prefix, c.indent, c.siblings],
      [['virtualMachines', '*'], 'key', '', 4, ['generation', 'name', 'processors']],
    );
  });

  it('finds a value position and its key', () => {
    const c = at(`${vms}    guestOs: windows|\n`);
    assert.deepEqual(
      [c.path, c.position, c.key, c.prefix],
      [['virtualMachines', '*'], 'value', 'guestOs', 'windows'],
    );
  });

  it('finds a fresh item of a sequence', () => {
    const c = at(`${vms}  - |\n`);
    assert.deepEqual([c.path, c.position, c.newItem, c.indent], [['virtualMachines', '*'], 'key', true, 4]);
  });

  it('finds an item of a nested block sequence', () => {
    const c = at(`${vms}    sharedDisks:\n      - SqlData\n      - Wit|\n`);
    assert.deepEqual(
      [c.path, c.position, c.prefix, c.newItem],
      [['virtualMachines', '*', 'sharedDisks', '*'], 'key', 'Wit', true],
    );
  });

  it('finds a compact sequence at the same indentation as its key', () => {
    const c = at('guestCluster:\n  nodes:\n  - SQLVM01\n  - |\n');
    assert.deepEqual(c.path, ['guestCluster', 'nodes', '*']);
  });

  it('finds a value inside a flow sequence', () => {
    const c = at('guestCluster:\n  nodes: [SQLVM01, SQ|\n');
    assert.deepEqual(
      [c.path, c.position, c.key, c.prefix, c.siblings, c.inFlow],
      [['guestCluster', 'nodes'], 'value', '*', 'SQ', ['SQLVM01'], true],
    );
  });

  it('finds keys and values inside a flow mapping that is a sequence item', () => {
    const key = at(`${vms}    sharedDisks:\n      - { disk: Witness, contr|\n`);
    assert.deepEqual(
      [key.path, key.position, key.prefix, key.siblings],
      [['virtualMachines', '*', 'sharedDisks', '*'], 'key', 'contr', ['disk']],
    );
    const value = at(`${vms}    sharedDisks:\n      - { disk: W|\n`);
    assert.deepEqual(
      [value.path, value.position, value.key, value.prefix],
      [['virtualMachines', '*', 'sharedDisks', '*'], 'value', 'disk', 'W'],
    );
  });

  it('finds a flow mapping that is the value of a key', () => {
    const c = at(`${vms}    memory: { startupGB: 16, dyn|\n`);
    assert.deepEqual(
      [c.path, c.position, c.prefix, c.siblings],
      [['virtualMachines', '*', 'memory'], 'key', 'dyn', ['startupGB']],
    );
  });

  it('finds nested flow collections', () => {
    const c = at('hostCluster:\n  storage:\n    sofs: { name: SOFS01, shares: [ { name: VMStore, pa|\n');
    assert.deepEqual(
      [c.path, c.position, c.prefix],
      [['hostCluster', 'storage', 'sofs', 'shares', '*'], 'key', 'pa'],
    );
  });

  it('works on a broken document: a half-typed key under a missing colon', () => {
    const c = at('hostCluster:\n  name: HV\n  stor\n  nodes:\n    - name: HV01\n    - na|\n');
    assert.deepEqual([c.path, c.position, c.prefix], [['hostCluster', 'nodes', '*'], 'key', 'na']);
  });

  it('works with a wrong indentation: a key between the dash and the content belongs to the item', () => {
    const c = at(`${vms}   |\n`);
    assert.deepEqual(c.path, ['virtualMachines', '*']);
  });

  it('ignores comments and blank lines above', () => {
    const c = at(`${vms}\n    # the next key\n\n    proc|\n`);
    assert.deepEqual(
      [c.path, c.siblings],
      [
        ['virtualMachines', '*'],
        ['generation', 'name'],
      ],
    );
  });
});
