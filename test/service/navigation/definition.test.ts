import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Location } from 'vscode-languageserver-types';
import { findDefinition } from '../../../server/src/service/definition';
import { vary } from '../fixture';
import { broken, markers, nav, open, sweep, uri } from './cursor';

/** Asserts that go to definition at `|` lands exactly on the `«…»` ranges. */
function expectDefinition(source: string): void {
  const { text, position, ranges } = markers(source);
  const { document, analysis } = open(text);
  const expected: Location[] = ranges.map((range) => ({ uri, range }));
  assert.deepEqual(findDefinition(document, analysis, position), expected);
}

describe('findDefinition', () => {
  it('goes from a guest cluster node to the VM', () => {
    expectDefinition(
      vary(
        [
          ['  - name: SQLVM01', '  - name: «SQLVM01»'],
          ['nodes: [SQLVM01', 'nodes: [SQL|VM01'],
        ],
        nav,
      ),
    );
  });

  it('goes from a short and a long disk attachment to the shared disk', () => {
    expectDefinition(
      vary(
        [
          ['{ name: SqlData', '{ name: «SqlData»'],
          ['      - SqlData', '      - |SqlData'],
        ],
        nav,
      ),
    );
    expectDefinition(
      vary(
        [
          ['  - name: Witness', '  - name: «Witness»'],
          ['{ disk: Witness', '{ disk: Witness|'],
        ],
        nav,
      ),
    );
  });

  it('goes from the witness disk of the quorum to the shared disk', () => {
    expectDefinition(
      vary(
        [
          ['  - name: Witness', '  - name: «Witness»'],
          ['disk: Witness }', 'disk: Wit|ness }'],
        ],
        nav,
      ),
    );
  });

  it('goes from a preferred host to the host node, whatever the case', () => {
    expectDefinition(
      vary(
        [
          ['- name: HV01', '- name: «HV01»'],
          ['preferredHost: HV01', 'preferredHost: |HV01'],
        ],
        nav,
      ),
    );
    expectDefinition(
      vary(
        [
          ['- name: HV02', '- name: «HV02»'],
          ['preferredHost: hv02', 'preferredHost: hv|02'],
        ],
        nav,
      ),
    );
  });

  it('goes from the volume folder of a disk path, quoted or plain, to the CSV volume', () => {
    expectDefinition(
      vary(
        [
          ['{ name: Volume1', '{ name: «Volume1»'],
          ['Volume1\\Shared\\SqlData', 'Vol|ume1\\Shared\\SqlData'],
        ],
        nav,
      ),
    );
    expectDefinition(
      vary(
        [
          ['{ name: Volume1', '{ name: «Volume1»'],
          ['path: C:\\ClusterStorage\\Volume1', 'path: C:\\ClusterStorage\\|Volume1'],
        ],
        nav,
      ),
    );
    expectDefinition(
      vary(
        [
          ['{ name: Volume1', '{ name: «Volume1»'],
          ['Volume1\\SQLVM01', 'Volume1|\\SQLVM01'],
        ],
        nav,
      ),
    );
  });

  it('goes from a quoted reference to the name inside the quotes of its declaration', () => {
    expectDefinition(
      vary(
        [
          ["  - name: 'SQLVM02'", "  - name: '«SQLVM02»'"],
          ['nodes: [SQLVM01, sqlvm02]', 'nodes: [SQLVM01, sqlvm02|]'],
        ],
        nav,
      ),
    );
    expectDefinition(
      vary(
        [
          ['  - name: Witness', '  - name: «Witness»'],
          ['"Witness"', '"|Witness"'],
        ],
        nav,
      ),
    );
  });

  it('goes from the share folder of a disk path to the SOFS share, even when the server has its name', () => {
    const sofs = `hostCluster:
  storage:
    kind: sofs
    sofs:
      name: Store
      shares:
        - { name: «Store», path: '\\\\Store\\Store' }
sharedDisks:
  - { name: D1, path: '\\\\Store\\St|ore\\D1.vhdx' }
`;
    expectDefinition(sofs);
    // The server segment is no reference at all.
    expectDefinition(sofs.replace('«Store»', 'Store').replace("'\\\\Store\\St|ore", "'\\\\St|ore\\Store"));
  });

  it('goes from a volume named like the ClusterStorage folder to that volume', () => {
    expectDefinition(`hostCluster:
  storage:
    volumes:
      - { name: «ClusterStorage», path: 'C:\\ClusterStorage\\ClusterStorage' }
sharedDisks:
  - { name: D1, path: 'C:\\ClusterStorage\\|ClusterStorage\\D1.vhdx' }
`);
  });

  it('stays on a declaration', () => {
    expectDefinition(vary([['  - name: SQLVM01', '  - name: «SQLVM|01»']], nav));
    expectDefinition(vary([['- name: HV01', '- name: «HV01»|']], nav));
    expectDefinition(vary([['{ name: Volume1', '{ name: «|Volume1»']], nav));
  });

  it('gives every declaration of a name declared twice', () => {
    expectDefinition(
      vary(
        [
          ['- name: HV01', '- name: «HV01»'],
          ['- name: HV02', '- name: «hv01»'],
          ['preferredHost: HV01', 'preferredHost: |HV01'],
        ],
        nav,
      ),
    );
  });

  it('gives nothing for an undeclared name, a key, or a value that names nothing', () => {
    expectDefinition(vary([['nodes: [SQLVM01', 'nodes: [SQLVM03|']], nav));
    expectDefinition(vary([['preferredHost: HV01', 'preferred|Host: HV01']], nav));
    expectDefinition(vary([['  name: SQLCLUS01', '  name: SQL|CLUS01']], nav));
    expectDefinition(vary([['SqlData.vhdx', 'Sql|Data.vhdx']], nav));
    expectDefinition(vary([['version: 1', '|version: 1']], nav));
  });

  it('still works in a broken document, and gives nothing where the model has nothing', () => {
    expectDefinition(
      broken(
        vary(
          [
            ['    preferredHost: HV01\n', '    preferredHost: HV01\n    sharedDisks:\n  generation\n'],
            ['- name: HV01', '- name: «HV01»'],
            ['preferredHost: HV01', 'preferredHost: HV01|'],
          ],
          nav,
        ),
      ),
    );
    expectDefinition(broken('hostCluster:\n  nodes:\n    - name: HV01\n   - name: H|V02\n  stor\n'));
    expectDefinition(broken('guestCluster: { nodes: [SQLVM01|\n'));
    expectDefinition('|');
  });

  it('never throws, and always lands on a name, wherever the cursor is in a broken text', () => {
    sweep((document, analysis, position) => {
      for (const location of findDefinition(document, analysis, position))
        assert.ok(document.getText(location.range).length > 0);
    });
  });
});
