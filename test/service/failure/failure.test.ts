import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countVotes, quorumAfter } from '../../../server/src/service/failure/quorum';
import {
  analyzeFailures,
  type FailureAnalysis,
  type Scenario,
} from '../../../server/src/service/failure/simulate';
import { service, validate } from '../fixture';

interface Guest {
  readonly name: string;
  readonly preferredHost?: string;
  readonly antiAffinity?: boolean;
  readonly osVolume: string;
  readonly guestOs?: string;
}

/** A small definition: hosts, CSV volumes (or an SOFS), guest nodes and a witness, and nothing else. */
function definition(options: {
  readonly hosts: readonly string[];
  readonly guests: readonly Guest[];
  readonly witness: string;
  readonly sofs?: boolean;
  readonly hostOs?: string;
}): string {
  const root = (volume: string) => (options.sofs ? `\\\\SOFS01\\${volume}` : `C:\\ClusterStorage\\${volume}`);
  const volumes = [...new Set([...options.guests.map((g) => g.osVolume), 'Data', 'Quorum'])];
  const storage = options.sofs
    ? `    kind: sofs\n    sofs:\n      name: SOFS01\n      os: windowsServer2016\n      shares:\n${volumes.map((v) => `        - { name: ${v}, path: '${root(v)}', capacityGB: 4096 }`).join('\n')}`
    : `    kind: csv\n    volumes:\n${volumes.map((v) => `      - { name: ${v}, path: '${root(v)}', capacityGB: 4096 }`).join('\n')}`;
  const disks = [`  - { name: AppData, path: '${root('Data')}\\AppData.vhdx', sizeGB: 100, type: fixed }`];
  const witnessDisk = options.witness.includes('disk: Witness');
  if (witnessDisk)
    disks.push(
      `  - { name: Witness, path: '${root('Quorum')}\\Witness.vhdx', sizeGB: 1, type: fixed, guestUse: witness }`,
    );
  const vms = options.guests.map(
    (g) => `  - name: ${g.name}
    generation: 2
    guestOs: ${g.guestOs ?? 'windowsServer2016'}
    processors: 2
    memory: { startupGB: 4 }
    osDisk: { path: '${root(g.osVolume)}\\${g.name}\\os.vhdx', sizeGB: 60 }
${g.preferredHost ? `    preferredHost: ${g.preferredHost}\n` : ''}${g.antiAffinity === false ? '' : '    antiAffinityClassNames: [AppCluster]\n'}    sharedDisks: [AppData${witnessDisk ? ', Witness' : ''}]`,
  );
  return `version: 1
name: failures
hostCluster:
  name: HVCLUS
  domain: corp.contoso.com
  os: ${options.hostOs ?? 'windowsServer2016'}
  nodes:
${options.hosts.map((h) => `    - name: ${h}`).join('\n')}
  storage:
${storage}
  networks:
    - { name: Cluster, role: cluster }
    - { name: Client, role: client }
  switch: Switch
sharedDisks:
${disks.join('\n')}
virtualMachines:
${vms.join('\n')}
guestCluster:
  name: APPCLUS
  domain: corp.contoso.com
  staticAddress: 10.0.0.50
  nodes: [${options.guests.map((g) => g.name).join(', ')}]
  quorum: ${options.witness}
`;
}

function analyze(text: string): FailureAnalysis {
  const analysis = analyzeFailures(service.analyze(service.parse(text)).model);
  assert.ok(analysis);
  return analysis;
}

/** "HV01: keeps (2 votes) · GA → HV02" — one line per scenario, to compare with the hand-worked answer. */
function summary(scenario: Scenario): string {
  const moved = scenario.moved.map((m) => `${m.vm} → ${m.to}`);
  const down = scenario.down.map((vm) => `${vm} down`);
  const lost = scenario.disksLost.length > 0 ? [`lost ${scenario.disksLost.join(', ')}`] : [];
  return [
    `${scenario.failed.join('+')}: ${scenario.quorum} (${scenario.votesLeft} votes)`,
    ...moved,
    ...down,
    ...lost,
  ].join(' · ');
}

function codes(text: string): string[] {
  return validate(text)
    .map((d) => String(d.code))
    .filter((code) => code.startsWith('FAIL'));
}

describe('failure analysis', () => {
  it('2 hosts, 2 guests, a disk witness on its own volume: survives any one host, not both', () => {
    // Votes: 2 nodes (even), so the dynamic witness votes: 3 in all, 2 needed.
    // HV01 fails: GA goes down and restarts on HV02; GB + witness = 2 votes: keeps.
    // Both hosts fail: the host cluster itself stops, so every VM and disk is gone.
    // Volume OsA lost: GA's OS disk is gone; GB + witness = 2: keeps. Quorum (the witness's
    // volume) lost: both nodes = 2 votes: keeps. Data lost: the nodes and witness stay, AppData is gone.
    const text = definition({
      hosts: ['HV01', 'HV02'],
      guests: [
        { name: 'GA', preferredHost: 'HV01', osVolume: 'OsA' },
        { name: 'GB', preferredHost: 'HV02', osVolume: 'OsB' },
      ],
      witness: '{ witness: disk, disk: Witness }',
    });
    const analysis = analyze(text);
    assert.deepEqual(
      [analysis.votes.total, analysis.votes.needed, analysis.votes.witnessVotes],
      [3, 2, true],
    );
    assert.deepEqual(analysis.scenarios.map(summary), [
      'HV01: keeps (2 votes) · GA → HV02',
      'HV02: keeps (2 votes) · GB → HV01',
      'HV01+HV02: loses (0 votes) · GA down · GB down · lost AppData, Witness',
      'OsA: keeps (2 votes) · GA down',
      'OsB: keeps (2 votes) · GB down',
      'Data: keeps (3 votes) · lost AppData',
      'Quorum: keeps (2 votes) · lost Witness',
    ]);
    // After HV01 fails, both guest nodes share HV02 until it comes back.
    assert.deepEqual(analysis.scenarios[0]!.sharingHost, [['GB', 'GA']]);
    assert.deepEqual(codes(text), []);
  });

  it('the witness on the volume of a node OS disk fails with it (FAIL002)', () => {
    // Same as above, but GA's OS disk lives on Quorum with the witness: losing Quorum takes GA
    // and the witness, leaving GB's 1 vote of 3; with the witness up it would have been 2.
    const text = definition({
      hosts: ['HV01', 'HV02'],
      guests: [
        { name: 'GA', preferredHost: 'HV01', osVolume: 'Quorum' },
        { name: 'GB', preferredHost: 'HV02', osVolume: 'OsB' },
      ],
      witness: '{ witness: disk, disk: Witness }',
    });
    const quorum = analyze(text).scenarios.find((s) => s.failed[0] === 'Quorum')!;
    assert.equal(summary(quorum), 'Quorum: loses (1 votes) · GA down · lost Witness');
    assert.deepEqual(codes(text), ['FAIL002']);
  });

  it('3 hosts, 2 guests without anti-affinity: they can be placed together; one host failure is survived', () => {
    // No preferred hosts: GA starts on HV01 and GB on HV02 (the hosts in turn). No shared
    // anti-affinity class: nothing keeps them apart, so the pair is a possible collision.
    // File share witness outside the definition: always up; 2 nodes (even) so it votes: 3 votes, 2 needed.
    // HV01 fails: GA restarts on the least loaded survivor, HV03; GB + witness = 2: keeps.
    // Any two hosts fail: 1 of 3 hosts is not half, so the host cluster stops: loses.
    const text = definition({
      hosts: ['HV01', 'HV02', 'HV03'],
      guests: [
        { name: 'GA', antiAffinity: false, osVolume: 'Os' },
        { name: 'GB', antiAffinity: false, osVolume: 'Os' },
      ],
      witness: "{ witness: fileShare, path: '\\\\FS01\\Witness\\APPCLUS' }",
    });
    const analysis = analyze(text);
    assert.deepEqual(
      analysis.placements.map((p) => `${p.vm} starts on ${p.startsOn}, may run on ${p.mayRunOn.join(', ')}`),
      ['GA starts on HV01, may run on HV01, HV02, HV03', 'GB starts on HV02, may run on HV01, HV02, HV03'],
    );
    assert.deepEqual(analysis.collisions, [{ vms: ['GA', 'GB'], why: 'noAntiAffinity' }]);
    assert.deepEqual(analysis.scenarios.filter((s) => s.kind !== 'storage').map(summary), [
      'HV01: keeps (2 votes) · GA → HV03',
      'HV02: keeps (2 votes) · GB → HV03',
      'HV03: keeps (3 votes)',
      'HV01+HV02: loses (1 votes) · GA down · GB down · lost AppData',
      'HV01+HV03: loses (1 votes) · GA down · GB down · lost AppData',
      'HV02+HV03: loses (1 votes) · GA down · GB down · lost AppData',
    ]);
    // Both OS disks on one volume: losing it stops both nodes; the witness alone is 1 vote of 3.
    assert.equal(
      summary(analysis.scenarios.find((s) => s.failed[0] === 'Os')!),
      'Os: loses (1 votes) · GA down · GB down',
    );
    assert.deepEqual(codes(text), []);
  });

  it('4 hosts, 3 guests, a file share witness on the SOFS: one host is fine, two may not be', () => {
    // 3 nodes (odd): the dynamic witness has no vote; 3 votes, 2 needed.
    // HV01 fails: G1 restarts on HV04 (empty); 2 votes: keeps. HV04 fails: nothing runs there.
    // HV01+HV02: 2 of 4 hosts is half, and the host cluster's witness keeps it up; G1 → HV04,
    // G2 → HV03 (every survivor already has an anti-affine node; HV03 comes first); G3 alone
    // is 1 vote: loses. The SOFS lost: every OS disk and the witness share are gone.
    const text = definition({
      hosts: ['HV01', 'HV02', 'HV03', 'HV04'],
      guests: [
        { name: 'G1', preferredHost: 'HV01', osVolume: 'VMs' },
        { name: 'G2', preferredHost: 'HV02', osVolume: 'VMs' },
        { name: 'G3', preferredHost: 'HV03', osVolume: 'VMs' },
      ],
      witness: "{ witness: fileShare, path: '\\\\SOFS01\\Quorum\\APPCLUS' }",
      sofs: true,
    });
    const analysis = analyze(text);
    assert.deepEqual(
      [analysis.votes.total, analysis.votes.witnessVotes, analysis.witnessStorage],
      [3, false, 'SOFS01'],
    );
    const byName = (failed: string) =>
      summary(analysis.scenarios.find((s) => s.failed.join('+') === failed)!);
    assert.equal(byName('HV01'), 'HV01: keeps (2 votes) · G1 → HV04');
    assert.equal(byName('HV04'), 'HV04: keeps (3 votes)');
    assert.equal(byName('HV01+HV02'), 'HV01+HV02: loses (1 votes) · G1 → HV04 · G2 → HV03');
    assert.equal(byName('HV03+HV04'), 'HV03+HV04: keeps (2 votes) · G3 → HV01');
    assert.equal(byName('SOFS01'), 'SOFS01: loses (0 votes) · G1 down · G2 down · G3 down · lost AppData');
    assert.equal(analysis.scenarios.filter((s) => s.kind === 'storage').length, 1, 'the SOFS fails as one');
    assert.deepEqual(codes(text), []);
  });

  it('a 2012 R2 guest cluster with no witness: one host failure may stop it (FAIL001)', () => {
    // 2 nodes and no witness: dynamic quorum takes one node's vote, so 1 vote in all, 1 needed.
    // Whichever host fails, the cluster survives only if the node that lost its vote is the one that fails.
    const text = definition({
      hosts: ['HV01', 'HV02'],
      guests: [
        { name: 'GA', preferredHost: 'HV01', osVolume: 'OsA', guestOs: 'windowsServer2012R2' },
        { name: 'GB', preferredHost: 'HV02', osVolume: 'OsB', guestOs: 'windowsServer2012R2' },
      ],
      witness: '{ witness: none }',
      hostOs: 'windowsServer2012R2',
    });
    const analysis = analyze(text);
    assert.deepEqual(
      [analysis.votes.total, analysis.votes.needed, analysis.votes.nodeWithoutVote],
      [1, 1, true],
    );
    assert.deepEqual(
      analysis.scenarios.filter((s) => s.kind === 'host').map((s) => s.quorum),
      ['depends', 'depends'],
    );
    const fail001 = validate(text).find((d) => d.code === 'FAIL001')!;
    assert.match(String(fail001.message), /^May not survive HV01 or HV02 failing: GA goes down at once/);
  });

  it('two guest nodes that prefer one host fail together (FAIL003 and FAIL001)', () => {
    // GA and GB both start on HV01: HV01 failing takes 2 of 3 votes at once (witness left: 1 < 2).
    const text = definition({
      hosts: ['HV01', 'HV02'],
      guests: [
        { name: 'GA', preferredHost: 'HV01', osVolume: 'OsA' },
        { name: 'GB', preferredHost: 'HV01', osVolume: 'OsB' },
      ],
      witness: '{ witness: disk, disk: Witness }',
    });
    assert.deepEqual(analyze(text).collisions, [{ vms: ['GA', 'GB'], why: 'preferredHost' }]);
    assert.deepEqual(codes(text).sort(), ['FAIL001', 'FAIL003']);
  });
});

describe('the vote arithmetic', () => {
  it('drops one vote of an even count without a witness only from 2012 R2 on (the tie breaker)', () => {
    // 2012 R2, 2 nodes, no witness: 1 vote counted; one node down keeps it only if that node had no vote.
    const r2 = countVotes(2, 'none', 'windowsServer2012R2');
    assert.deepEqual([r2.total, r2.nodeWithoutVote, quorumAfter(r2, 1, false)], [1, true, 'depends']);
    // 2012: both nodes vote, 2 needed: losing either stops the cluster.
    const w2012 = countVotes(2, 'none', 'windowsServer2012');
    assert.deepEqual([w2012.total, w2012.needed, quorumAfter(w2012, 1, false)], [2, 2, 'loses']);
    // 2012: a static witness always votes, even with 3 nodes: 4 votes, 3 needed; 2 nodes down loses.
    const static3 = countVotes(3, 'disk', 'windowsServer2012');
    assert.deepEqual(
      [static3.total, quorumAfter(static3, 1, true), quorumAfter(static3, 2, true)],
      [4, 'keeps', 'loses'],
    );
    // 2016, 4 nodes and no witness: 3 votes counted, 2 needed; 2 down at once depends on which.
    const four = countVotes(4, 'none', 'windowsServer2016');
    assert.deepEqual([four.total, four.needed, quorumAfter(four, 2, false)], [3, 2, 'depends']);
  });
});
