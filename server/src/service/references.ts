import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DocumentHighlightKind,
  type DocumentHighlight,
  type Location,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import type { Analysis } from './analysis';
import type { Span } from './problem';
import { innerSpan, type SymbolAt, type SymbolDeclaration, type SymbolReference } from './symbolTable';

/** Every place that names one symbol: its declarations and the references to it. */
interface Occurrences {
  readonly declarations: readonly SymbolDeclaration[];
  readonly references: readonly SymbolReference[];
}

/**
 * The declarations and references of a symbol found at a cursor. Names compare case-insensitively
 * (the symbol table files them lower-cased), as Windows compares computer, disk and share names.
 */
function occurrencesOf(analysis: Analysis, symbol: SymbolAt): Occurrences {
  // A path segment is filed under the declared volume's name, which may differ from its text.
  const name = symbol.declaration?.name.value ?? symbol.name;
  return {
    declarations: analysis.symbols.declarationsOf(symbol.kind, name),
    references: analysis.symbols.referencesTo(symbol.kind, name),
  };
}

/**
 * Find all references: every place that names the symbol at the cursor, in document order,
 * with its declaration(s) when asked. Each range covers the name only, inside any quotes.
 */
export function findReferences(
  document: TextDocument,
  analysis: Analysis,
  position: Position,
  includeDeclaration: boolean,
): Location[] {
  const spans = occurrenceSpans(document, analysis, position, includeDeclaration);
  return spans.map(({ span }) => ({ uri: document.uri, range: rangeOf(document, span) }));
}

/**
 * Highlights every occurrence of the symbol at the cursor: declarations as writes (they define the
 * name), references as reads.
 */
export function findDocumentHighlights(
  document: TextDocument,
  analysis: Analysis,
  position: Position,
): DocumentHighlight[] {
  return occurrenceSpans(document, analysis, position, true).map(({ span, isDeclaration }) => ({
    range: rangeOf(document, span),
    kind: isDeclaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}

interface OccurrenceSpan {
  readonly span: Span;
  readonly isDeclaration: boolean;
}

function occurrenceSpans(
  document: TextDocument,
  analysis: Analysis,
  position: Position,
  includeDeclaration: boolean,
): OccurrenceSpan[] {
  const symbol = analysis.symbols.at(document.offsetAt(position));
  if (!symbol) return [];
  const found = occurrencesOf(analysis, symbol);
  const text = analysis.parsed.text;
  const spans: OccurrenceSpan[] = includeDeclaration
    ? found.declarations.map((d) => ({ span: innerSpan(text, d.name.span), isDeclaration: true }))
    : [];
  for (const reference of found.references) spans.push({ span: reference.span, isDeclaration: false });
  return spans.sort((a, b) => a.span.start - b.span.start);
}

function rangeOf(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}
