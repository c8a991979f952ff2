import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { findDrift } from '../../client/src/live/drift';
import type { DefinitionOverview } from '../../server/src/protocol';
import { service } from '../service/fixture';
import { simulatedInventory } from '../fixtures/simulatedCluster';

const text = readFileSync(
  path.resolve(__dirname, '..', '..', '..', 'examples', 'sql-csv-2012r2.gcluster.yaml'),
  'utf8',
);

/** The 1-based line of the `occurrence`-th (from 0) line that contains `needle`. */
function lineOf(needle: string, occurrence = 0): number {
  const lines = text.split('\n');
  return lines.map((line, i) => (line.includes(needle) ? i : -1)).filter((i) => i >= 0)[occurrence]! + 1;
}

function overviewOf(source: string): DefinitionOverview {
  const document = TextDocument.create('file:///w/sql.gcluster.yaml', 'gcluster', 1, source);
  const parsed = service.parse(source);
  return service.overview(document, parsed, service.doValidation(document, parsed));
}

describe('drift between a definition and its live cluster', () => {
  it('finds the down host, the disk that is not shared, and the VM the definition does not describe', () => {
    const findings = findDrift(overviewOf(text), simulatedInventory);
    assert.deepEqual(
      findings.map((f) => `${f.code} ${f.severity} ${f.range.start.line + 1}: ${f.message}`),
      [
        `DRIFT006 warning ${lineOf('name: HV03')}: Host node HV03 is Down.`,
        `DRIFT004 error ${lineOf('      - SqlLog', 1)}: SQLVM02 has SqlLog attached on IDE 0:1, persistent reservations off: it is not shared. It must be on SCSI with persistent reservations.`,
        `DRIFT002 info ${lineOf('name: HVCLUS01')}: HVCLUS01 also runs LEGACY-APP, which this definition does not describe.`,
      ],
    );
  });

  it('finds a VM that is missing, one that is not highly available, and a disk not attached', () => {
    const inventory = {
      ...simulatedInventory,
      nodes: simulatedInventory.nodes.map((node) => ({ ...node, state: 'Up' })),
      vms: [
        {
          ...simulatedInventory.vms[0]!,
          isClustered: false,
          disks: simulatedInventory.vms[0]!.disks.slice(0, 2),
        },
      ],
    };
    assert.deepEqual(
      findDrift(overviewOf(text), inventory).map((f) => f.code),
      ['DRIFT005', 'DRIFT003', 'DRIFT003', 'DRIFT001'],
    );
  });

  it('finds nothing when the cluster is as defined', () => {
    const inventory = {
      ...simulatedInventory,
      nodes: simulatedInventory.nodes.map((node) => ({ ...node, state: 'Up' })),
      vms: simulatedInventory.vms.slice(0, 2).map((vm) => ({
        ...vm,
        disks: vm.disks.map((disk) => ({
          ...disk,
          controllerType: 'SCSI',
          supportPersistentReservations: true,
        })),
      })),
    };
    assert.deepEqual(findDrift(overviewOf(text), inventory), []);
  });
});
