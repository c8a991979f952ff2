import Ajv from 'ajv';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type CodeAction,
  type DocumentHighlight,
  type DocumentSymbol,
  type FoldingRange,
  type FormattingOptions,
  type TextEdit as LspTextEdit,
  type Location,
  type Range,
  type SelectionRange,
  type WorkspaceEdit,
  type CompletionList,
  type Hover,
  type Position,
  type Diagnostic,
  type CodeLens,
  type InlayHint,
} from 'vscode-languageserver-types';
import schemaJson from '../../../schemas/gcluster.schema.json';
import { analyze, type Analysis } from './analysis';
import { getCodeActions } from './codeActions';
import { doComplete } from './completion';
import { findDefinition } from './definition';
import { findDocumentSymbols } from './documentSymbols';
import { getFoldingRanges } from './folding';
import { formatDocument } from './formatting';
import { findDocumentHighlights, findReferences } from './references';
import { doRename, prepareRename } from './rename';
import { getSelectionRanges } from './selectionRanges';
import { doHover } from './hover';
import { reparseIncrementally, type TextEdit } from './incrementalParse';
import { parseDefinition, toData, type ParsedDefinition } from './parser';
import type { Problem } from './problem';
import { findRule, ruleCatalog, type RuleInfo } from './ruleCatalog';
import { RuleContext } from './ruleContext';
import { semanticRules } from './rules/index';
import { validateAgainstSchema } from './schemaValidation';
import { SchemaWalker, type SchemaNode } from './schemaWalker';
import { defaultSettings, type ValidationSettings } from './settings';
import { findSuppressions, noSuppressions } from './suppressions';
import { crossFileFindings, problemFindings, toDiagnostics, type Finding } from './diagnostics';
import {
  extractFacts,
  type CrossFileProblem,
  type DefinitionFacts,
  type WorkspaceIndex,
} from './workspaceIndex';
import { multilineScalarSpans } from './yamlAccess';
import type { DefinitionOverview, NewDefinitionParams, NewDefinitionResult } from '../protocol';
import { newDefinitionText } from './newDefinition';
import { overviewOf } from './overview';
import { buildPlan } from './plan/buildPlan';
import type { DeploymentPlan, FailureReport } from '../protocol';
import { failureCodeLenses, failureInlayHints, failureReport, survivalText } from './failure/failureViews';
import { voteArithmetic } from './failure/quorum';
import { analyzeFailures, type FailureAnalysis } from './failure/simulate';

export interface LanguageServiceOptions {
  /** Base URI of the rule documentation (`<base>ID.md`), for each diagnostic's `codeDescription`. */
  readonly ruleDocsBaseUri?: string;
  /** Each rule's documentation page (Markdown) by id, for hover; the host reads them, the service never does. */
  readonly ruleDocs?: ReadonlyMap<string, string>;
}

export interface LanguageService {
  /** Parses text once; hosts cache the result by document version. */
  parse(text: string, settings?: ValidationSettings): ParsedDefinition;
  /**
   * The parse of `text`, reached from `previous` by `edits` (in order, each in the offsets of the
   * text before it): only the parts the edits touch are re-parsed when that is safe, otherwise
   * the whole text. `previous` must not be used afterwards.
   */
  update(
    previous: ParsedDefinition,
    edits: readonly TextEdit[],
    text: string,
    settings?: ValidationSettings,
  ): ParsedDefinition;
  /**
   * Every problem of a parsed definition, with its cross-file problems, as LSP diagnostics with
   * the configured severities.
   */
  doValidation(
    document: TextDocument,
    parsed: ParsedDefinition,
    settings?: ValidationSettings,
    crossFile?: readonly CrossFileProblem[],
  ): Diagnostic[];
  /** What of a definition must be unique across the workspace. */
  extractFacts(document: TextDocument, parsed: ParsedDefinition): DefinitionFacts;
  /** The cross-file diagnostics of a file that is not open, from the workspace index alone. */
  crossFileDiagnostics(uri: string, index: WorkspaceIndex, settings?: ValidationSettings): Diagnostic[];
  findDocumentSymbols(document: TextDocument, parsed: ParsedDefinition): DocumentSymbol[];
  findDefinition(document: TextDocument, parsed: ParsedDefinition, position: Position): Location[];
  findReferences(
    document: TextDocument,
    parsed: ParsedDefinition,
    position: Position,
    includeDeclaration: boolean,
  ): Location[];
  findDocumentHighlights(
    document: TextDocument,
    parsed: ParsedDefinition,
    position: Position,
  ): DocumentHighlight[];
  prepareRename(document: TextDocument, parsed: ParsedDefinition, position: Position): Range | undefined;
  /** A rename's edit, or why the new name is refused. */
  doRename(
    document: TextDocument,
    parsed: ParsedDefinition,
    position: Position,
    newName: string,
  ): { edit: WorkspaceEdit } | { error: string };
  getFoldingRanges(document: TextDocument, parsed: ParsedDefinition): FoldingRange[];
  getSelectionRanges(
    document: TextDocument,
    parsed: ParsedDefinition,
    positions: readonly Position[],
  ): SelectionRange[];
  /** Edits that normalise indentation and spacing, keeping comments, order and quoting. */
  format(document: TextDocument, parsed: ParsedDefinition, options: FormattingOptions): LspTextEdit[];
  /** Quick fixes for diagnostics this service reported. */
  getCodeActions(
    document: TextDocument,
    parsed: ParsedDefinition,
    diagnostics: readonly Diagnostic[],
  ): CodeAction[];
  /** Hover documentation at a position. */
  doHover(document: TextDocument, parsed: ParsedDefinition, position: Position): Hover | null;
  /** Completion at a position. */
  doComplete(document: TextDocument, parsed: ParsedDefinition, position: Position): CompletionList;
  /** The model and symbol table of a parse, computed once per parse. */
  analyze(parsed: ParsedDefinition): Analysis;
  /** What a definition declares and how it hangs together, with the diagnostics inside each part. */
  overview(
    document: TextDocument,
    parsed: ParsedDefinition,
    diagnostics: readonly Diagnostic[],
  ): DefinitionOverview;
  /** The steps that deploy a definition; the caller plans only definitions without errors. */
  plan(parsed: ParsedDefinition): DeploymentPlan;
  /** The text of a new definition, which validates without a single problem, or why there is none. */
  newDefinition(params: NewDefinitionParams): NewDefinitionResult;
  /** Inlay hints of the failure analysis in a range: votes and survival, disk locations, where VMs run. */
  inlayHints(document: TextDocument, parsed: ParsedDefinition, range: Range): InlayHint[];
  /** "Simulate failures" above the guest cluster, and how many guest nodes attach each shared disk. */
  codeLenses(document: TextDocument, parsed: ParsedDefinition): CodeLens[];
  /** The failure table and what the worst single failure takes down; undefined without a guest and host cluster. */
  failures(parsed: ParsedDefinition): FailureReport | undefined;
  /** Every diagnostic code the service can report. */
  readonly rules: readonly RuleInfo[];
  readonly schema: SchemaNode;
}

export function createLanguageService(options: LanguageServiceOptions = {}): LanguageService {
  const schema = schemaJson as unknown as SchemaNode;
  // Compiled once per service: compiling costs milliseconds, validating microseconds.
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictRequired: false,
    verbose: false,
  });
  ajv.addVocabulary(['markdownDescription', 'markdownEnumDescriptions', 'x-rule', 'x-reference']);
  const validate = ajv.compile(schema);
  const walker = new SchemaWalker(schema);

  // Per parse, not per module: a parse that is replaced is forgotten with it.
  const analyses = new WeakMap<ParsedDefinition, Analysis>();
  const analysisOf = (parsed: ParsedDefinition): Analysis => {
    let analysis = analyses.get(parsed);
    if (!analysis) analyses.set(parsed, (analysis = analyze(parsed)));
    return analysis;
  };

  const failureCache = new WeakMap<ParsedDefinition, FailureAnalysis | null>();
  const failuresOf = (parsed: ParsedDefinition): FailureAnalysis | undefined => {
    let found = failureCache.get(parsed);
    if (found === undefined)
      // Single failures only: what the rules and the hints need, cheap enough for every edit.
      failureCache.set(parsed, (found = analyzeFailures(analysisOf(parsed).model, { pairs: false }) ?? null));
    return found ?? undefined;
  };

  const problemCache = new WeakMap<ParsedDefinition, Problem[]>();
  const problemsOf = (parsed: ParsedDefinition): Problem[] => {
    let problems = problemCache.get(parsed);
    if (!problems) problemCache.set(parsed, (problems = findProblems(parsed)));
    return problems;
  };

  const findProblems = (parsed: ParsedDefinition): Problem[] => {
    if (parsed.refused || !parsed.yaml) return [...parsed.problems];
    const converted = toData(parsed.yaml);
    if ('problem' in converted) {
      // An alias bomb is refused whole; anything else unreadable still gets the rules' view.
      if (converted.problem.code === 'YAML003') return [converted.problem];
      return [...parsed.problems, converted.problem];
    }
    const problems = [...parsed.problems];
    problems.push(...validateAgainstSchema(validate, walker, parsed.yaml, converted.data));
    const context = new RuleContext(
      analysisOf(parsed).model,
      (problem) => problems.push(problem),
      () => failuresOf(parsed),
    );
    for (const rule of semanticRules) rule.check(context);
    return problems;
  };

  return {
    rules: ruleCatalog,
    schema,
    analyze: analysisOf,
    findDocumentSymbols: (document, parsed) => findDocumentSymbols(document, analysisOf(parsed)),
    findDefinition: (document, parsed, position) => findDefinition(document, analysisOf(parsed), position),
    findReferences: (document, parsed, position, includeDeclaration) =>
      findReferences(document, analysisOf(parsed), position, includeDeclaration),
    findDocumentHighlights: (document, parsed, position) =>
      findDocumentHighlights(document, analysisOf(parsed), position),
    prepareRename: (document, parsed, position) => prepareRename(document, analysisOf(parsed), position),
    doRename: (document, parsed, position, newName) =>
      doRename(document, analysisOf(parsed), position, newName),
    getFoldingRanges: (document, parsed) => getFoldingRanges(document, analysisOf(parsed)),
    getSelectionRanges: (document, parsed, positions) =>
      getSelectionRanges(document, analysisOf(parsed), positions),
    format: (document, parsed, options) => formatDocument(document, analysisOf(parsed), options),
    getCodeActions(document, parsed, diagnostics) {
      return getCodeActions(document, analysisOf(parsed), diagnostics, { walker });
    },
    doHover(document, parsed, position) {
      const sources = {
        walker,
        problems: problemsOf(parsed),
        findRule,
        ruleDocs: options.ruleDocs ?? new Map(),
        analysisAt: (offset: number) => {
          const quorum = analysisOf(parsed).model.guestCluster?.quorum;
          if (!quorum || offset < quorum.keySpan.start || offset > quorum.keySpan.end) return undefined;
          const failures = failuresOf(parsed);
          return failures ? { text: quorumHoverText(failures), span: quorum.keySpan } : undefined;
        },
      };
      return doHover(document, analysisOf(parsed), position, sources);
    },
    doComplete(document, parsed, position) {
      return doComplete(document, analysisOf(parsed), position, walker);
    },
    parse(text, settings = defaultSettings) {
      return parseDefinition(text, { maxFileSize: settings.maxFileSizeMB * 1024 * 1024 });
    },
    update(previous, edits, text, settings = defaultSettings) {
      let current: ParsedDefinition | undefined = previous;
      let currentText = previous.text;
      for (const edit of edits) {
        currentText = currentText.slice(0, edit.start) + edit.text + currentText.slice(edit.end);
        current = reparseIncrementally(current, edit, currentText);
        if (!current) break;
      }
      const withinLimit = text.length <= settings.maxFileSizeMB * 1024 * 1024;
      if (current && withinLimit && current.text === text) return current;
      return this.parse(text, settings);
    },
    doValidation(document, parsed, settings = defaultSettings, crossFile = []) {
      const yaml = parsed.yaml;
      const suppressions = findSuppressions(parsed.text, () =>
        yaml ? multilineScalarSpans(yaml, parsed.text) : [],
      );
      const findings = [
        ...problemFindings(document, problemsOf(parsed)),
        ...crossFileFindings(document, crossFile),
      ];
      return toDiagnostics(findings, settings, suppressions, options.ruleDocsBaseUri);
    },
    extractFacts,
    inlayHints: (document, parsed, range) =>
      failureInlayHints(document, analysisOf(parsed).model, failuresOf(parsed), range),
    codeLenses: (document, parsed) =>
      failureCodeLenses(document, analysisOf(parsed).model, failuresOf(parsed)),
    failures(parsed) {
      // The whole table, pairs of host failures too: asked for, not computed on every edit.
      const failures = analyzeFailures(analysisOf(parsed).model);
      return failures && failureReport(failures);
    },
    plan: (parsed) => buildPlan(analysisOf(parsed).model),
    overview: (document, parsed, diagnostics) => overviewOf(document, analysisOf(parsed), diagnostics),
    newDefinition(params) {
      const made = newDefinitionText(params);
      if (!('text' in made)) return made;
      // Refuse rather than write a file that starts out with problems (a name the rules reject).
      const problems = problemsOf(this.parse(made.text));
      if (problems.length === 0) return made;
      return { errors: problems.map((problem) => ({ field: 'name' as const, message: problem.message })) };
    },
    crossFileDiagnostics(uri, index, settings = defaultSettings) {
      const findings: Finding[] = index.problemsOf(uri).map((problem) => ({
        code: problem.code,
        message: problem.message,
        range: index.rangeOf(uri, problem.span) ?? {
          start: { line: 0, character: 0 },
          end: { line: 0, character: 0 },
        },
        related: problem.related.map((r) => ({
          location: { uri: r.uri, range: r.range },
          message: r.message,
        })),
      }));
      return toDiagnostics(
        findings,
        settings,
        index.suppressionsOf(uri) ?? noSuppressions,
        options.ruleDocsBaseUri,
      );
    },
  };
}

/** The hover on `quorum`: how the votes add up, and what that means for a host failure. */
function quorumHoverText(failures: FailureAnalysis): string {
  return [
    '**Quorum: the vote arithmetic**',
    voteArithmetic(failures.votes)
      .map((line) => `- ${line}`)
      .join('\n'),
    `**${survivalText(failures)}.** Run **Simulate failures** (above \`guestCluster\`) for every host and storage failure.`,
  ].join('\n\n');
}
