import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';

/** Takes the `|` out of a fixture and says where it was: the cursor of a test. */
export function cursor(source: string): {
  text: string;
  offset: number;
  position: Position;
  document: TextDocument;
} {
  const offset = source.indexOf('|');
  if (offset < 0 || source.indexOf('|', offset + 1) >= 0)
    throw new Error('a fixture has exactly one | cursor');
  const text = source.slice(0, offset) + source.slice(offset + 1);
  const document = TextDocument.create('file:///cursor.gcluster.yaml', 'gcluster', 1, text);
  return { text, offset, position: document.positionAt(offset), document };
}
