import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { Span } from './problem';
import { deref } from './yamlAccess';

/** What the cursor is on in the YAML tree: a key or a value, with the editing path to it (`*` for items). */
export interface NodeAt {
  /** Keys from the root to the mapping holding the key or value; `*` for a sequence item. */
  readonly path: readonly string[];
  readonly key?: string;
  readonly isKey: boolean;
  readonly span: Span;
  readonly value?: unknown;
}

const inside = (range: [number, number, number] | null | undefined, offset: number) =>
  range !== null && range !== undefined && offset >= range[0] && offset <= range[1];

/** The key or scalar value under the cursor, or undefined on structure, whitespace or comments. */
export function findNodeAt(document: Document, offset: number): NodeAt | undefined {
  let node: unknown = deref(document, document.contents);
  const path: string[] = [];
  for (let depth = 0; depth < 64; depth++) {
    if (isMap(node)) {
      const pair = node.items.find((item) => {
        const key = item.key as Node | null;
        const value = deref(document, item.value) as Node | null;
        return inside(key?.range, offset) || inside(value?.range, offset);
      });
      if (!pair || !isScalar(pair.key)) return undefined;
      const key = String(pair.key.value);
      if (inside(pair.key.range, offset)) {
        return { path, key, isKey: true, span: { start: pair.key.range![0], end: pair.key.range![1] } };
      }
      const value = deref(document, pair.value);
      if (isScalar(value)) {
        return {
          path,
          key,
          isKey: false,
          span: { start: value.range![0], end: value.range![1] },
          value: value.value,
        };
      }
      path.push(key);
      node = value;
    } else if (isSeq(node)) {
      const item = node.items
        .map((i) => deref(document, i) as Node | null)
        .find((i) => inside(i?.range, offset));
      if (!item) return undefined;
      if (isScalar(item)) {
        return {
          path,
          key: '*',
          isKey: false,
          span: { start: item.range![0], end: item.range![1] },
          value: item.value,
        };
      }
      path.push('*');
      node = item;
    } else {
      return undefined;
    }
  }
  return undefined;
}
