import type { Connection, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from './service/incrementalParse';

/**
 * The open documents, kept in sync incrementally, and the edits each received since its parse
 * was last brought up to date — so that the service can re-parse only what an edit touched.
 * (The library's TextDocuments keeps the text but not the edits.)
 */
export class DocumentStore {
  private readonly documents = new Map<string, TextDocument>();
  private readonly pendingEdits = new Map<string, TextEdit[] | 'whole'>();

  listen(connection: Connection, events: { changed(uri: string): void; closed(uri: string): void }): void {
    connection.onDidOpenTextDocument(({ textDocument: { uri, languageId, version, text } }) => {
      this.documents.set(uri, TextDocument.create(uri, languageId, version, text));
      this.pendingEdits.set(uri, 'whole');
      events.changed(uri);
    });
    connection.onDidChangeTextDocument(({ textDocument: { uri, version }, contentChanges }) => {
      const document = this.documents.get(uri);
      if (!document) return;
      for (const change of contentChanges) this.apply(document, change, version);
      events.changed(uri);
    });
    connection.onDidCloseTextDocument(({ textDocument: { uri } }) => {
      this.documents.delete(uri);
      this.pendingEdits.delete(uri);
      events.closed(uri);
    });
  }

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  all(): TextDocument[] {
    return [...this.documents.values()];
  }

  /** The edits since the last call, or 'whole' when the text must be parsed from scratch. */
  takeEdits(uri: string): readonly TextEdit[] | 'whole' {
    const edits = this.pendingEdits.get(uri) ?? 'whole';
    this.pendingEdits.set(uri, []);
    return edits;
  }

  private apply(document: TextDocument, change: TextDocumentContentChangeEvent, version: number): void {
    const pending = this.pendingEdits.get(document.uri);
    if ('range' in change) {
      const start = document.offsetAt(change.range.start);
      const end = document.offsetAt(change.range.end);
      if (Array.isArray(pending)) pending.push({ start, end, text: change.text });
    } else {
      this.pendingEdits.set(document.uri, 'whole');
    }
    TextDocument.update(document, [change], version);
  }
}
