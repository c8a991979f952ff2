import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import { isDocument, isNode, isPair, visit, type Document, type Node, type Pair } from 'yaml';
import type { Analysis } from './analysis';
import type { Span } from './problem';
import { multilineScalarSpans } from './yamlAccess';

/**
 * Folding ranges: every mapping or sequence that spans lines (block or flow), folded from the
 * line of its key (or its list dash) so that the key stays visible, and every run of two or more
 * comment lines. The document's own root mapping is not folded: folding it would hide everything
 * but the first line.
 *
 * Never a range of one line, and at most one range per start line (the outermost), as editors
 * use only one there.
 */
export function getFoldingRanges(document: TextDocument, analysis: Analysis): FoldingRange[] {
  const { yaml, refused, text } = analysis.parsed;
  const collections = yaml && !refused ? collectionRanges(document, yaml, text) : [];
  const scalars = yaml && !refused ? multilineScalarSpans(yaml, text) : [];
  return outermostPerLine([...collections, ...commentRanges(document, text, scalars)]);
}

function collectionRanges(document: TextDocument, yaml: Document, text: string): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (node: Node, path: readonly unknown[]) => {
    const parent = path.at(-1);
    if (!node.range || isDocument(parent)) return;
    const start = isPair(parent) && parent.value === node ? keyStart(parent, node.range[0]) : node.range[0];
    const range = lineRange(document, text, { start, end: node.range[1] });
    if (range) ranges.push(range);
  };
  visit(yaml, {
    Map: (_key, node, path) => add(node, path),
    Seq: (_key, node, path) => add(node, path),
  });
  return ranges;
}

/** A pair's value folds from its key's line: `nodes:` stays in view above the folded list. */
function keyStart(pair: Pair, fallback: number): number {
  const key = pair.key;
  return isNode(key) && key.range ? key.range[0] : fallback;
}

/** The lines from `span.start` to its last non-blank character, when they are at least two. */
function lineRange(document: TextDocument, text: string, span: Span): FoldingRange | undefined {
  let end = Math.min(span.end, text.length);
  // A block collection's span runs past its last line's end, onto the next key's line.
  while (end > span.start && /\s/.test(text[end - 1] ?? '')) end--;
  if (end <= span.start) return undefined;
  const startLine = document.positionAt(span.start).line;
  const endLine = document.positionAt(end - 1).line;
  return endLine > startLine ? { startLine, endLine } : undefined;
}

/** A line holding only a comment, tested from the line's start (sticky). */
const commentLine = /[ \t]*#/y;

/**
 * Runs of consecutive lines that hold only a comment. A `#` line inside a block scalar is text,
 * not a comment, and breaks a run.
 */
function commentRanges(document: TextDocument, text: string, scalars: readonly Span[]): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  let runStart = -1;
  const close = (endLine: number) => {
    if (runStart >= 0 && endLine > runStart)
      ranges.push({ startLine: runStart, endLine, kind: FoldingRangeKind.Comment });
    runStart = -1;
  };
  // Lines as the editor counts them (\r\n, \r or \n), so that the numbers match its own.
  for (let line = 0; line < document.lineCount; line++) {
    const start = document.offsetAt({ line, character: 0 });
    commentLine.lastIndex = start;
    const comment =
      commentLine.test(text) && !scalars.some((scalar) => scalar.start < start && start < scalar.end);
    if (comment && runStart < 0) runStart = line;
    else if (!comment) close(line - 1);
  }
  close(document.lineCount - 1);
  return ranges;
}

function outermostPerLine(ranges: readonly FoldingRange[]): FoldingRange[] {
  const sorted = [...ranges].sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return sorted.filter((range, i) => i === 0 || sorted[i - 1]!.startLine !== range.startLine);
}
