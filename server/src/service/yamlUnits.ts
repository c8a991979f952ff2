import { isNode, visit, type Document } from 'yaml';

/** The options of every parse, whole text or one unit, so that the trees they give agree. */
export const parseOptions = { prettyErrors: false, keepSourceTokens: false, uniqueKeys: true } as const;

/**
 * Anchors, aliases, directives and document markers tie parts of a text together, so a text
 * (or a unit) that has any is never parsed in parts.
 */
export const crossReferences = /[&*%]|^(---|\.\.\.)/m;

/** Adds `delta` to every range offset at or after `from` (0 moves a whole fragment into place). */
export function shiftRanges(document: Document, from: number, delta: number): void {
  if (delta === 0) return;
  const shift = (range: [number, number, number] | null | undefined) => {
    if (!range) return;
    for (let k = 0; k < 3; k++) if (range[k]! >= from) range[k] = range[k]! + delta;
  };
  shift(document.range);
  visit(document, (_key, node) => {
    if (isNode(node)) shift(node.range);
  });
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}
