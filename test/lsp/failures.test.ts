import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import {
  CodeLensRequest,
  HoverRequest,
  InlayHintRequest,
  type CodeLens,
  type Hover,
  type InlayHint,
} from 'vscode-languageserver-protocol';
import { FailuresRequest, type FailuresResult } from '../../server/src/protocol';
import { baseline } from '../service/fixture';
import { ServerProcess } from './serverProcess';

const lineOf = (needle: string) => baseline.split('\n').findIndex((line) => line.includes(needle));

/**
 * The baseline, worked by hand: 3 hosts; SQLVM01 prefers HV01 and SQLVM02 HV02, one anti-affinity
 * class; a disk witness; 2012 R2 guests. 2 nodes (even), so the dynamic witness votes: 3 votes,
 * 2 needed. Any one host failing moves at most one node (to HV03, the empty host): 2 votes left.
 * Any two hosts failing leaves 1 of 3 hosts, so the host cluster itself stops.
 * Volume1 holds SqlData (500 GB), Witness (1 GB) and both 60 GB OS disks: 621 of 2048 GB.
 */
describe('failure analysis over a real connection', () => {
  let server: ServerProcess;
  const uri = 'file:///work/failures.gcluster.yaml';
  before(async () => {
    server = (await ServerProcess.start()).server;
  });
  afterEach(() => server.closeAll());
  after(() => server.stop());

  it('shows inlay hints after the guest nodes, the shared disks and the guest VMs, in the range asked', async () => {
    await server.open(uri, baseline);
    const all = (await server.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } },
    })) as InlayHint[];
    const lines = baseline.split('\n');
    assert.deepEqual(
      all.map(
        (hint) =>
          `${hint.position.line}:${hint.position.character === lines[hint.position.line]!.length} ${String(hint.label)}`,
      ),
      [
        `${lineOf('nodes: [SQLVM01, SQLVM02]')}:true 3 votes · survives 1 host failure`,
        `${lineOf('name: SqlData')}:true on Volume1 · 1.4 TB free`,
        `${lineOf('name: Witness')}:true on Volume1 · 1.4 TB free`,
        `${lineOf('- name: SQLVM01')}:true runs on HV01 · may run on HV01, HV02, HV03`,
        `${lineOf('- name: SQLVM02')}:true runs on HV02 · may run on HV01, HV02, HV03`,
      ].sort((a, b) => Number(a.split(':')[0]) - Number(b.split(':')[0])),
    );
    assert.match(
      String(all.find((hint) => String(hint.label).startsWith('3 votes'))!.tooltip),
      /total 3; more than half is 2/,
    );
    const some = (await server.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri },
      range: {
        start: { line: lineOf('- name: SQLVM02'), character: 0 },
        end: { line: lineOf('- name: SQLVM02'), character: 99 },
      },
    })) as InlayHint[];
    assert.deepEqual(
      some.map((hint) => String(hint.label)),
      ['runs on HV02 · may run on HV01, HV02, HV03'],
    );
  });

  it('puts "Simulate failures" above guestCluster and the attachment count above each shared disk', async () => {
    await server.open(uri, baseline);
    const lenses = (await server.connection.sendRequest(CodeLensRequest.type, {
      textDocument: { uri },
    })) as CodeLens[];
    assert.deepEqual(
      lenses.map((lens) => [lens.range.start.line, lens.command?.title, lens.command?.command]),
      [
        [
          lineOf('guestCluster:'),
          'Simulate failures (3 votes · survives 1 host failure)',
          'gcluster.simulateFailures',
        ],
        [lineOf('name: SqlData'), 'Attached to 2 of 2 guest nodes', ''],
        [lineOf('name: Witness'), 'Attached to 2 of 2 guest nodes', ''],
      ],
    );
    assert.deepEqual(lenses[0]!.command?.arguments, [uri]);
  });

  it('answers the failure table, and shows the vote arithmetic on quorum', async () => {
    await server.open(uri, baseline);
    const report = await server.connection.sendRequest<FailuresResult>(FailuresRequest.method, { uri });
    assert.ok('markdown' in report);
    assert.ok(
      report.markdown.includes('| HV01 fails | SQLVM01 restarts on HV03 | 2 of 3 | keeps quorum | — |'),
      report.markdown,
    );
    assert.ok(
      report.markdown.includes(
        '| HV01 and HV02 fail | SQLVM01 down; SQLVM02 down | 0 of 3 | **stops** (the host cluster stops) |',
      ),
    );
    assert.ok(report.markdown.includes('- SQLVM01: host HV01 (restarts elsewhere), OS disk on Volume1\n'));
    assert.ok(report.markdown.includes('- the disk witness: on Volume1, through the host cluster\n'));
    // The worst single failure: losing Volume1 takes both OS disks and the witness.
    assert.deepEqual(report.highlight, {
      failure: 'Volume1 lost',
      virtualMachines: ['SQLVM01', 'SQLVM02'],
      sharedDisks: ['SqlData', 'Witness'],
      hostNodes: [],
    });
    const line = lineOf('quorum: { witness: disk');
    const hover = (await server.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line, character: baseline.split('\n')[line]!.indexOf('quorum') + 2 },
    })) as Hover;
    const text = (hover.contents as { value: string }).value;
    assert.match(text, /\*\*Quorum: the vote arithmetic\*\*/);
    assert.match(text, /- 2 nodes: 2 votes\n- disk witness: 1 vote/);
    assert.match(text, /- total 3; more than half is 2/);
  });

  it('answers plainly when there is nothing to simulate', async () => {
    const bare = 'version: 1\nname: x\n';
    await server.open('file:///work/bare.gcluster.yaml', bare);
    const report = await server.connection.sendRequest<FailuresResult>(FailuresRequest.method, {
      uri: 'file:///work/bare.gcluster.yaml',
    });
    assert.ok('unavailable' in report);
  });
});
