import { readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument } from 'yaml';
import { createLanguageService } from '../../server/src/service/languageService';
import { ServerProcess } from '../lsp/serverProcess';
import { benchEditing } from './editingBench';
import { generateDefinition } from './generate';
import { benchFailures } from './failureBench';
import { benchPlans } from './planBench';
import { benchWorkspace } from './workspaceBench';
import { measure, measureAsync, ms, summarize, type Summary, residentMB } from './stats';

/**
 * `npm run bench`: text → diagnostics in the service, and open/edit → diagnostics through the
 * real server over stdio, beside the bare YAML parse of the same text, at 8, 64, 1000 and 3000
 * VMs. Prints the table and writes it into docs/performance.md.
 */
interface Row {
  vms: number;
  kb: number;
  parse: Summary;
  service: Summary;
  open: Summary;
  edit: Summary;
  rssMB: number;
  restMB: number;
}

const sizes = [
  { vms: 8, runs: 60 },
  { vms: 64, runs: 60 },
  { vms: 1000, runs: 20 },
  { vms: 3000, runs: 10 },
];

async function main(): Promise<void> {
  const service = createLanguageService();
  const rows: Row[] = [];
  for (const { vms, runs } of sizes) {
    const text = generateDefinition(vms);
    const document = TextDocument.create('file:///bench.gcluster.yaml', 'gcluster', 1, text);
    const check = service.doValidation(document, service.parse(text));
    if (check.some((d) => d.severity === 1 && d.code !== 'TOPO002')) {
      throw new Error(`generated definition has errors: ${check.map((d) => String(d.code)).join(', ')}`);
    }
    const parse = summarize(measure(runs, () => parseDocument(text)));
    const serviceTimes = summarize(measure(runs, () => service.doValidation(document, service.parse(text))));
    const server = (await ServerProcess.start()).server;
    const open = summarize(
      await measureAsync(runs, async (i) => {
        const uri = `file:///bench/open-${vms}-${i}.gcluster.yaml`;
        await server.open(uri, text);
        await server.close(uri);
      }),
    );
    const uri = `file:///bench/edit-${vms}.gcluster.yaml`;
    await server.open(uri, text);
    // A one-character edit on the definition's name, as typing does: alternate two letters.
    const offset = text.indexOf(`bench-${vms}`) + 'bench'.length;
    const position = document.positionAt(offset);
    let version = 1;
    const edit = summarize(
      await measureAsync(runs, async () => {
        version++;
        const range = { start: position, end: { line: position.line, character: position.character + 1 } };
        await server.change(uri, version, [{ range, text: version % 2 === 0 ? '_' : '-' }]);
      }),
    );
    const rssMB = residentMB(server.child.pid);
    const restMB = await residentAtRest(server.child.pid);
    await server.stop();
    rows.push({
      vms,
      kb: Buffer.byteLength(text) / 1024,
      parse,
      service: serviceTimes,
      open,
      edit,
      rssMB,
      restMB,
    });
    process.stdout.write(`measured ${vms} VMs\n`);
  }
  const validation = renderTable(rows);
  process.stdout.write(`\n${validation}\n`);
  const editing = await benchEditing([
    { vms: 64, runs: 60 },
    { vms: 1000, runs: 30 },
  ]);
  process.stdout.write(`\n${editing}\n`);
  const workspace = await benchWorkspace(
    path.resolve(__dirname, '..', '..', '..', '.bench', 'workspace'),
    1000,
    40,
  );
  process.stdout.write(`\n${workspace}\n`);
  const plans = benchPlans();
  process.stdout.write(`\n${plans}\n`);
  const failures = benchFailures();
  process.stdout.write(`\n${failures}\n`);
  writePerformanceDoc(
    `Validation:\n\n${validation}\n\nEditing requests through the server:\n\n${editing}\n\nWorkspace index:\n\n${workspace}\n\nDeployment plans:\n\n${plans}\n\nFailure analysis:\n\n${failures}`,
  );
}

/**
 * V8 gives memory back to the system some seconds after a burst of work ends (its memory
 * reducer); the resident size then is what an open definition costs while the user reads it.
 */
async function residentAtRest(pid: number | undefined): Promise<number> {
  let lowest = residentMB(pid);
  for (let second = 0; second < 15; second++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    lowest = Math.min(lowest, residentMB(pid));
  }
  return lowest;
}

function renderTable(rows: readonly Row[]): string {
  const header = [
    '| VMs | file | bare parse median / p95 | service: text → diagnostics median / p95 | ratio to parse (median) | server: open → diagnostics median / p95 | server: edit → diagnostics median / p95 | server RSS after the edits / at rest |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const lines = rows.map((r) =>
    [
      '',
      r.vms,
      `${r.kb.toFixed(0)} KB`,
      `${ms(r.parse.median)} / ${ms(r.parse.p95)} ms`,
      `${ms(r.service.median)} / ${ms(r.service.p95)} ms`,
      `${(r.service.median / r.parse.median).toFixed(2)}×`,
      `${ms(r.open.median)} / ${ms(r.open.p95)} ms`,
      `${ms(r.edit.median)} / ${ms(r.edit.p95)} ms`,
      `${r.rssMB.toFixed(0)} / ${r.restMB.toFixed(0)} MB`,
      '',
    ]
      .join(' | ')
      .trim(),
  );
  return [...header, ...lines].join('\n');
}

function writePerformanceDoc(table: string): void {
  const file = path.resolve(__dirname, '..', '..', '..', 'docs', 'performance.md');
  const begin = '<!-- bench:begin -->';
  const end = '<!-- bench:end -->';
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const block = `${begin}\nMeasured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} × ${cpu}.\n\n${table}\n${end}`;
  let doc: string;
  try {
    doc = readFileSync(file, 'utf8');
  } catch {
    doc = `# Performance\n\n${begin}\n${end}\n`;
  }
  const from = doc.indexOf(begin);
  const to = doc.indexOf(end);
  doc =
    from >= 0 && to > from ? doc.slice(0, from) + block + doc.slice(to + end.length) : `${doc}\n${block}\n`;
  writeFileSync(file, doc);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
