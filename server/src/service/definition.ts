import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location, Position, Range } from 'vscode-languageserver-types';
import type { Analysis } from './analysis';
import type { Span } from './problem';
import { innerSpan } from './symbolTable';

/**
 * Go to definition: from a name that refers to a declared thing — a guest cluster node, a VM's
 * disk attachment, the witness disk, a preferred host, the volume or share segment of a disk
 * path — to the `name` of its declaration. On a declaration's own name, the declaration itself,
 * so that the command never comes back empty-handed where the cursor is on a symbol.
 *
 * A name declared twice (already reported by NAME005) gives every declaration, so that the user
 * sees the clash. A reference to an undeclared name gives nothing.
 */
export function findDefinition(document: TextDocument, analysis: Analysis, position: Position): Location[] {
  const symbol = analysis.symbols.at(document.offsetAt(position));
  if (!symbol) return [];
  if (symbol.isDeclaration) return [{ uri: document.uri, range: rangeOf(document, symbol.span) }];
  const name = symbol.declaration?.name.value ?? symbol.name;
  return analysis.symbols.declarationsOf(symbol.kind, name).map((declaration) => ({
    uri: document.uri,
    range: rangeOf(document, innerSpan(analysis.parsed.text, declaration.name.span)),
  }));
}

function rangeOf(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}
