import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DiagnosticSeverity,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type Range,
} from 'vscode-languageserver-types';
import { limits } from './limits';
import type { Problem, Severity } from './problem';
import { findRule } from './ruleCatalog';
import type { ValidationSettings } from './settings';
import type { Suppressions } from './suppressions';
import type { CrossFileProblem } from './workspaceIndex';

/** A problem placed in a document: what becomes one diagnostic once severity and suppression apply. */
export interface Finding {
  readonly code: string;
  readonly message: string;
  readonly range: Range;
  readonly related?: readonly DiagnosticRelatedInformation[];
  readonly data?: Problem['data'];
}

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function problemFindings(document: TextDocument, problems: readonly Problem[]): Finding[] {
  const range = (span: { start: number; end: number }): Range => ({
    start: document.positionAt(span.start),
    end: document.positionAt(span.end),
  });
  return problems.map((problem) => ({
    code: problem.code,
    message: problem.message,
    range: range(problem.span),
    ...(problem.related && problem.related.length > 0
      ? {
          related: problem.related.map((related) => ({
            location: { uri: document.uri, range: range(related.span) },
            message: related.message,
          })),
        }
      : {}),
    ...(problem.data ? { data: problem.data } : {}),
  }));
}

/** Cross-file problems of an open document, placed by its current text. */
export function crossFileFindings(document: TextDocument, problems: readonly CrossFileProblem[]): Finding[] {
  return problems.map((problem) => ({
    code: problem.code,
    message: problem.message,
    range: { start: document.positionAt(problem.span.start), end: document.positionAt(problem.span.end) },
    related: problem.related.map((related) => ({
      location: { uri: related.uri, range: related.range },
      message: related.message,
    })),
  }));
}

/**
 * Turns findings into diagnostics: the configured severity (or none for `off`), suppression
 * comments, a link to the rule's page, document order, and at most `limits.maxProblems` of them
 * with a last one counting the rest.
 */
export function toDiagnostics(
  findings: readonly Finding[],
  settings: ValidationSettings,
  suppressions: Suppressions,
  ruleDocsBaseUri: string | undefined,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let dropped = 0;
  for (const finding of findings) {
    const setting = settings.rules[finding.code] ?? findRule(finding.code)?.defaultSeverity ?? 'error';
    if (setting === 'off' || suppressions.isSuppressed(finding.code, finding.range.start.line)) continue;
    if (diagnostics.length >= limits.maxProblems) {
      dropped++;
      continue;
    }
    const diagnostic: Diagnostic = {
      range: finding.range,
      severity: severities[setting],
      code: finding.code,
      source: 'gcluster',
      message: finding.message,
    };
    if (ruleDocsBaseUri) diagnostic.codeDescription = { href: `${ruleDocsBaseUri}${finding.code}.md` };
    if (finding.related && finding.related.length > 0) diagnostic.relatedInformation = [...finding.related];
    if (finding.data) diagnostic.data = finding.data;
    diagnostics.push(diagnostic);
  }
  diagnostics.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
  if (dropped > 0) {
    diagnostics.push({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      source: 'gcluster',
      message: `${dropped} more problems are not shown; fix the ones above first.`,
    });
  }
  return diagnostics;
}
