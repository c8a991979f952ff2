import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { RuleInfo } from '../service/ruleCatalog';
import { toSlashes } from './files';

export interface FileResult {
  /** The path as shown to the user: relative to the working folder when below it. */
  readonly displayPath: string;
  readonly diagnostics: readonly Diagnostic[];
}

const severityWords: Record<number, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

/** `path:line:col severity ID message`, one line per diagnostic, as compilers print them. */
export function formatText(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const { displayPath, diagnostics } of results) {
    for (const d of diagnostics) {
      const where = `${displayPath}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      lines.push(`${where} ${severityWords[d.severity ?? 1]} ${String(d.code ?? '-')} ${d.message}`);
    }
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

export function formatJson(results: readonly FileResult[]): string {
  const files = results.map(({ displayPath, diagnostics }) => ({
    file: displayPath,
    diagnostics: diagnostics.map((d) => ({
      code: d.code ?? null,
      severity: severityWords[d.severity ?? 1],
      message: d.message,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endColumn: d.range.end.character + 1,
    })),
  }));
  return `${JSON.stringify({ files }, null, 2)}\n`;
}

const sarifLevels: Record<string, string> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: rules in the driver, results with a region in
 * 1-based lines and columns, and paths relative to %SRCROOT% (the folder the validator ran in).
 */
export function formatSarif(
  results: readonly FileResult[],
  rules: readonly RuleInfo[],
  cwd: string,
  toolVersion: string,
  ruleHelp: ReadonlyMap<string, string> = new Map(),
): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const artifactUri = (displayPath: string) =>
    toSlashes(displayPath)
      .split('/')
      .map((segment) => encodeURIComponent(segment))
      .join('/');
  const sarifResults = results.flatMap(({ displayPath, diagnostics }) =>
    diagnostics.map((d) => {
      const code = String(d.code ?? 'YAML001');
      const location = (range: Diagnostic['range']) => ({
        physicalLocation: {
          artifactLocation: path.isAbsolute(displayPath)
            ? { uri: pathToFileURL(displayPath).href }
            : { uri: artifactUri(displayPath), uriBaseId: '%SRCROOT%' },
          region: {
            startLine: range.start.line + 1,
            startColumn: range.start.character + 1,
            endLine: range.end.line + 1,
            endColumn: range.end.character + 1,
          },
        },
      });
      return {
        ruleId: code,
        ...(ruleIndex.has(code) ? { ruleIndex: ruleIndex.get(code)! } : {}),
        level: sarifLevels[severityWords[d.severity ?? 1] ?? 'error'],
        message: { text: d.message },
        locations: [location(d.range)],
        ...(d.relatedInformation && d.relatedInformation.length > 0
          ? {
              relatedLocations: d.relatedInformation.map((related, id) => ({
                id,
                ...location(related.location.range),
                message: { text: related.message },
              })),
            }
          : {}),
      };
    }),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'gcluster',
            version: toolVersion,
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.id,
              shortDescription: { text: rule.title },
              defaultConfiguration: { level: sarifLevels[rule.defaultSeverity] },
              ...(ruleHelp.has(rule.id)
                ? { help: { text: ruleHelp.get(rule.id)!, markdown: ruleHelp.get(rule.id)! } }
                : {}),
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(cwd).href.replace(/\/?$/, '/')}` } },
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
