import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ServerProcess } from '../lsp/serverProcess';
import { generateDefinition } from './generate';
import { measureAsync, ms, summarize, residentMB } from './stats';

/**
 * A generated workspace of definitions with 4 to 8 VMs each, a few pairs sharing a disk file or
 * a cluster name on purpose. Measures the time the server takes to index all of it
 * (from `initialized` to its "Indexed" log) beside the bare YAML parse of the same files, its
 * memory after, and the time from an edit in one file to the cross-file diagnostics of the file
 * it clashes with.
 */
export async function benchWorkspace(folder: string, fileCount: number, edits: number): Promise<string> {
  rmSync(folder, { recursive: true, force: true });
  const files: string[] = [];
  for (let i = 0; i < fileCount; i++) {
    const dir = path.join(folder, `team${i % 20}`);
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `cluster${i}.gcluster.yaml`);
    writeFileSync(file, definitionNumber(i));
    files.push(file);
  }
  const texts = files.map((file) => readFileSync(file, 'utf8'));
  const bareParse = coldBareParse(files);

  const started = performance.now();
  const { server } = await ServerProcess.start(
    {},
    { workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'bench' }] },
  );
  await server.nextLog((message) => message.startsWith('Indexed '), 600000);
  const indexing = performance.now() - started;
  const rss = residentMB(server.child.pid);

  // Files 0 and 10 clash on a disk file; editing 0's path away and back toggles 10's warning.
  const edited = pathToFileURL(files[0]!).href;
  const other = pathToFileURL(files[10]!).href;
  const text = texts[0]!;
  await server.open(edited, text);
  const line = text.split('\n').findIndex((l) => l.includes('Shared0\\Data.vhdx'));
  const character = text.split('\n')[line]!.indexOf('Shared0');
  let version = 1;
  const latency = summarize(
    await measureAsync(
      edits,
      async () => {
        version++;
        const clash = version % 2 === 1;
        const next = server.nextDiagnostics(
          other,
          (p) => p.diagnostics.some((d) => d.code === 'WKS001') === clash,
        );
        await server.connection.sendNotification('textDocument/didChange', {
          textDocument: { uri: edited, version },
          contentChanges: [
            {
              range: { start: { line, character }, end: { line, character: character + 7 } },
              text: clash ? 'Shared0' : 'Private',
            },
          ],
        });
        await next;
      },
      1,
    ),
  );
  await server.stop();
  rmSync(folder, { recursive: true, force: true });
  return [
    '| files | VMs | bare read + parse of all files (fresh process) | server: indexing all files | ratio | server RSS after indexing | edit → cross-file diagnostics median / p95 |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    `| ${fileCount} | ${texts.reduce((n, t) => n + (t.match(/\n {2}- name: /g)?.length ?? 0), 0)} | ${ms(bareParse)} ms | ${ms(indexing)} ms | ${(indexing / bareParse).toFixed(2)}× | ${rss.toFixed(0)} MB | ${ms(latency.median)} / ${ms(latency.p95)} ms |`,
  ].join('\n');
}

/**
 * Definition `i`: 4 to 8 VMs with names of its own. In every twenty, file 10 shares its disk
 * files with file 0, and file 15 its cluster name with file 5: a clash on each side, in pairs.
 */
function definitionNumber(i: number): string {
  const vms = 4 + (i % 5);
  const definition = generateDefinition(vms).replaceAll('Shared\\', `Shared${i}\\`);
  const shared =
    i % 20 === 10 ? definition.replace(`Shared${i}\\Data.vhdx`, `Shared${i - 10}\\Data.vhdx`) : definition;
  return shared
    .replaceAll('SQLVM', `C${i}VM`)
    .replace('SQLBENCH', `CLUS${i % 20 === 15 ? i - 10 : i}`)
    .replace(`bench-${vms}`, `bench-${i}`);
}

/**
 * Reading and parsing every file with `yaml` alone, in a fresh Node process as the server is:
 * the floor of any server that must read the workspace, measured as cold as the server starts.
 */
function coldBareParse(files: readonly string[]): number {
  const list = path.join(path.dirname(files[0]!), '..', 'files.json');
  writeFileSync(list, JSON.stringify(files));
  const script = `
    const { readFileSync } = require('node:fs');
    const { parseDocument } = require(${JSON.stringify(require.resolve('yaml'))});
    const files = JSON.parse(readFileSync(process.argv[1], 'utf8'));
    const started = performance.now();
    for (const file of files) parseDocument(readFileSync(file, 'utf8'));
    process.stdout.write(String(performance.now() - started));`;
  const result = spawnSync(process.execPath, ['-e', script, list], { encoding: 'utf8' });
  rmSync(list);
  return Number(result.stdout);
}
