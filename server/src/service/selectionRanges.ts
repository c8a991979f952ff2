import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range, SelectionRange } from 'vscode-languageserver-types';
import { isAlias, isCollection, isNode, isPair, isScalar, type Node, type Pair } from 'yaml';
import type { Analysis } from './analysis';
import type { Span } from './problem';

/**
 * Smart selection: for each position, the chain of ranges from the word or scalar at the cursor
 * outwards — the scalar's text inside its quotes, the scalar, its `key: value` pair, the mapping,
 * the list item with its dash, the list, the pair that holds the list, … — up to the whole
 * document. Each range strictly contains the one before it; a level that would select the same
 * text again (a bare scalar, a one-pair mapping) is skipped.
 */
export function getSelectionRanges(
  document: TextDocument,
  analysis: Analysis,
  positions: readonly Position[],
): SelectionRange[] {
  return positions.map((position) => selectionAt(document, analysis, document.offsetAt(position)));
}

function selectionAt(document: TextDocument, analysis: Analysis, offset: number): SelectionRange {
  const { text, yaml, refused } = analysis.parsed;
  const chain = new Chain(text, offset);
  chain.push({ start: 0, end: text.length });
  if (yaml && !refused) chain.descend(yaml.contents);
  let selection: SelectionRange | undefined;
  let outer: Span | undefined;
  for (const span of chain.spans) {
    if (outer && !strictlyInside(span, outer)) continue;
    const range: Range = { start: document.positionAt(span.start), end: document.positionAt(span.end) };
    selection = selection ? { range, parent: selection } : { range };
    outer = span;
  }
  // The document's span is always first, so there is always a selection.
  return selection!;
}

/** The spans around one offset, outermost first, found by one walk down the YAML tree. */
class Chain {
  readonly spans: Span[] = [];

  constructor(
    private readonly text: string,
    private readonly offset: number,
  ) {}

  push(span: Span): void {
    this.spans.push(span);
  }

  descend(node: unknown): void {
    if (!isNode(node) || !node.range || !this.contains(this.spanOf(node))) return;
    if (isCollection(node)) {
      this.push(this.spanOf(node));
      for (const item of node.items) if (this.item(item)) return;
    } else if (isScalar(node) || isAlias(node)) {
      this.scalar(node);
    }
  }

  /** Enters the item of a collection that holds the offset; false when this one does not. */
  private item(item: unknown): boolean {
    if (isPair(item)) return this.pair(item);
    if (!isNode(item) || !item.range) return false;
    const span = this.spanOf(item);
    const dash = this.dashBefore(span.start);
    const withDash = dash === undefined ? span : { start: dash, end: span.end };
    if (!this.contains(withDash)) return false;
    this.push(withDash);
    this.descend(item);
    return true;
  }

  private pair(pair: Pair): boolean {
    const key = isNode(pair.key) && pair.key.range ? this.spanOf(pair.key) : undefined;
    const value = isNode(pair.value) && pair.value.range ? this.spanOf(pair.value) : undefined;
    const first = key ?? value;
    if (!first) return false;
    const span = { start: first.start, end: Math.max(key?.end ?? 0, value?.end ?? 0) };
    if (!this.contains(span)) return false;
    this.push(span);
    if (key && this.contains(key)) this.descend(pair.key);
    else this.descend(pair.value);
    return true;
  }

  /** The scalar with its quotes, the text inside them, and the word under the cursor. */
  private scalar(node: Node): void {
    const span = this.spanOf(node);
    this.push(span);
    const quote = this.text[span.start];
    const quoted =
      (quote === "'" || quote === '"') && span.end - span.start >= 2 && this.text[span.end - 1] === quote;
    const inner = quoted ? { start: span.start + 1, end: span.end - 1 } : span;
    if (quoted && this.contains(inner)) this.push(inner);
    const word = this.wordAt(inner);
    if (word) this.push(word);
  }

  /** The run of letters, digits, `_` and `-` around the offset: a name, or one folder of a path. */
  private wordAt(within: Span): Span | undefined {
    if (!this.contains(within)) return undefined;
    let start = this.offset;
    let end = this.offset;
    while (start > within.start && isWordCharacter(this.text[start - 1])) start--;
    while (end < within.end && isWordCharacter(this.text[end])) end++;
    return end > start ? { start, end } : undefined;
  }

  /** Where the `- ` of a block sequence item stands, when the item follows one on its line. */
  private dashBefore(start: number): number | undefined {
    let at = start - 1;
    while (at >= 0 && (this.text[at] === ' ' || this.text[at] === '\t')) at--;
    return at >= 0 && at < start - 1 && this.text[at] === '-' ? at : undefined;
  }

  /** A node's span without the line ends and blank lines that a block collection runs on to. */
  private spanOf(node: Node): Span {
    const [start, end] = node.range!;
    let last = Math.min(end, this.text.length);
    while (last > start && /\s/.test(this.text[last - 1] ?? '')) last--;
    return { start, end: last };
  }

  /** Whether the cursor is in the span, its end included (a cursor just after a word is on it). */
  private contains(span: Span): boolean {
    return this.offset >= span.start && this.offset <= span.end;
  }
}

function isWordCharacter(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9_-]/.test(ch);
}

function strictlyInside(inner: Span, outer: Span): boolean {
  return (
    inner.start >= outer.start &&
    inner.end <= outer.end &&
    (inner.start > outer.start || inner.end < outer.end)
  );
}
