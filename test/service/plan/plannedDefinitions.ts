import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import assert from 'node:assert/strict';
import { service } from '../fixture';

const root = path.resolve(__dirname, '..', '..', '..', '..');
export const examples = ['sql-csv-2012r2', 'fileserver-sofs-2016'];
const versions = [
  'windowsServer2012R2',
  'windowsServer2016',
  'windowsServer2019',
  'windowsServer2022',
  'windowsServer2025',
];

export const example = (name: string) =>
  readFileSync(path.join(root, 'examples', `${name}.gcluster.yaml`), 'utf8');

/** The SQL example on hosts and guests of one version, with the witness of one kind. */
export function sqlOn(version: string, witness = '{ witness: disk, disk: Witness }'): string {
  return example('sql-csv-2012r2')
    .replaceAll('windowsServer2012R2', version)
    .replace('guestOs: windowsServer2012\n', `guestOs: ${version}\n`)
    .replace(/ *integrationServices: .*\n/, '')
    .replace('quorum: { witness: disk, disk: Witness }', `quorum: ${witness}`);
}

/** Every definition planned in these tests: the examples, each OS version, each witness kind, and generated ones. */
export function plannedDefinitions(): [string, string][] {
  const texts: [string, string][] = examples.map((name) => [name, example(name)]);
  for (const version of versions) {
    texts.push([`sql on ${version}`, sqlOn(version)]);
    texts.push([
      `sql on ${version}, file share witness`,
      sqlOn(version, "{ witness: fileShare, path: '\\\\FS01\\Witness' }"),
    ]);
    if (version !== 'windowsServer2012R2') {
      texts.push([
        `sql on ${version}, cloud witness`,
        sqlOn(version, '{ witness: cloud, storageAccount: contosowitness }'),
      ]);
    }
  }
  for (const storage of ['csv', 'sofs'] as const) {
    for (const guestNodes of [2, 5, 64]) {
      const made = service.newDefinition({ name: 'GENCLUS', guestNodes, storage });
      assert.ok('text' in made);
      texts.push([`generated ${storage} ${guestNodes}`, made.text]);
    }
  }
  return texts;
}
