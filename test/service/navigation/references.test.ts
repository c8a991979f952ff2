import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DocumentHighlightKind, type DocumentHighlight, type Location } from 'vscode-languageserver-types';
import { findDocumentHighlights, findReferences } from '../../../server/src/service/references';
import { vary } from '../fixture';
import { broken, markers, nav, open, sweep, uri } from './cursor';

/** Asserts that find references at `|` gives exactly the `«…»` ranges, in document order. */
function expectReferences(source: string, includeDeclaration: boolean): void {
  const { text, position, ranges } = markers(source);
  const { document, analysis } = open(text);
  const expected: Location[] = ranges.map((range) => ({ uri, range }));
  assert.deepEqual(findReferences(document, analysis, position, includeDeclaration), expected);
}

/** Asserts the highlights at `|`: `«…»` ranges, the declaration(s) listed as written by `writes`. */
function expectHighlights(source: string, writes: readonly number[]): void {
  const { text, position, ranges } = markers(source);
  const { document, analysis } = open(text);
  const expected: DocumentHighlight[] = ranges.map((range, i) => ({
    range,
    kind: writes.includes(i) ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
  assert.deepEqual(findDocumentHighlights(document, analysis, position), expected);
}

const vm1 = vary(
  [
    ['  - name: SQLVM01', '  - name: «SQLVM01»'],
    ['nodes: [SQLVM01', 'nodes: [«SQLVM01»'],
  ],
  nav,
);

const witness = vary(
  [
    ['  - name: Witness', '  - name: «Witness»'],
    ['{ disk: Witness', '{ disk: «Witness»'],
    ['"Witness"', '"«Witness»"'],
    ['disk: Witness }', 'disk: «Witness» }'],
  ],
  nav,
);

const volume = vary(
  [
    ['{ name: Volume1', '{ name: «Volume1»'],
    ['Volume1\\Shared\\SqlData', '«Volume1»\\Shared\\SqlData'],
    ['Volume1\\Shared\\Witness', '«Volume1»\\Shared\\Witness'],
    ['Volume1\\SQLVM01', '«Volume1»\\SQLVM01'],
  ],
  nav,
);

describe('findReferences', () => {
  it('finds a VM from its declaration and from a guest node, with or without the declaration', () => {
    expectReferences(vm1.replace('«SQLVM01»', '«SQL|VM01»'), true);
    expectReferences(vm1.replace('[«SQLVM01»', '[«SQLVM01|»'), true);
    expectReferences(vm1.replace('«SQLVM01»', 'SQLVM01').replace('[«SQLVM01»', '[«|SQLVM01»'), false);
  });

  it('finds every attachment of a shared disk and the witness, quoted or not', () => {
    expectReferences(witness.replace('disk: «Witness» }', 'disk: «Wit|ness» }'), true);
    expectReferences(witness.replace('«Witness»\n', 'Wit|ness\n'), false);
  });

  it('finds host nodes case-insensitively', () => {
    expectReferences(
      vary(
        [
          ['- name: HV02', '- name: «HV02»'],
          ['preferredHost: hv02', 'preferredHost: «h|v02»'],
        ],
        nav,
      ),
      true,
    );
  });

  it('finds the volume folder of every disk path on a CSV volume, the OS disk included', () => {
    expectReferences(volume.replace('{ name: «Volume1»', '{ name: «Volume|1»'), true);
    expectReferences(volume.replace('«Volume1»\\SQLVM01', '«|Volume1»\\SQLVM01'), true);
  });

  it('finds the share folder of disk paths on an SOFS share', () => {
    expectReferences(
      `hostCluster:
  storage:
    kind: sofs
    sofs:
      name: SOFS01
      shares:
        - { name: «VMStore», path: '\\\\SOFS01\\VMStore' }
        - { name: Other, path: '\\\\SOFS01\\Other' }
sharedDisks:
  - { name: D1, path: '\\\\SOFS01\\«VMStore»\\D1.vhdx' }
  - { name: D2, path: '\\\\SOFS01\\Other\\D2.vhdx' }
  - { name: D3, path: '\\\\sofs01\\«vmstore»\\D3.vhdx' }
virtualMachines:
  - { name: VM1, osDisk: { path: '\\\\SOFS01\\«VMSt|ore»\\VM1\\os.vhdx' } }
`,
      true,
    );
  });

  it('gives the references of an undeclared name, and nothing off a name', () => {
    expectReferences(vary([['nodes: [SQLVM01', 'nodes: [«SQLVM03|», «sqlvm03»']], nav), true);
    expectReferences(vary([['  name: HVCLUS01', '  name: HV|CLUS01']], nav), true);
    expectReferences(vary([['kind: csv', 'kind: c|sv']], nav), true);
  });

  it('still works in a broken document', () => {
    expectReferences(
      broken(
        vary(
          [
            ['- name: HV01', '- name: «HV01»'],
            ['preferredHost: HV01', 'preferredHost: «HV|01»\n   generation:: 2\n  - bad'],
          ],
          nav,
        ),
      ),
      true,
    );
    expectReferences(
      broken('virtualMachines:\n  - name: VM1\n    preferredHost: |\n  - name\n    x: 1\n'),
      true,
    );
  });
});

describe('findDocumentHighlights', () => {
  it('marks the declaration as written and the references as read', () => {
    expectHighlights(witness.replace('{ disk: «Witness»', '{ disk: «|Witness»'), [0]);
    expectHighlights(volume.replace('«Volume1»\\Shared\\Witness', '«Volume1|»\\Shared\\Witness'), [0]);
  });

  it('marks both declarations of a name declared twice as written', () => {
    expectHighlights(
      vary(
        [
          ['- name: HV01', '- name: «HV01»'],
          ['- name: HV02', '- name: «hv01|»'],
          ['preferredHost: HV01', 'preferredHost: «HV01»'],
        ],
        nav,
      ),
      [0, 1],
    );
  });

  it('marks nothing off a name', () => {
    expectHighlights(vary([['guestCluster:', 'guest|Cluster:']], nav), []);
    expectHighlights('|', []);
  });

  it('never throws, and highlights what it finds, wherever the cursor is in a broken text', () => {
    sweep((document, analysis, position) => {
      const references = findReferences(document, analysis, position, true);
      const highlights = findDocumentHighlights(document, analysis, position);
      assert.deepEqual(
        highlights.map((highlight) => highlight.range),
        references.map((reference) => reference.range),
      );
    });
  });
});
