import type { DefinitionOverview, FailureHighlight, TextRange } from '../../../server/src/protocol';

/** Extension → Topology webview. Names inside stay data: the webview only ever sets them as text. */
export type ToWebview =
  | { readonly type: 'overview'; readonly overview: DefinitionOverview; readonly fileName: string }
  | { readonly type: 'gone'; readonly fileName: string }
  /** What a failure takes down, marked on the shapes until the next simulation (none: clear). */
  | { readonly type: 'highlight'; readonly highlight: FailureHighlight | undefined };

/** Topology webview → extension. */
export type FromWebview = { readonly type: 'ready' } | { readonly type: 'reveal'; readonly range: TextRange };

/** A message from the webview, checked: the webview is a page, and pages can be made to post anything. */
export function parseFromWebview(message: unknown): FromWebview | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, range } = message as { type?: unknown; range?: unknown };
  if (type === 'ready') return { type };
  if (type === 'reveal' && isRange(range)) return { type, range };
  return undefined;
}

function isRange(value: unknown): value is TextRange {
  const position = (p: unknown) =>
    typeof p === 'object' &&
    p !== null &&
    isIndex((p as { line?: unknown }).line) &&
    isIndex((p as { character?: unknown }).character);
  return (
    typeof value === 'object' &&
    value !== null &&
    position((value as TextRange).start) &&
    position((value as TextRange).end)
  );
}

function isIndex(value: unknown): boolean {
  return Number.isInteger(value) && (value as number) >= 0;
}
