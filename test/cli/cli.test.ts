import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const root = path.resolve(__dirname, '..', '..', '..');
const cli = path.join(root, 'dist', 'cli.js');
const scratch = mkdtempSync(path.join(tmpdir(), 'gcluster-cli-'));

/** Runs the built CLI as a user would: a separate process, arguments as an array, in `cwd`. */
function gcluster(args: string[], cwd = root) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 30000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const codesIn = (text: string) =>
  [...text.matchAll(/ (?:error|warning|info|hint) ([A-Z]+[0-9]+) /g)].map((m) => m[1]);

describe('gcluster validate', () => {
  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('exits 0 with no diagnostics on the clean examples', () => {
    const run = gcluster([
      'validate',
      'examples/sql-csv-2012r2.gcluster.yaml',
      'examples/fileserver-sofs-2016.gcluster.yaml',
    ]);
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.equal(run.stdout, '2 files checked: 0 errors, 0 warnings\n');
  });

  it('exits 1 on the broken example and names its expected codes', () => {
    const run = gcluster(['validate', 'examples/broken.gcluster.yaml']);
    assert.equal(run.status, 1);
    const expected = [
      'TOPO001',
      'NET001',
      'STOR001',
      'STOR004',
      'OPS001',
      'NAME001',
      'TOPO005',
      'GEN002',
      'ATT001',
      'ATT002',
      'ATT003',
      'SCHEMA001',
      'TOPO006',
      'Q001',
    ];
    assert.deepEqual([...new Set(codesIn(run.stdout))].sort(), expected.sort());
    assert.match(
      run.stdout,
      /^examples\/broken\.gcluster\.yaml:19:28 error STOR001 Shared disk 'AppData' is a \.vhd;/m,
    );
  });

  it('searches a folder for *.gcluster.yaml and takes quoted globs', () => {
    const folder = gcluster(['validate', 'examples']);
    assert.equal(folder.status, 1);
    assert.match(folder.stdout, /3 files checked/);
    const glob = gcluster(['validate', 'examples/**/*sofs*.gcluster.yaml']);
    assert.equal(glob.status, 0, glob.stdout);
    assert.match(glob.stdout, /^1 file checked/);
  });

  it('exits 2 on usage and I/O errors, with a message on stderr', () => {
    for (const args of [
      [],
      ['check', 'x'],
      ['validate'],
      ['validate', '--format', 'xml', 'examples'],
      ['validate', 'no/such/file.gcluster.yaml'],
      ['validate', '--rule', 'STOR001', 'examples'],
    ]) {
      const run = gcluster(args);
      assert.equal(run.status, 2, `${args.join(' ')}: ${run.stdout}`);
      assert.match(run.stderr, /^gcluster: /, args.join(' '));
    }
  });

  it('prints help and version', () => {
    assert.match(gcluster(['--help']).stdout, /Usage: gcluster validate/);
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    assert.equal(gcluster(['--version']).stdout.trim(), pkg.version);
  });

  it('lets --rule change a severity or turn a rule off', () => {
    const off = gcluster([
      'validate',
      '--rule',
      'NET001=off',
      '--rule=TOPO006=error',
      'examples/broken.gcluster.yaml',
    ]);
    assert.ok(!codesIn(off.stdout).includes('NET001'));
    assert.match(off.stdout, / error TOPO006 /);
  });

  it('writes JSON with 1-based positions', () => {
    const run = gcluster(['validate', '--format', 'json', 'examples/broken.gcluster.yaml']);
    const parsed = JSON.parse(run.stdout) as {
      files: {
        file: string;
        diagnostics: { code: string; line: number; column: number; severity: string }[];
      }[];
    };
    assert.equal(parsed.files[0]!.file, 'examples/broken.gcluster.yaml');
    const stor001 = parsed.files[0]!.diagnostics.find((d) => d.code === 'STOR001');
    assert.deepEqual(
      { line: stor001?.line, column: stor001?.column, severity: stor001?.severity },
      { line: 19, column: 28, severity: 'error' },
    );
  });

  it('writes SARIF 2.1.0 that validates against the SARIF schema', () => {
    const run = gcluster(['validate', '--format', 'sarif', 'examples']);
    assert.equal(run.status, 1);
    const log = JSON.parse(run.stdout) as {
      version: string;
      runs: {
        tool: { driver: { rules: { id: string }[] } };
        results: {
          ruleId: string;
          ruleIndex: number;
          level: string;
          locations: {
            physicalLocation: {
              artifactLocation: { uri: string; uriBaseId: string };
              region: { startLine: number };
            };
          }[];
        }[];
      }[];
    };
    const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
    assert.ok(validate(log), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    assert.ok(!validate({ ...log, version: '2.0.0' }), 'the schema check can fail');
    // What code scanning needs beyond the schema: rule ids that resolve, relative URIs, 1-based lines.
    const run0 = log.runs[0]!;
    assert.equal(log.version, '2.1.0');
    assert.ok(run0.results.length >= 14);
    for (const result of run0.results) {
      assert.equal(run0.tool.driver.rules[result.ruleIndex]?.id, result.ruleId);
      const location = result.locations[0]!.physicalLocation;
      assert.equal(location.artifactLocation.uri, 'examples/broken.gcluster.yaml');
      assert.equal(location.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.ok(location.region.startLine >= 1);
    }
    assert.ok(run0.results.some((r) => r.ruleId === 'STOR001' && r.level === 'error'));
    assert.ok(run0.results.some((r) => r.ruleId === 'NET001' && r.level === 'warning'));
  });

  it('validates hostile file names without running anything', () => {
    const folder = path.join(scratch, 'odd $(touch pwned) `id` names');
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, "a'b;$(touch pwned).gcluster.yaml");
    writeFileSync(file, 'version: 1\n');
    const run = gcluster(['validate', folder], scratch);
    assert.equal(run.status, 1);
    assert.match(run.stdout, /SCHEMA002/);
    assert.equal(
      gcluster(['validate', path.join(scratch, 'pwned')]).status,
      2,
      'no file named pwned was created',
    );
  });
});
