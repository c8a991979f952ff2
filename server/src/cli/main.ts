import { promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { createLanguageService } from '../service/languageService';
import { normalizeSettings, type RuleSetting } from '../service/settings';
import { readRuleDocs } from '../ruleDocs';
import { findDefinitionFiles, UsageError } from './files';
import { formatJson, formatSarif, formatText, type FileResult } from './formats';

const usage = `Usage: gcluster validate <files, folders or globs…> [options]

Validates Hyper-V guest cluster definitions (*.gcluster.yaml) with the same engine as the editor.
A folder is searched for *.gcluster.yaml; quote globs so that the shell does not expand them.

Options:
  --format text|json|sarif   Output format (default: text). SARIF 2.1.0 is for code scanning.
  --rule ID=SEVERITY         Override a rule: error, warning, info, hint or off. Repeatable.
  --max-file-size MB         Skip files larger than this (default: 5).
  -h, --help                 Show this help.
  -v, --version              Show the version.

Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage or I/O error.
`;

export const exitCodes = { clean: 0, errors: 1, usage: 2 } as const;

interface Options {
  readonly operands: string[];
  readonly format: 'text' | 'json' | 'sarif';
  readonly rules: Record<string, RuleSetting>;
  readonly maxFileSizeMB?: number;
}

interface Output {
  out(text: string): void;
  err(text: string): void;
}

export async function run(argv: readonly string[], cwd: string, output: Output): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    output.out(usage);
    return exitCodes.clean;
  }
  if (argv.includes('-v') || argv.includes('--version')) {
    output.out(`${version()}\n`);
    return exitCodes.clean;
  }
  let options: Options;
  let files: string[];
  try {
    options = parseArguments(argv);
    files = await findDefinitionFiles(options.operands, cwd);
  } catch (error) {
    output.err(`gcluster: ${error instanceof Error ? error.message : String(error)}\n`);
    if (error instanceof UsageError) output.err(`Run 'gcluster --help' for usage.\n`);
    return exitCodes.usage;
  }
  const settings = normalizeSettings({ rules: options.rules, maxFileSizeMB: options.maxFileSizeMB });
  const service = createLanguageService();
  const results: FileResult[] = [];
  let ioFailed = false;
  for (const file of files) {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      output.err(
        `gcluster: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      ioFailed = true;
      continue;
    }
    const document = TextDocument.create(`file://${file}`, 'gcluster', 1, text);
    const diagnostics = service.doValidation(document, service.parse(text, settings), settings);
    results.push({ displayPath: displayPath(file, cwd), diagnostics });
  }
  if (options.format === 'json') output.out(formatJson(results));
  else if (options.format === 'sarif')
    output.out(
      formatSarif(
        results,
        service.rules,
        cwd,
        version(),
        readRuleDocs(path.join(packageRoot(), 'docs', 'rules')),
      ),
    );
  else output.out(formatText(results) + summary(results));
  if (ioFailed) return exitCodes.usage;
  const hasErrors = results.some((r) => r.diagnostics.some((d) => d.severity === DiagnosticSeverity.Error));
  return hasErrors ? exitCodes.errors : exitCodes.clean;
}

function parseArguments(argv: readonly string[]): Options {
  const [command, ...rest] = argv;
  if (command !== 'validate') {
    throw new UsageError(command === undefined ? 'Missing command: validate' : `Unknown command: ${command}`);
  }
  const operands: string[] = [];
  const rules: Record<string, RuleSetting> = {};
  let format: Options['format'] = 'text';
  let maxFileSizeMB: number | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = () => {
      const v = inline ?? rest[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--format') {
      const v = value();
      if (v !== 'text' && v !== 'json' && v !== 'sarif')
        throw new UsageError(`Unknown format: ${v} (text, json or sarif)`);
      format = v;
    } else if (flag === '--rule') {
      const match = /^([A-Za-z]+[0-9]+)=(error|warning|info|hint|off)$/.exec(value());
      if (!match) throw new UsageError('--rule takes ID=SEVERITY, e.g. --rule NET001=off');
      rules[match[1]!.toUpperCase()] = match[2] as RuleSetting;
    } else if (flag === '--max-file-size') {
      const v = Number(value());
      if (!Number.isFinite(v) || v <= 0) throw new UsageError('--max-file-size takes a number of megabytes');
      maxFileSizeMB = v;
    } else if (flag === '--') {
      operands.push(...rest.slice(i + 1));
      break;
    } else if (flag.startsWith('-')) {
      throw new UsageError(`Unknown option: ${flag}`);
    } else {
      operands.push(arg);
    }
  }
  if (operands.length === 0) throw new UsageError('Name at least one file, folder or glob to validate');
  return { operands, format, rules, ...(maxFileSizeMB === undefined ? {} : { maxFileSizeMB }) };
}

function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

function summary(results: readonly FileResult[]): string {
  let errors = 0;
  let warnings = 0;
  for (const { diagnostics } of results) {
    for (const d of diagnostics) {
      if (d.severity === DiagnosticSeverity.Error) errors++;
      else if (d.severity === DiagnosticSeverity.Warning) warnings++;
    }
  }
  const files = results.length === 1 ? '1 file' : `${results.length} files`;
  return `${files} checked: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}\n`;
}

/** The package root: dist/ when bundled, or the source tree's root when run from compiled tests. */
function packageRoot(): string {
  let folder = __dirname;
  for (let i = 0; i < 5; i++) {
    try {
      readFileSync(path.join(folder, 'package.json'));
      return folder;
    } catch {
      folder = path.dirname(folder);
    }
  }
  return __dirname;
}

function version(): string {
  try {
    return (JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return '0.0.0';
  }
}

if (require.main === module) {
  void run(process.argv.slice(2), process.cwd(), {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  }).then((code) => {
    process.exitCode = code;
  });
}
