import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FormattingOptions, TextEdit } from 'vscode-languageserver-types';
import { CST, Parser, parseDocument } from 'yaml';
import type { Analysis } from './analysis';
import { findExcessiveNesting, limits } from './limits';
import { parseOptions } from './yamlUnits';

/*
 * Document formatting: indentation and spacing only. Every other character of the file stays as
 * it was written — comments where they are, the key order, blank lines between entries (at most
 * one in a row), the flow or block style of each collection, the line breaks of a flow collection
 * written over several lines, and the source spelling of every scalar (its quotes, `'C:\…'` paths,
 * `010` or `0x1F` numbers).
 *
 * Why not `Document.toString()` of the `yaml` package: it prints the document again from its data
 * model, so it respells scalars (`010` becomes `10`, `0x1F` becomes `0x1f`), moves a comment that
 * sits between a key and its value onto its own line, joins the multi-line flow mapping of
 * examples/fileserver-sofs-2016 onto one line, and pads `[a, b]` as `[ a, b ]`. Instead this
 * re-prints the lossless token tree (the CST, where every comment, indicator and space is a token
 * with its offset): non-blank tokens are copied verbatim, and only the whitespace between them is
 * decided here, the column of each line from the structure it belongs to. The result is checked
 * before any edit is returned: it must parse without a problem to the same data, and its
 * non-whitespace characters must be those of the original (but for dropped trailing commas).
 */

/** Where a line that begins with a token of some node goes. */
interface Context {
  /** Column of the token when it begins a line. */
  readonly indent: number;
  /** Column of the continuation lines of a multi-line scalar, and the base of a flow collection. */
  readonly cont: number;
  /** The block entries (keys and list dashes) that enclose the token, outermost first. */
  readonly chain: readonly Level[];
  /** Column of the entries of the innermost enclosing flow collection, if any. */
  readonly flow?: number;
}

/** One block entry: the column its line had, and the one it gets. */
interface Level {
  readonly old: number;
  readonly new: number;
}

type AtomKind = 'space' | 'newline' | 'comment' | 'token' | 'scalar' | 'block';

/** One token of the source, in source order; concatenated, the atoms are the original text. */
interface Atom {
  readonly kind: AtomKind;
  /** The CST type: `map-value-ind`, `comma`, `double-quoted-scalar`, … */
  readonly type: string;
  readonly offset: number;
  readonly source: string;
  readonly ctx: Context;
  /** For block scalar content: the header (`|`, `>-`, …). */
  readonly header?: string;
}

/** A formatted line and the line of the original text it comes from. */
interface OutputLine {
  readonly oldLine: number;
  readonly text: string;
  /** A line inside a scalar: its blank lines are content, never dropped. */
  readonly inScalar: boolean;
}

/** Thrown when the text holds something this formatter does not re-indent safely. */
class Unformattable extends Error {}

export function formatDocument(
  document: TextDocument,
  analysis: Analysis,
  options: FormattingOptions,
): TextEdit[] {
  const { parsed } = analysis;
  if (parsed.refused || !parsed.yaml || parsed.problems.length > 0) return [];
  const text = parsed.text;
  if (document.getText() !== text || text.length === 0) return [];
  // YAML never indents with tabs, so `insertSpaces: false` still indents with spaces.
  const tabSize =
    Number.isInteger(options.tabSize) && options.tabSize >= 1 && options.tabSize <= 16 ? options.tabSize : 2;
  const eol = lineBreakOf(text);
  let formatted: { lines: OutputLine[]; droppedCommas: number[] };
  try {
    formatted = new Printer(text, flatten(text, tabSize)).print();
  } catch (error) {
    if (error instanceof Unformattable) return [];
    throw error;
  }
  const newText = formatted.lines.map((line) => line.text + eol).join('');
  if (newText === text || !sameMeaning(analysis, text, newText, formatted.droppedCommas)) return [];
  return lineEdits(document, text, formatted.lines, eol);
}

function lineBreakOf(text: string): string {
  const first = text.indexOf('\n');
  return first > 0 && text[first - 1] === '\r' ? '\r\n' : '\n';
}

// ---------------------------------------------------------------------------------------------
// The token tree, flattened into atoms that know the column their line gets.

function flatten(text: string, tabSize: number): Atom[] {
  const atoms: Atom[] = [];
  let pos = 0;
  let documents = 0;

  const add = (kind: AtomKind, type: string, source: string, ctx: Context, header?: string) => {
    atoms.push({ kind, type, offset: pos, source, ctx, ...(header === undefined ? {} : { header }) });
    pos += source.length;
  };

  const sourceToken = (token: CST.SourceToken, ctx: Context) => {
    if (token.offset !== pos) throw new Unformattable('token out of place');
    if (token.type === 'flow-error-end') throw new Unformattable('unterminated flow collection');
    const kind: AtomKind =
      token.type === 'space'
        ? 'space'
        : token.type === 'newline'
          ? 'newline'
          : token.type === 'comment'
            ? 'comment'
            : 'token';
    add(kind, token.type, token.source, ctx);
  };

  const sourceTokens = (tokens: readonly CST.SourceToken[] | undefined, ctx: Context) => {
    for (const token of tokens ?? []) sourceToken(token, ctx);
  };

  const walk = (token: CST.Token, ctx: Context): void => {
    switch (token.type) {
      case 'document':
        if (++documents > 1) throw new Unformattable('several documents');
        sourceTokens(token.start, ctx);
        if (token.value) walk(token.value, ctx);
        sourceTokens(token.end, ctx);
        return;
      case 'doc-end':
        add('token', token.type, token.source, ctx);
        sourceTokens(token.end, ctx);
        return;
      case 'directive':
        add('token', token.type, token.source, ctx);
        return;
      case 'error':
        throw new Unformattable(token.message);
      case 'alias':
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
        if (token.offset !== pos) throw new Unformattable('scalar out of place');
        add('scalar', token.type, token.source, ctx);
        sourceTokens(token.end, ctx);
        return;
      case 'block-scalar': {
        let header = '';
        for (const prop of token.props) {
          if (prop.type === 'block-scalar-header') header = prop.source;
          walk(prop, ctx);
        }
        if (token.source.length > 0) add('block', token.type, token.source, ctx, header);
        return;
      }
      case 'block-map':
        blockMap(token, ctx);
        return;
      case 'block-seq':
        blockSeq(token, ctx);
        return;
      case 'flow-collection':
        flowCollection(token, ctx);
        return;
      default:
        sourceToken(token, ctx);
    }
  };

  /** Keys at the map's column; a value on its own line one level deeper, a nested list too. */
  const blockMap = (map: CST.BlockMap, ctx: Context) => {
    const c = ctx.indent;
    for (const item of map.items) {
      const first = item.key ?? item.start.find((t) => t.type === 'explicit-key-ind') ?? item.sep?.[0];
      const chain = first ? [...ctx.chain, { old: column(text, first.offset), new: c }] : ctx.chain;
      const entry: Context = { indent: c, cont: c + tabSize, chain };
      const value: Context = { indent: c + tabSize, cont: c + tabSize, chain };
      sourceTokens(item.start, entry);
      if (item.key) walk(item.key, item.explicitKey ? { indent: c + 2, cont: c + 2, chain } : entry);
      for (const token of item.sep ?? []) sourceToken(token, token.type === 'map-value-ind' ? entry : value);
      if (item.value) walk(item.value, value);
    }
  };

  /** Dashes at the list's column, each item's content after `- `. */
  const blockSeq = (seq: CST.BlockSequence, ctx: Context) => {
    const d = ctx.indent;
    for (const item of seq.items) {
      const dash = item.start.find((t) => t.type === 'seq-item-ind');
      const chain = dash ? [...ctx.chain, { old: column(text, dash.offset), new: d }] : ctx.chain;
      const content: Context = { indent: d + 2, cont: d + 2, chain };
      let seenDash = false;
      for (const token of item.start) {
        sourceToken(token, seenDash ? content : { indent: d, cont: d + 2, chain });
        if (token === dash) seenDash = true;
      }
      if (item.value) walk(item.value, content);
    }
  };

  /**
   * A flow collection keeps its line breaks. Written over several lines, its entries go one level
   * deeper than its base and its closing bracket at the base, the style of the examples:
   * `- {` / `    name: Profiles,` / `  }` under a list dash.
   */
  const flowCollection = (flow: CST.FlowCollection, ctx: Context) => {
    const base = ctx.cont;
    const inner: Context = {
      indent: base + tabSize,
      cont: base + tabSize,
      chain: ctx.chain,
      flow: base + tabSize,
    };
    sourceToken(flow.start, ctx);
    for (const item of flow.items) {
      sourceTokens(item.start, inner);
      if (item.key) walk(item.key, inner);
      sourceTokens(item.sep, inner);
      if (item.value) walk(item.value, inner);
    }
    let closed = false;
    for (const token of flow.end) {
      const closing = token.type === 'flow-map-end' || token.type === 'flow-seq-end';
      sourceToken(token, closing ? { ...ctx, indent: base } : closed ? ctx : inner);
      if (closing) closed = true;
    }
  };

  const root: Context = { indent: 0, cont: 0, chain: [] };
  for (const token of new Parser().parse(text)) walk(token, root);
  if (pos !== text.length) throw new Unformattable('tokens do not cover the text');
  return atoms;
}

function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

// ---------------------------------------------------------------------------------------------
// Printing: atoms into lines, with the whitespace decided here.

const closers = new Set(['flow-map-end', 'flow-seq-end']);
const spaceAfter = new Set([
  'seq-item-ind',
  'explicit-key-ind',
  'map-value-ind',
  'comma',
  'flow-map-start',
  'anchor',
  'tag',
  'doc-start',
]);

class Printer {
  private readonly lines: OutputLine[] = [];
  private readonly droppedCommas: number[] = [];
  private line: string | undefined;
  private oldLine = 0;
  /** The last atom printed on the current line, other than spaces. */
  private previous: Atom | undefined;
  private spaceSincePrevious = false;

  constructor(
    private readonly text: string,
    private readonly atoms: readonly Atom[],
  ) {}

  print(): { lines: OutputLine[]; droppedCommas: number[] } {
    for (let i = 0; i < this.atoms.length; i++) {
      const atom = this.atoms[i]!;
      switch (atom.kind) {
        case 'space':
          this.spaceSincePrevious = true;
          break;
        case 'newline':
          this.newline();
          break;
        case 'block':
          this.blockScalar(atom);
          break;
        default:
          if (atom.type === 'comma' && this.isTrailingComma(i)) {
            this.droppedCommas.push(atom.offset);
            break;
          }
          this.inline(atom, i);
      }
    }
    if (this.line !== undefined) this.flush(false);
    while (this.lines.length > 0 && this.lines.at(-1)!.text === '' && !this.lines.at(-1)!.inScalar)
      this.lines.pop();
    return { lines: this.lines, droppedCommas: this.droppedCommas };
  }

  /** A comma right before the closing bracket on the same line: `[a, b,]` becomes `[a, b]`. */
  private isTrailingComma(i: number): boolean {
    for (let j = i + 1; j < this.atoms.length; j++) {
      const next = this.atoms[j]!;
      if (next.kind === 'space') continue;
      return closers.has(next.type);
    }
    return false;
  }

  private newline(): void {
    if (this.line !== undefined) {
      this.flush(false);
      return;
    }
    // A blank line: none at the start, at most one in a row.
    const last = this.lines.at(-1);
    if (last && last.text !== '') this.lines.push({ oldLine: this.oldLine, text: '', inScalar: false });
    this.oldLine++;
  }

  private flush(inScalar: boolean): void {
    this.lines.push({ oldLine: this.oldLine, text: this.line ?? '', inScalar });
    this.oldLine++;
    this.line = undefined;
    this.previous = undefined;
    this.spaceSincePrevious = false;
  }

  private inline(atom: Atom, i: number): void {
    const segments = atom.kind === 'scalar' ? scalarLines(atom) : [atom.source.replace(/[ \t]+$/, '')];
    const first = segments[0]!;
    if (this.line === undefined) {
      this.line = ' '.repeat(this.indentOf(i)) + first;
    } else {
      this.line += this.spacing(this.previous!, atom) + first;
    }
    for (let k = 1; k < segments.length; k++) {
      this.flush(k > 1);
      this.line = segments[k]!;
    }
    this.previous = atom;
    this.spaceSincePrevious = false;
  }

  private spacing(previous: Atom, atom: Atom): string {
    if (atom.kind === 'comment') return ' ';
    if (previous.type === 'seq-item-ind' || previous.type === 'explicit-key-ind') return ' ';
    // `*alias :` needs its space: without it the colon would belong to the alias name.
    if (atom.type === 'map-value-ind') return previous.type === 'alias' ? ' ' : '';
    if (atom.type === 'comma' || atom.type === 'flow-seq-end') return '';
    if (atom.type === 'flow-map-end') return previous.type === 'flow-map-start' ? '' : ' ';
    if (previous.type === 'flow-seq-start') return '';
    if (spaceAfter.has(previous.type)) return ' ';
    return this.spaceSincePrevious ? ' ' : '';
  }

  /** The column of the atom `i`, the first of its line. */
  private indentOf(i: number): number {
    const atom = this.atoms[i]!;
    return atom.kind === 'comment' ? this.commentIndent(i) : atom.ctx.indent;
  }

  /**
   * A comment on its own line goes with the entry that follows it — unless it is indented deeper
   * than that entry, after a deeper block: then it closes that block, and keeps the column of the
   * deepest enclosing entry it was indented to. Inside a flow collection, it aligns with the entries.
   */
  private commentIndent(i: number): number {
    const comment = this.atoms[i]!;
    if (comment.ctx.flow !== undefined) return comment.ctx.flow;
    const col = column(this.text, comment.offset);
    let next: Atom | undefined;
    for (let j = i + 1; j < this.atoms.length && !next; j++)
      if (isContent(this.atoms[j]!)) next = this.atoms[j];
    let previous: Atom | undefined;
    let previousLineStart: Atom | undefined;
    for (let j = i - 1; j >= 0 && !previousLineStart; j--) {
      const atom = this.atoms[j]!;
      if (!isContent(atom)) continue;
      previous ??= atom;
      if (atom.kind !== 'block' && this.startsLine(j)) previousLineStart = atom;
    }
    if (next) {
      const nextCol = column(this.text, next.offset);
      if (!previousLineStart || col <= nextCol || nextCol > column(this.text, previousLineStart.offset)) {
        return next.ctx.indent;
      }
    }
    const levels = previous?.ctx.chain ?? [];
    for (let k = levels.length - 1; k >= 0; k--) if (levels[k]!.old <= col) return levels[k]!.new;
    return next ? next.ctx.indent : 0;
  }

  private startsLine(j: number): boolean {
    for (let k = j - 1; k >= 0; k--) {
      const atom = this.atoms[k]!;
      if (atom.kind === 'space') continue;
      return atom.kind === 'newline' || atom.kind === 'block';
    }
    return true;
  }

  /** Content lines of `|` and `>` scalars move with their key; their spaces beyond the indentation are content. */
  private blockScalar(atom: Atom): void {
    if (this.line !== undefined || /\d/.test(atom.header ?? '')) throw new Unformattable('block scalar');
    const lines = atom.source.split(/\r?\n/);
    const terminated = lines.at(-1) === '';
    if (terminated) lines.pop();
    const firstContent = lines.find((line) => /[^ ]/.test(line));
    const oldIndent = firstContent === undefined ? 0 : /^ */.exec(firstContent)![0].length;
    const pad = ' '.repeat(atom.ctx.cont);
    for (const [k, line] of lines.entries()) {
      const blank = !/[^ \t]/.test(line);
      this.line = blank && line.length <= oldIndent ? '' : pad + line.slice(oldIndent);
      if (k < lines.length - 1 || terminated) this.flush(true);
    }
  }
}

function isContent(atom: Atom): boolean {
  return atom.kind !== 'space' && atom.kind !== 'newline' && atom.kind !== 'comment';
}

/**
 * The lines of a flow scalar: its continuation lines at the continuation column. Spaces around
 * a line break of a plain or quoted scalar are not content (the break folds), but blank lines are.
 */
function scalarLines(atom: Atom): string[] {
  const lines = atom.source.split(/\r?\n/);
  if (lines.length === 1) return lines;
  const pad = ' '.repeat(atom.ctx.cont);
  return lines.map((line, k) => {
    let result = line;
    // `"…\ ` ends with an escaped space: trimming would turn it into an escaped line break.
    if (k < lines.length - 1 && !(atom.type === 'double-quoted-scalar' && /\\[ \t]*$/.test(line))) {
      result = result.replace(/[ \t]+$/, '');
    }
    if (k === 0) return result;
    result = result.replace(/^[ \t]+/, '');
    return result === '' ? '' : pad + result;
  });
}

// ---------------------------------------------------------------------------------------------
// The safety net and the edits.

/** The formatted text means what the original meant, comments and spellings included. */
function sameMeaning(
  analysis: Analysis,
  text: string,
  newText: string,
  droppedCommas: readonly number[],
): boolean {
  let kept = text;
  for (const offset of [...droppedCommas].sort((a, b) => b - a))
    kept = kept.slice(0, offset) + kept.slice(offset + 1);
  if (kept.replace(/\s+/g, '') !== newText.replace(/\s+/g, '')) return false;
  if (findExcessiveNesting(newText)) return false;
  const reparsed = parseDocument(newText, parseOptions);
  if (reparsed.errors.length > 0 || reparsed.warnings.length > 0) return false;
  try {
    const options = { maxAliasCount: limits.maxAliasCount };
    return deepEqual(analysis.parsed.yaml!.toJS(options), reparsed.toJS(options));
  } catch {
    return false;
  }
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Date) return a.getTime() === (b as Date).getTime();
  if (a instanceof Map) {
    const other = b as Map<unknown, unknown>;
    if (a.size !== other.size) return false;
    const left = [...a.entries()];
    const right = [...other.entries()];
    return left.every(([key, value], k) => deepEqual(key, right[k]![0]) && deepEqual(value, right[k]![1]));
  }
  if (a instanceof Set) return deepEqual([...a], [...(b as Set<unknown>)]);
  if (ArrayBuffer.isView(a)) return deepEqual([...(a as Uint8Array)], [...(b as Uint8Array)]);
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every(
    (key, k) =>
      keysB[k] === key && deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/**
 * Every formatted line comes from one original line (or none, for a dropped blank line), so the
 * changes are found line by line, without a diff: one edit per run of changed lines.
 */
function lineEdits(
  document: TextDocument,
  text: string,
  lines: readonly OutputLine[],
  eol: string,
): TextEdit[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const count = text.endsWith('\n') ? starts.length - 1 : starts.length;
  const formatted = new Map(lines.map((line) => [line.oldLine, line.text + eol]));
  const oldLine = (i: number) => text.slice(starts[i], starts[i + 1] ?? text.length);
  const newLine = (i: number) => formatted.get(i) ?? '';
  const edits: TextEdit[] = [];
  for (let i = 0; i < count;) {
    if (newLine(i) === oldLine(i)) {
      i++;
      continue;
    }
    let j = i;
    let newText = '';
    while (j < count && newLine(j) !== oldLine(j)) newText += newLine(j++);
    edits.push({
      range: { start: document.positionAt(starts[i]!), end: document.positionAt(starts[j] ?? text.length) },
      newText,
    });
    i = j;
  }
  return edits;
}
