import {
  visit,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import type { Span } from './problem';

/** A scalar read from the document, with where its value and its key stand. */
export interface Field<T> {
  readonly value: T;
  readonly span: Span;
  readonly keySpan: Span;
}

/** A mapping read from the document, with its own span and the key (or sequence dash) that owns it. */
export interface MapView {
  readonly node: YAMLMap;
  readonly span: Span;
  readonly keySpan: Span;
  /** Every pair by key, built once so that each field look-up is constant time. */
  readonly pairs: ReadonlyMap<string, Pair>;
}

export function spanOf(node: Node | null | undefined, fallback: Span): Span {
  const range = node?.range;
  return range ? { start: range[0], end: range[1] } : fallback;
}

/** Follows one alias step; aliases are never expanded recursively here. */
export function deref(document: Document, node: unknown): unknown {
  return isAlias(node) ? node.resolve(document) : node;
}

export function mapView(document: Document, node: unknown, keySpan: Span): MapView | undefined {
  const target = deref(document, node);
  if (!isMap(target)) return undefined;
  const pairs = new Map<string, Pair>();
  for (const pair of target.items) {
    if (isScalar(pair.key) && typeof pair.key.value === 'string' && !pairs.has(pair.key.value)) {
      pairs.set(pair.key.value, pair);
    }
  }
  return { node: target, span: spanOf(target, keySpan), keySpan, pairs };
}

export function keySpanOf(pair: Pair, fallback: Span): Span {
  return spanOf(pair.key as Node | null, fallback);
}

export class FieldReader {
  constructor(private readonly document: Document) {}

  map(parent: MapView, key: string): MapView | undefined {
    const pair = parent.pairs.get(key);
    return pair ? mapView(this.document, pair.value, keySpanOf(pair, parent.keySpan)) : undefined;
  }

  /** The items of a sequence under `key`, each with a span usable as its "key" (the item itself). */
  seq(parent: MapView, key: string): { items: { node: unknown; span: Span }[]; keySpan: Span } | undefined {
    const pair = parent.pairs.get(key);
    if (!pair) return undefined;
    const keySpan = keySpanOf(pair, parent.keySpan);
    const target = deref(this.document, pair.value);
    if (!isSeq(target)) return undefined;
    return { items: this.seqItems(target, keySpan), keySpan };
  }

  seqItems(seq: YAMLSeq, fallback: Span): { node: unknown; span: Span }[] {
    return seq.items.map((item) => {
      const node = deref(this.document, item);
      return { node, span: spanOf(node as Node, fallback) };
    });
  }

  string(parent: MapView, key: string): Field<string> | undefined {
    return this.scalar(parent, key, (v): v is string => typeof v === 'string');
  }

  number(parent: MapView, key: string): Field<number> | undefined {
    return this.scalar(parent, key, (v): v is number => typeof v === 'number' && Number.isFinite(v));
  }

  boolean(parent: MapView, key: string): Field<boolean> | undefined {
    return this.scalar(parent, key, (v): v is boolean => typeof v === 'boolean');
  }

  /** Whether the key is present at all, whatever its value. */
  present(parent: MapView, key: string): { span: Span; keySpan: Span } | undefined {
    const pair = parent.pairs.get(key);
    if (!pair) return undefined;
    const keySpan = keySpanOf(pair, parent.keySpan);
    return { keySpan, span: spanOf(pair.value as Node | null, keySpan) };
  }

  scalarItem(item: { node: unknown; span: Span }): Field<string> | undefined {
    const node = item.node;
    if (isScalar(node) && typeof node.value === 'string') {
      return { value: node.value, span: item.span, keySpan: item.span };
    }
    return undefined;
  }

  private scalar<T>(
    parent: MapView,
    key: string,
    accept: (value: unknown) => value is T,
  ): Field<T> | undefined {
    const pair = parent.pairs.get(key);
    if (!pair) return undefined;
    const node = deref(this.document, pair.value);
    if (!isScalar(node) || !accept(node.value)) return undefined;
    const keySpan = keySpanOf(pair, parent.keySpan);
    return { value: node.value, span: spanOf(node, keySpan), keySpan };
  }
}

/** Spans of scalars written over several lines (block scalars, multi-line quoted strings). */
export function multilineScalarSpans(document: Document, text: string): Span[] {
  const spans: Span[] = [];
  visit(document, {
    Scalar(_key, node) {
      const range = node.range;
      if (range && text.indexOf('\n', range[0]) >= 0 && text.indexOf('\n', range[0]) < range[1]) {
        spans.push({ start: range[0], end: range[1] });
      }
    },
  });
  return spans;
}
