import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FormattingOptions, TextEdit } from 'vscode-languageserver-types';
import { parseDocument } from 'yaml';
import { formatDocument } from '../../../server/src/service/formatting';
import { baseline, service, validate, vary } from '../fixture';

const examplesFolder = path.resolve(__dirname, '..', '..', '..', '..', 'examples');
const examples = readdirSync(examplesFolder)
  .filter((file) => file.endsWith('.gcluster.yaml'))
  .map((file) => [file, readFileSync(path.join(examplesFolder, file), 'utf8')] as const);

function edits(text: string, options: Partial<FormattingOptions> = {}): TextEdit[] {
  const document = TextDocument.create('file:///format.gcluster.yaml', 'gcluster', 1, text);
  return formatDocument(document, service.analyze(service.parse(text)), {
    tabSize: 2,
    insertSpaces: true,
    ...options,
  });
}

function format(text: string, options: Partial<FormattingOptions> = {}): string {
  const document = TextDocument.create('file:///format.gcluster.yaml', 'gcluster', 1, text);
  return TextDocument.applyEdits(document, edits(text, options));
}

/** Every kind of untidiness at once: the tidy version of it is `tidy` below. */
const messy = `# Finance SQL cluster   
version:   1
name :  sql-prod
hostCluster:
    name:\tHVCLUS01
    domain: corp.contoso.com   
    os: windowsServer2012R2
          # the hosts, a comment indented too far
    nodes:
    - name: HV01
    -   name: HV02    # the second host
    storage:
       kind: csv
       volumes:
          - {name: Volume1,path: 'C:\\ClusterStorage\\Volume1',capacityGB: 2048}
 # networks, a comment indented too little
    networks:
      -   { name: Cluster , role: cluster }
      - {name: Client, role: client}
    switch:    ConvergedSwitch



sharedDisks:
- { name: SqlData, path: "C:\\\\ClusterStorage\\\\Volume1\\\\Shared\\\\SqlData.vhdx", sizeGB: 500, type: fixed }
virtualMachines:
   - name: SQLVM01
     generation: 2
     memory: {startupGB: 16}
     antiAffinityClassNames: [ SqlGuestCluster ]
     sharedDisks: [ SqlData,Witness ]


   - name: SQLVM02   
     generation: 2
guestCluster:
    nodes: [SQLVM01 ,SQLVM02]   # both VMs
    quorum: { witness: disk,disk: Witness }


`;

const tidy = `# Finance SQL cluster
version: 1
name: sql-prod
hostCluster:
  name: HVCLUS01
  domain: corp.contoso.com
  os: windowsServer2012R2
  # the hosts, a comment indented too far
  nodes:
    - name: HV01
    - name: HV02 # the second host
  storage:
    kind: csv
    volumes:
      - { name: Volume1, path: 'C:\\ClusterStorage\\Volume1', capacityGB: 2048 }
  # networks, a comment indented too little
  networks:
    - { name: Cluster, role: cluster }
    - { name: Client, role: client }
  switch: ConvergedSwitch

sharedDisks:
  - { name: SqlData, path: "C:\\\\ClusterStorage\\\\Volume1\\\\Shared\\\\SqlData.vhdx", sizeGB: 500, type: fixed }
virtualMachines:
  - name: SQLVM01
    generation: 2
    memory: { startupGB: 16 }
    antiAffinityClassNames: [SqlGuestCluster]
    sharedDisks: [SqlData, Witness]

  - name: SQLVM02
    generation: 2
guestCluster:
  nodes: [SQLVM01, SQLVM02] # both VMs
  quorum: { witness: disk, disk: Witness }
`;

describe('formatting', () => {
  it('leaves the examples and the baseline as they are', () => {
    for (const [file, text] of examples) assert.deepEqual(edits(text), [], file);
    assert.deepEqual(edits(baseline), []);
  });

  it('normalises indentation, spacing, blank lines and the final newline', () => {
    assert.equal(format(messy), tidy);
  });

  it('is idempotent', () => {
    assert.deepEqual(edits(tidy), []);
    assert.deepEqual(edits(format(messy, { tabSize: 4 }), { tabSize: 4 }), []);
    for (const [file, text] of examples)
      assert.deepEqual(edits(format(text, { tabSize: 4 }), { tabSize: 4 }), [], file);
  });

  it('indents by the tab size, with spaces even when the editor uses tabs', () => {
    const source = `hostCluster:
  name: HVCLUS01
  nodes:
    - name: HV01
      weight: 1 # trailing
  # about storage
  storage: { kind: csv }
`;
    const expected = `hostCluster:
    name: HVCLUS01
    nodes:
        - name: HV01
          weight: 1 # trailing
    # about storage
    storage: { kind: csv }
`;
    assert.equal(format(source, { tabSize: 4 }), expected);
    assert.equal(format(source, { tabSize: 4, insertSpaces: false }), expected);
    assert.equal(format(expected, { tabSize: 2 }), source);
    for (const [file, text] of examples) {
      const wide = format(text, { tabSize: 4 });
      assert.notEqual(wide, text, file);
      assert.equal(format(wide, { tabSize: 2 }), text, file);
    }
  });

  it('keeps a flow collection written over several lines, re-indented', () => {
    const source = `sharedDisks:
- {
  name: Profiles,   # the profile disk
        # its path
  path: '\\\\SOFS01\\VMStore\\FS\\Profiles.vhds',
  sizeGB: 1024,
  tags: [
  a,b
  ],
}
`;
    assert.equal(
      format(source),
      `sharedDisks:
  - {
      name: Profiles, # the profile disk
      # its path
      path: '\\\\SOFS01\\VMStore\\FS\\Profiles.vhds',
      sizeGB: 1024,
      tags: [
        a, b
      ],
    }
`,
    );
  });

  it('keeps every comment, every quote and every spelling of a scalar', () => {
    const source = `# head comment
version:    1 # trailing
name:   "sql-prod"   # double quoted
description:   'it''s plain'
hostCluster:
  # before a key
  name: HVCLUS01
  domain: # between a key and its value
     corp.contoso.com
  nodes:     # the list
  # before an item
  - name: HV01
  - 'HV02'
  storage:
      volumes:
      - { path: 'C:\\ClusterStorage\\Volume1', capacityGB: 0x800, sizeGB: 010, ratio: 1.50, on: yes }
# tail comment
`;
    const expected = `# head comment
version: 1 # trailing
name: "sql-prod" # double quoted
description: 'it''s plain'
hostCluster:
  # before a key
  name: HVCLUS01
  domain: # between a key and its value
    corp.contoso.com
  nodes: # the list
    # before an item
    - name: HV01
    - 'HV02'
  storage:
    volumes:
      - { path: 'C:\\ClusterStorage\\Volume1', capacityGB: 0x800, sizeGB: 010, ratio: 1.50, on: yes }
# tail comment
`;
    assert.equal(format(source), expected);
    const comments = (text: string) => text.match(/#.*/g);
    assert.deepEqual(comments(format(source)), comments(source));
  });

  it('moves block and multi-line scalars with their key, keeping their content', () => {
    const source = `description: |
    first line
      indented line

    after a blank line
notes: >-
      folded
      text
summary: a plain scalar
      over two lines
quoted: "a quoted scalar
             over two lines"
`;
    const expected = `description: |
  first line
    indented line

  after a blank line
notes: >-
  folded
  text
summary: a plain scalar
  over two lines
quoted: "a quoted scalar
  over two lines"
`;
    assert.equal(format(source), expected);
    assert.deepEqual(parseDocument(expected).toJS(), parseDocument(source).toJS());
  });

  it('drops a trailing comma in a one-line flow collection, and tidies empty ones', () => {
    assert.equal(
      format('a: [ 1,2, ]\nb: {  }\nc: [ ]\nd: {x: 1,}\n'),
      'a: [1, 2]\nb: {}\nc: []\nd: { x: 1 }\n',
    );
  });

  it('keeps the line breaks of the document (CRLF)', () => {
    const source = 'hostCluster:\r\n    name: HVCLUS01   \r\n    nodes:\r\n    - name: HV01\r\n';
    assert.equal(format(source), 'hostCluster:\r\n  name: HVCLUS01\r\n  nodes:\r\n    - name: HV01\r\n');
  });

  it('adds the final newline and removes blank lines at both ends', () => {
    assert.equal(format('\n\nversion: 1\nname: x'), 'version: 1\nname: x\n');
    assert.equal(format('version: 1\n\n\n\n'), 'version: 1\n');
  });

  it('does nothing to a file with a syntax error, several documents, or refused', () => {
    assert.deepEqual(edits('hostCluster:\n    nodes: [HV01\n    name:   x\n'), []);
    assert.deepEqual(edits('version:    1\n---\nversion:    1\n'), []);
    assert.deepEqual(edits('a:    1\na:    2\n'), []);
    const text = 'version:    1\n';
    const parsed = service.parse(text);
    const refused = { ...service.analyze(parsed), parsed: { ...parsed, refused: true } };
    const document = TextDocument.create('file:///format.gcluster.yaml', 'gcluster', 1, text);
    assert.deepEqual(formatDocument(document, refused, { tabSize: 2, insertSpaces: true }), []);
    assert.notDeepEqual(edits(text), []);
  });

  it('keeps the diagnostics and the data of the definition', () => {
    const broken = examples.find(([file]) => file.startsWith('broken'))![1];
    const messyBroken = broken
      .replace(
        /^( *)(- )?/gm,
        (_all, indent: string, dash?: string) => indent + indent + (dash ? '-   ' : ''),
      )
      .replace(/: /g, ':   ')
      .replace(/\n/g, '  \n');
    for (const text of [messy, messyBroken, vary([['    generation: 2', '    generation:   2   ']])]) {
      const formatted = format(text);
      assert.notEqual(formatted, text);
      const codes = (source: string) => validate(source).map((d) => String(d.code));
      assert.deepEqual(codes(formatted), codes(text));
      assert.deepEqual(parseDocument(formatted).toJS(), parseDocument(text).toJS());
    }
    assert.equal(format(messyBroken), broken);
  });

  it('returns one small edit for one changed line', () => {
    const text = vary([['    preferredHost: HV01', '    preferredHost:     HV01   ']]);
    const result = edits(text);
    assert.equal(result.length, 1);
    const line = baseline.split('\n').indexOf('    preferredHost: HV01');
    assert.deepEqual(result[0], {
      range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } },
      newText: '    preferredHost: HV01\n',
    });
    assert.equal(format(text), baseline);
  });

  it('returns one edit per run of changed lines', () => {
    const text = vary([
      [
        '    - name: HV01\n    - name: HV02\n    - name: HV03',
        '  - name: HV01\n  - name: HV02\n  - name: HV03',
      ],
      ['  staticAddress: 10.0.10.50', '  staticAddress:  10.0.10.50'],
    ]);
    const lines = baseline.split('\n');
    const hosts = lines.indexOf('    - name: HV01');
    const address = lines.indexOf('  staticAddress: 10.0.10.50');
    assert.deepEqual(
      edits(text).map((edit) => [edit.range.start.line, edit.range.end.line, edit.newText]),
      [
        [hosts, hosts + 3, '    - name: HV01\n    - name: HV02\n    - name: HV03\n'],
        [address, address + 1, '  staticAddress: 10.0.10.50\n'],
      ],
    );
    assert.equal(format(text), baseline);
  });
});
