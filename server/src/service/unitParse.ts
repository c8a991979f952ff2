import {
  isMap,
  isNode,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { crossReferences, parseOptions, shiftRanges } from './yamlUnits';

/** A line that starts a top-level key: anything at column 0 but a space, tab, comment, dash or line end. */
const topLevelLine = /^[^\s#-]/gm;

/**
 * Parses a large definition one unit at a time — each top-level key, and each item of a
 * top-level block sequence (a VM, a shared disk) — and assembles the same tree a whole-text
 * parse gives. The result is identical (ranges included; tests compare the two), but the parser's
 * intermediate tokens never exist for the whole file at once, so the peak memory of opening a
 * 1000-VM definition is a fraction of a whole-text parse.
 *
 * Returns undefined when the text does not split cleanly — any unit with a problem, anchors and
 * aliases, several documents, repeated top-level keys — and the caller parses the whole text,
 * which also gives the exact syntax errors.
 */
export function parseInUnits(text: string): Document | undefined {
  if (crossReferences.test(text)) return undefined;
  // JavaScript's ^ also matches after U+2028 and U+2029, which YAML reads as ordinary characters.
  const starts = [...text.matchAll(topLevelLine)]
    .map((match) => match.index)
    .filter((index) => index === 0 || text[index - 1] === '\n');
  if (starts.length === 0) return undefined;
  starts[0] = 0; // comments before the first key belong to the first unit
  let document: Document | undefined;
  let root: YAMLMap | undefined;
  let last: Document | undefined;
  const keys = new Set<string>();
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const end = starts[i + 1] ?? text.length;
    const unit = parseUnit(text, start, end);
    if (!unit) return undefined;
    const key = unit.pair.key;
    if (!isScalar(key) || typeof key.value !== 'string' || keys.has(key.value)) return undefined;
    keys.add(key.value);
    if (!document || !root) {
      document = unit.document;
      root = unit.document.contents as YAMLMap;
    } else {
      root.items.push(unit.pair);
    }
    last = unit.document;
  }
  if (!document || !root || !last) return undefined;
  const lastRoot = last.contents as YAMLMap;
  root.range = [root.range![0], lastRoot.range![1], lastRoot.range![2]];
  document.range = [document.range![0], last.range![1], last.range![2]];
  return document;
}

interface ParsedUnit {
  readonly document: Document;
  readonly pair: Pair;
}

/** One top-level key with its value, its block sequence (if any) parsed item by item. */
function parseUnit(text: string, start: number, end: number): ParsedUnit | undefined {
  const items = itemStarts(text, start, end);
  if (!items) return parseFragment(text, start, end, 'pair');
  const header = parseFragment(text, start, items[0]!, 'pair');
  if (!header || !isScalar(header.pair.value) || header.pair.value.value !== null) return undefined;
  let seq: YAMLSeq | undefined;
  for (let j = 0; j < items.length; j++) {
    const item = parseFragment(text, items[j]!, items[j + 1] ?? end, 'item');
    if (!item) return undefined;
    const contents = item.document.contents as YAMLSeq;
    if (!seq) seq = contents;
    else seq.items.push(contents.items[0]!);
    seq.range = [seq.range![0], contents.range![1], contents.range![2]];
  }
  header.pair.value = seq ?? null;
  const root = header.document.contents as YAMLMap;
  root.range = [root.range![0], seq!.range![1], seq!.range![2]];
  header.document.range = [header.document.range![0], seq!.range![1], end];
  return header;
}

/**
 * Where the items of a block sequence under the unit's key begin, or undefined when the value is
 * anything else: the key line must end at its colon, and the next line with content must be a dash.
 */
function itemStarts(text: string, start: number, end: number): number[] | undefined {
  const keyLineEnd = text.indexOf('\n', start);
  if (keyLineEnd < 0 || keyLineEnd >= end) return undefined;
  if (!/^[A-Za-z_][\w-]*:\s*$/.test(text.slice(start, keyLineEnd).replace(/\s#.*$/, ''))) return undefined;
  const body = text.slice(keyLineEnd + 1, end);
  const first = /^(?:[ \t]*(?:#.*)?\n)*( *)-(?: |$)/m.exec(body);
  if (!first || first.index !== 0) return undefined;
  const indent = first[1]!;
  const dash = new RegExp(`^${indent}-(?: |$)`, 'gm');
  const starts = [...body.matchAll(dash)].map((match) => keyLineEnd + 1 + match.index);
  return starts.length > 0 ? starts : undefined;
}

/** Parses `text[start, end)` alone; it must be one clean pair or one clean item, shifted into place. */
function parseFragment(
  text: string,
  start: number,
  end: number,
  kind: 'pair' | 'item',
): ParsedUnit | undefined {
  const document = parseDocument(text.slice(start, end), parseOptions);
  if (document.errors.length > 0 || document.warnings.length > 0) return undefined;
  const contents = document.contents;
  let pair: Pair | undefined;
  if (kind === 'pair') {
    if (!isMap(contents) || contents.flow || contents.items.length !== 1) return undefined;
    pair = contents.items[0];
  } else if (!isSeq(contents) || contents.flow || contents.items.length !== 1 || !isNode(contents.items[0])) {
    return undefined;
  }
  shiftRanges(document, 0, start);
  return { document, pair: pair as Pair };
}
