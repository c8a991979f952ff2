/** A span of the document text, as offsets: `start` inclusive, `end` exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** The other side of a conflict, shown as related information. */
export interface RelatedSpan {
  readonly span: Span;
  readonly message: string;
}

/**
 * What a check found, in offsets of the document. It becomes an LSP diagnostic, a CLI line
 * or a SARIF result once the rule's configured severity and the suppression comments are applied.
 */
export interface Problem {
  readonly code: string;
  readonly message: string;
  readonly span: Span;
  readonly related?: readonly RelatedSpan[];
  /** Facts a quick fix can use (e.g. the suggested property name). */
  readonly data?: Readonly<Record<string, string | number | boolean>>;
}

export type Report = (problem: Problem) => void;
