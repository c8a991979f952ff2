import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { baseline, expectDiagnostics, marked, messageOf, rangeText, vary } from '../fixture';

/** The text of a diagnostic's message, whichever form it takes. */
export function messageText(diagnostic: Diagnostic | undefined): string {
  assert.ok(diagnostic, 'expected a diagnostic');
  return messageOf(diagnostic);
}

/**
 * Like `expectDiagnostics`, and also asserts where the related information points: `‹…›` marks
 * those places in the fixture, as `«…»` marks the diagnostics themselves.
 */
export function expectRelated(source: string, code: string, severity: string): Diagnostic[] {
  const diagnostics = expectDiagnostics(source.replace(/[‹›]/g, ''), code, severity);
  const expected = marked(source.replace(/[«»]/g, '').replace(/‹/g, '«').replace(/›/g, '»')).ranges;
  const actual = diagnostics.flatMap((d) => d.relatedInformation ?? []);
  assert.deepEqual(
    actual.map((r) => rangeText(r.location.range)).sort(),
    expected.map(rangeText).sort(),
    `related information of ${code}`,
  );
  for (const related of actual) assert.equal(related.location.uri, 'file:///fixture.gcluster.yaml');
  return diagnostics;
}

/** Asserts that a message shows a hostile value quoted and escaped, never as raw lines. */
export function assertShownSafely(message: string, escaped: string): void {
  assert.ok(message.includes(escaped), `message should include ${escaped}: ${message}`);
  assert.doesNotMatch(message, /[\r\n\u2028\u2029]/, 'a message never contains a raw line break');
}

/** A third VM, like the two of the baseline, on host HV03. */
export const thirdVm = `  - name: SQLVM03
    generation: 2
    guestOs: windowsServer2012R2
    processors: 4
    memory: { startupGB: 16 }
    osDisk: { path: 'C:\\ClusterStorage\\Volume1\\SQLVM03\\os.vhdx', sizeGB: 60 }
    preferredHost: HV03
    antiAffinityClassNames: [SqlGuestCluster]
    sharedDisks:
      - SqlData
      - { disk: Witness, controller: scsi, controllerNumber: 0, location: 2, persistentReservations: true }
`;

/** Adds a VM (by default `thirdVm`) after the baseline's two, without making it a guest node. */
export function withVm(vm = thirdVm, source = baseline): string {
  return vary([['guestCluster:\n', `${vm}guestCluster:\n`]], source);
}

/** The baseline with SQLVM03 as a third guest node (still valid: three hosts). */
export function withThirdGuest(source = baseline): string {
  return vary([['nodes: [SQLVM01, SQLVM02]', 'nodes: [SQLVM01, SQLVM02, SQLVM03]']], withVm(thirdVm, source));
}

/** The baseline with its shared disks on the share of a Scale-Out File Server instead of a CSV. */
export const sofsBaseline = vary([
  [
    `    kind: csv
    volumes:
      - { name: Volume1, path: 'C:\\ClusterStorage\\Volume1', capacityGB: 2048 }
`,
    `    kind: sofs
    sofs:
      name: SOFS01
      os: windowsServer2012R2
      shares:
        - { name: VMStore, path: '\\\\SOFS01\\VMStore', capacityGB: 4096 }
`,
  ],
  ["'C:\\ClusterStorage\\Volume1\\Shared\\SqlData.vhdx'", "'\\\\SOFS01\\VMStore\\Shared\\SqlData.vhdx'"],
  ["'C:\\ClusterStorage\\Volume1\\Shared\\Witness.vhdx'", "'\\\\SOFS01\\VMStore\\Shared\\Witness.vhdx'"],
]);

/** The baseline on Windows Server 2016 hosts with both shared disks as VHD Sets. */
export const vhdSetBaseline = vary([
  ['  os: windowsServer2012R2', '  os: windowsServer2016'],
  ['SqlData.vhdx', 'SqlData.vhds'],
  ['Witness.vhdx', 'Witness.vhds'],
]);
