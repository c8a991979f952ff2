import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { doRename, prepareRename } from '../../../server/src/service/rename';
import { baseline, validate, vary } from '../fixture';
import { sofsBaseline } from '../rules/helpers';
import { at, broken, cursor, markers, nav, open, sweep, uri } from './cursor';

/**
 * Renames at `|` and asserts the whole workspace edit: one edit per `«…»` range, in document
 * order, writing `newTexts` (one for all, or one each). Returns the renamed text.
 */
function expectRename(source: string, newName: string, newTexts: string | readonly string[]): string {
  const { text, position, ranges } = markers(source);
  const { document, analysis } = open(text);
  const texts = typeof newTexts === 'string' ? ranges.map(() => newTexts) : newTexts;
  const edits: TextEdit[] = ranges.map((range, i) => ({ range, newText: texts[i]! }));
  assert.deepEqual(doRename(document, analysis, position, newName), { edit: { changes: { [uri]: edits } } });
  return TextDocument.applyEdits(document, edits);
}

/** Asserts that a rename at `|` to `newName` is refused with exactly `message`. */
function expectRefusal(source: string, newName: string, message: string): void {
  const { text, position } = cursor(source);
  const { document, analysis } = open(text);
  assert.deepEqual(doRename(document, analysis, position, newName), { error: message });
}

/** Asserts what prepareRename offers at `|`: the `«…»` range, or nothing when there is none. */
function expectPrepare(source: string): void {
  const { text, position, ranges } = markers(source);
  const { document, analysis } = open(text);
  assert.deepEqual(prepareRename(document, analysis, position), ranges[0]);
}

describe('doRename on the baseline', () => {
  it('starts from a definition without problems', () => {
    assert.deepEqual(validate(baseline), []);
  });

  it('renames a VM and its guest cluster node, from either', () => {
    const expected = vary([
      ['  - name: SQLVM01', '  - name: SQLNODE1'],
      ['nodes: [SQLVM01', 'nodes: [SQLNODE1'],
    ]);
    for (const [declaration, node] of [
      ['«SQL|VM01»', '«SQLVM01»'],
      ['«SQLVM01»', '«|SQLVM01»'],
    ] as const) {
      const source = vary([
        ['  - name: SQLVM01', `  - name: ${declaration}`],
        ['nodes: [SQLVM01', `nodes: [${node}`],
      ]);
      const renamed = expectRename(source, 'SQLNODE1', 'SQLNODE1');
      assert.equal(renamed, expected);
      assert.deepEqual(validate(renamed), []);
    }
  });

  it('renames a shared disk, its attachments and the witness', () => {
    const source = vary([
      ['{ name: Witness', '{ name: «Witness»'],
      ['{ disk: Witness', '{ disk: «Witness»'],
      ['{ disk: Witness', '{ disk: «Witness»'],
      ['disk: Witness }', 'disk: «Wit|ness» }'],
    ]);
    const renamed = expectRename(source, 'Quorum_Disk.1', 'Quorum_Disk.1');
    assert.equal(
      renamed,
      baseline
        .replaceAll('name: Witness', 'name: Quorum_Disk.1')
        .replaceAll('disk: Witness', 'disk: Quorum_Disk.1'),
    );
    assert.deepEqual(validate(renamed), []);
  });

  it('renames a host node and the preferred host that names it', () => {
    const renamed = expectRename(
      vary([
        ['- name: HV01', '- name: «HV01»'],
        ['preferredHost: HV01', 'preferredHost: «HV|01»'],
      ]),
      'HOST-01',
      'HOST-01',
    );
    assert.deepEqual(validate(renamed), []);
  });

  it('renames a CSV volume, the folder of its own path, and the folder of every disk path on it', () => {
    const source = at(baseline.replaceAll('Volume1', '«Volume1»'), 'Volume1»\\Shared\\Witness', 2);
    const renamed = expectRename(source, 'Volume2', 'Volume2');
    assert.equal(renamed, baseline.replaceAll('Volume1', 'Volume2'));
    assert.deepEqual(validate(renamed), []);
  });

  it('renames an SOFS share with its own path and the disk paths on it', () => {
    assert.deepEqual(validate(sofsBaseline), []);
    // The share's own path is no reference (nor a place to start from), but it follows the name.
    const source = at(sofsBaseline.replaceAll('VMStore', '«VMStore»'), 'VMStore', 3, 2);
    const renamed = expectRename(source, 'VMs', 'VMs');
    assert.equal(renamed, sofsBaseline.replaceAll('VMStore', 'VMs'));
    assert.deepEqual(validate(renamed), []);
  });

  it('quotes a name that a plain scalar would read as a number', () => {
    const source = vary([
      ['{ name: SqlData', '{ name: «SqlData»'],
      ['      - SqlData', '      - «SqlData»'],
      ['      - SqlData', '      - «Sql|Data»'],
    ]);
    const renamed = expectRename(source, '2024', "'2024'");
    assert.deepEqual(validate(renamed), []);
  });
});

describe('doRename keeps the quoting of each scalar', () => {
  it('writes inside single and double quotes, escaping what they need', () => {
    const source = vary(
      [
        ["  - name: 'SQLVM02'", "  - name: '«SQLVM02»'\n    computerName: SQLVM02"],
        ['nodes: [SQLVM01, sqlvm02]', 'nodes: [SQLVM01, «sql|vm02»]'],
      ],
      nav,
    );
    const renamed = expectRename(source, "O'Brien #2", ["O''Brien #2", "'O''Brien #2'"]);
    assert.deepEqual(
      service(renamed).model.virtualMachines.map((vm) => vm.name?.value),
      ['SQLVM01', "O'Brien #2"],
    );
    assert.deepEqual(
      service(renamed).model.guestCluster?.nodes.map((node) => node.value),
      ['SQLVM01', "O'Brien #2"],
    );
    const doubled = expectRename(
      vary(
        [
          ['  - name: Witness', '  - name: «Witness»'],
          ['{ disk: Witness', '{ disk: «Witness»'],
          ['"Witness"', '"«Wit|ness»"'],
          ['disk: Witness }', 'disk: «Witness» }'],
        ],
        nav,
      ),
      'true',
      ["'true'", "'true'", 'true', "'true'"],
    );
    assert.deepEqual(
      service(doubled).model.sharedDisks.map((disk) => disk.name?.value),
      ['SqlData', 'true'],
    );
  });

  it('renames plain path folders and a case-insensitive reference', () => {
    const source = nav
      .replaceAll('Volume1', '«Volume1»')
      .replace('«Volume1»\\Shared\\Witness', '«Volume1|»\\Shared\\Witness');
    assert.equal(expectRename(source, 'V2', 'V2'), nav.replaceAll('Volume1', 'V2'));
    const hv02 = vary(
      [
        ['- name: HV02', '- name: «HV02»'],
        ['preferredHost: hv02', 'preferredHost: «|hv02»'],
      ],
      nav,
    );
    expectRename(hv02, 'HV20', 'HV20');
  });
});

describe('doRename of a volume whose folder is named otherwise', () => {
  const source = `hostCluster:
  storage:
    volumes:
      - { name: «Data», path: 'C:\\ClusterStorage\\Volume1' }
sharedDisks:
  - { name: D1, path: 'C:\\ClusterStorage\\Volume1\\D1.vhdx' }
`;

  it('renames only the name: disks find a volume by its path', () => {
    expectRename(source.replace('«Data»', '«Da|ta»'), 'Logs', 'Logs');
  });

  it('refuses to start from the folder of a disk path', () => {
    const fromPath = source.replace('«Data»', 'Data').replace('Volume1\\D1', 'Vol|ume1\\D1');
    expectPrepare(fromPath);
    expectRefusal(
      fromPath,
      'Logs',
      "This path reaches the CSV volume 'Data' through a folder of another name; rename the CSV volume at its name.",
    );
  });

  it('renames the folders of disk paths of a volume that has no path yet', () => {
    expectRename(
      `hostCluster:
  storage:
    volumes:
      - { name: «Vol|ume1» }
sharedDisks:
  - { name: D1, path: 'C:\\ClusterStorage\\«Volume1»\\D1.vhdx' }
`,
      'Volume2',
      'Volume2',
    );
  });
});

describe('doRename refuses', () => {
  const onVm = vary([['  - name: SQLVM01', '  - name: SQL|VM01']]);
  const onHost = vary([['preferredHost: HV01', 'preferredHost: |HV01']]);
  const netbiosVm = "without a computerName, a VM's name is its NetBIOS computer name";
  const netbiosHost = 'a host node name is a NetBIOS computer name';

  it('an empty name', () => {
    expectRefusal(onVm, '', 'A name cannot be empty.');
    expectRefusal(onVm, '   ', 'A name cannot be empty.');
  });

  it('a computer name of more than 15 characters, saying how many', () => {
    expectRefusal(
      onVm,
      'SQLCLUSTERNODE01',
      `'SQLCLUSTERNODE01' is 16 characters long; ${netbiosVm}, of at most 15 characters.`,
    );
    expectRefusal(
      onHost,
      'HYPERVHOST00001X',
      `'HYPERVHOST00001X' is 16 characters long; ${netbiosHost}, of at most 15 characters.`,
    );
  });

  it('a computer name with a character other than letters, digits and hyphens', () => {
    expectRefusal(
      onVm,
      'SQL VM',
      `'SQL VM' contains ' '; ${netbiosVm}, made of letters, digits and hyphens only.`,
    );
    expectRefusal(
      onHost,
      'HV_01',
      `'HV_01' contains '_'; ${netbiosHost}, made of letters, digits and hyphens only.`,
    );
    expectRefusal(
      onHost,
      'hv01.corp',
      `'hv01.corp' contains '.'; ${netbiosHost}, made of letters, digits and hyphens only.`,
    );
  });

  it('a computer name of digits only', () => {
    expectRefusal(onVm, '2012', `'2012' is all digits; ${netbiosVm}, which cannot be all digits.`);
  });

  it('a computer name that starts or ends with a hyphen', () => {
    expectRefusal(
      onHost,
      '-HV01',
      `'-HV01' starts with a hyphen; ${netbiosHost}, which cannot start or end with a hyphen.`,
    );
    expectRefusal(
      onVm,
      'SQLVM-',
      `'SQLVM-' ends with a hyphen; ${netbiosVm}, which cannot start or end with a hyphen.`,
    );
  });

  it('a VM name with a character Windows forbids, when the VM has a computerName', () => {
    const withComputerName = vary([
      ['  - name: SQLVM01\n', '  - name: SQL|VM01\n    computerName: SQLVM01\n'],
    ]);
    const rule = 'a VM name cannot contain \\ / : * ? " < > | or control characters.';
    const names: readonly (readonly [string, string])[] = [
      ['SQL\\VM', '\\'],
      ['SQL/VM', '/'],
      ['SQL:VM', ':'],
      ['SQL*', '*'],
      ['SQL?', '?'],
      ['"SQL"', '"'],
      ['<SQL>', '<'],
      ['SQL|VM', '|'],
      ['SQL\tVM', '\\u0009'],
    ];
    for (const [name, shown] of names) {
      const quoted = name.replace('\t', '\\u0009');
      expectRefusal(withComputerName, name, `'${quoted}' contains '${shown}'; ${rule}`);
    }
    // Long names, spaces and dots are fine when the computer name is another.
    const renamed = expectRename(
      vary([
        ['  - name: SQLVM01\n', '  - name: «SQL|VM01»\n    computerName: SQLVM01\n'],
        ['nodes: [SQLVM01', 'nodes: [«SQLVM01»'],
      ]),
      'SQL Server node 1.primary',
      'SQL Server node 1.primary',
    );
    assert.deepEqual(validate(renamed), []);
  });

  it('a shared disk, volume or share name with other characters than letters, digits, - _ .', () => {
    expectRefusal(
      vary([['{ name: SqlData', '{ name: |SqlData']]),
      'Sql Data',
      "'Sql Data' contains ' '; a shared disk name uses only letters, digits, '-', '_' and '.'.",
    );
    expectRefusal(
      vary([['{ name: Volume1', '{ name: |Volume1']]),
      'Volume#1',
      "'Volume#1' contains '#'; a CSV volume name uses only letters, digits, '-', '_' and '.'.",
    );
    expectRefusal(
      at(sofsBaseline, 'VMStore'),
      'VM$',
      "'VM$' contains '$'; a SOFS share name uses only letters, digits, '-', '_' and '.'.",
    );
  });

  it('a name another declaration of the same kind has, whatever its case', () => {
    expectRefusal(
      onVm,
      'sqlvm02',
      "Another VM is already named 'SQLVM02'; VM names are unique (case does not count).",
    );
    expectRefusal(
      onHost,
      'hv03',
      "Another host node is already named 'HV03'; host node names are unique (case does not count).",
    );
    expectRefusal(
      vary([['{ name: SqlData', '{ name: |SqlData']]),
      'WITNESS',
      "Another shared disk is already named 'Witness'; shared disk names are unique (case does not count).",
    );
    const twoVolumes = vary([
      [
        "      - { name: Volume1, path: 'C:\\ClusterStorage\\Volume1', capacityGB: 2048 }\n",
        "      - { name: Volume1, path: 'C:\\ClusterStorage\\Volume1', capacityGB: 2048 }\n      - { name: |Volume2, path: 'C:\\ClusterStorage\\Volume2' }\n",
      ],
    ]);
    expectRefusal(
      twoVolumes,
      'volume1',
      "Another CSV volume is already named 'Volume1'; CSV volume names are unique (case does not count).",
    );
    // Its own name in another case is no clash, and a host node may share a VM's name here.
    expectRename(
      vary([
        ['  - name: SQLVM01', '  - name: «SQL|VM01»'],
        ['nodes: [SQLVM01', 'nodes: [«SQLVM01»'],
      ]),
      'sqlvm01',
      'sqlvm01',
    );
  });

  it('a place that is no name, and an undeclared name', () => {
    expectRefusal(
      vary([['  name: SQLCLUS01', '  name: SQL|CLUS01']]),
      'X',
      'Only the name of a host node, CSV volume, SOFS share, shared disk or VM, or a place that refers to one, can be renamed.',
    );
    expectRefusal(
      vary([['nodes: [SQLVM01', 'nodes: [SQLVM03|']]),
      'X',
      "No VM named 'SQLVM03' is declared in this file, so there is nothing to rename.",
    );
  });
});

describe('prepareRename', () => {
  it('offers the name under the cursor, inside its quotes', () => {
    expectPrepare(vary([['  - name: SQLVM01', '  - name: «SQLVM01|»']]));
    expectPrepare(vary([["  - name: 'SQLVM02'", "  - name: '«|SQLVM02»'"]], nav));
    expectPrepare(vary([['"Witness"', '"«Witn|ess»"']], nav));
    expectPrepare(vary([['Volume1\\SQLVM02', '«Volu|me1»\\SQLVM02']]));
  });

  it('offers nothing off a name or on an undeclared one', () => {
    expectPrepare(vary([['guestCluster:', 'guest|Cluster:']]));
    expectPrepare(vary([['nodes: [SQLVM01', 'nodes: [SQLVM03|']]));
    expectPrepare('|');
  });
});

describe('rename in a broken document', () => {
  it('still renames what the model holds', () => {
    const source = broken(
      vary([
        ['- name: HV01', '- name: «HV01»'],
        ['preferredHost: HV01', 'preferredHost: «HV0|1»\n    generation 2\n   - x'],
      ]),
    );
    expectRename(source, 'HV10', 'HV10');
  });

  it('refuses where there is no name', () => {
    const source = broken('virtualMachines:\n  - name: VM1\n     generation: |2\n');
    expectPrepare(source);
    expectRefusal(
      source,
      'X',
      'Only the name of a host node, CSV volume, SOFS share, shared disk or VM, or a place that refers to one, can be renamed.',
    );
  });

  it('never throws, and edits the range it offers, wherever the cursor is in a broken text', () => {
    sweep((document, analysis, position) => {
      const offered = prepareRename(document, analysis, position);
      const result = doRename(document, analysis, position, 'NEWNAME1');
      if (!offered) return assert.ok('error' in result);
      assert.ok('edit' in result, 'error' in result ? result.error : '');
      const edits = result.edit.changes?.[uri] ?? [];
      assert.ok(edits.some((edit) => JSON.stringify(edit.range) === JSON.stringify(offered)));
    });
  });
});

/** The analysis of a renamed text, to check what it now says. */
function service(text: string) {
  return open(text).analysis;
}
