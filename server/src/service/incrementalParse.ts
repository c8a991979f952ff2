import {
  isMap,
  isNode,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { findExcessiveNesting } from './limits';
import { crossReferences, lineStart, parseOptions, shiftRanges } from './yamlUnits';
import type { ParsedDefinition } from './parser';

/** A `#` that starts a comment: at the start of a line or after white space. */
const comment = /(^|\s)#/;

/** A change to the text: replace `[start, end)` of the text before it with `text`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * A part of the document that can be parsed on its own: a top-level key with its value, or one
 * item of a top-level block sequence (a VM, a shared disk). It runs from the start of its first
 * line to the start of the next unit's first line, so comments and blank lines between units
 * belong to the unit before them.
 */
interface Unit {
  readonly start: number;
  readonly end: number;
  readonly replace: (node: Pair | Node) => boolean;
  readonly kind: 'pair' | 'item';
  readonly key?: string;
  /** The unit's text before its node: '' for a key at column 0, "  - " for an item. */
  readonly prefix: string;
  /**
   * Sets the ends of the collections the unit closes (when it is their last child) as a
   * whole-text parse does: a block collection ends where its last child ends. Shifting alone
   * cannot know this when blank lines follow the last child.
   */
  readonly close: () => void;
}

/**
 * Applies one edit to a clean parse by re-parsing only the unit that contains it, and splicing
 * the result into the YAML tree with every later range shifted. Typing inside one VM of a
 * 1000-VM definition re-parses that VM, not the file.
 *
 * Returns undefined when that is not safe — the old parse had problems, the edit crosses units,
 * the unit no longer parses to exactly one unit of the same kind, or anchors and aliases could
 * tie units together — and the caller parses the whole text instead. The previous tree is
 * modified in place: the previous parse must not be used afterwards.
 */
export function reparseIncrementally(
  previous: ParsedDefinition,
  edit: TextEdit,
  text: string,
): ParsedDefinition | undefined {
  const document = previous.yaml;
  if (!document || previous.refused || previous.problems.length > 0) return undefined;
  if (document.errors.length > 0 || document.warnings.length > 0) return undefined;
  const root = document.contents;
  if (!isMap(root) || root.flow) return undefined;
  const unit = findUnit(root, previous.text, edit);
  if (!unit) return undefined;
  const delta = edit.text.length - (edit.end - edit.start);
  const fragmentText = text.slice(unit.start, unit.end + delta);
  if (crossReferences.test(fragmentText) || crossReferences.test(previous.text.slice(unit.start, unit.end))) {
    return undefined;
  }
  if (findExcessiveNesting(fragmentText)) return undefined;
  // A comment can end, or belong to, a node differently in the whole text than in the unit
  // alone (after the last VM it is even where a parent's range ends): a unit with comments, before
  // or after the edit, is left to a whole parse, which places them exactly.
  if (comment.test(previous.text.slice(unit.start, unit.end)) || comment.test(fragmentText)) return undefined;

  const fragment = parseDocument(fragmentText, parseOptions);
  const replacement = singleUnit(fragment, fragmentText, unit);
  if (!replacement) return undefined;
  shiftRanges(document, unit.end, delta);
  shiftRanges(fragment, 0, unit.start);
  if (!unit.replace(replacement)) return undefined;
  unit.close();
  if (document.range && root.range) document.range = [document.range[0], root.range[2], text.length];
  return { text, yaml: document, problems: [], refused: false };
}

/** Ends a block collection where its last child ends. */
function closeAt(collection: YAMLMap | YAMLSeq, last: Node | null | undefined): void {
  if (collection.range && last?.range) collection.range = [collection.range[0], last.range[2], last.range[2]];
}

function findUnit(root: YAMLMap, text: string, edit: TextEdit): Unit | undefined {
  const pairs = root.items;
  const closeRoot = () => {
    const last = pairs[pairs.length - 1];
    closeAt(root, (last?.value ?? last?.key) as Node | null | undefined);
  };
  for (let i = 0; i < pairs.length; i++) {
    const pair = pairs[i]!;
    const keyNode = pair.key;
    if (!isScalar(keyNode) || typeof keyNode.value !== 'string' || !keyNode.range) return undefined;
    const start = lineStart(text, keyNode.range[0]);
    const next = pairs[i + 1]?.key as Node | undefined;
    const end = next?.range ? lineStart(text, next.range[0]) : text.length;
    if (!contains(start, end, edit, text.length)) continue;
    const isLastPair = i === pairs.length - 1;
    const item = findItem(pair.value, text, start, end, edit, () => {
      if (isLastPair) closeRoot();
    });
    if (item) return item;
    return {
      start,
      end,
      kind: 'pair',
      key: keyNode.value,
      prefix: text.slice(start, keyNode.range[0]),
      replace: (node) => {
        pairs[i] = node as Pair;
        return true;
      },
      close: () => {
        if (isLastPair) closeRoot();
      },
    };
  }
  return undefined;
}

function findItem(
  value: unknown,
  text: string,
  pairStart: number,
  pairEnd: number,
  edit: TextEdit,
  closeParent: () => void,
): Unit | undefined {
  if (!isSeq(value) || value.flow) return undefined;
  const seq: YAMLSeq = value;
  const starts: number[] = [];
  const prefixes: string[] = [];
  for (const item of seq.items) {
    const range = (item as Node | null)?.range;
    if (!range) return undefined;
    const start = lineStart(text, range[0]);
    const prefix = text.slice(start, range[0]);
    // The item must begin on its dash's line ("  - name: …"), so that its lines are all its own.
    if (!/^\s*-\s+$/.test(prefix) || start <= pairStart) return undefined;
    starts.push(start);
    prefixes.push(prefix);
  }
  for (let j = 0; j < starts.length; j++) {
    const start = starts[j]!;
    const end = starts[j + 1] ?? pairEnd;
    if (!contains(start, end, edit, text.length)) continue;
    return {
      start,
      end,
      kind: 'item',
      prefix: prefixes[j]!,
      replace: (node) => {
        seq.items[j] = node;
        return true;
      },
      close: () => {
        if (j !== seq.items.length - 1) return;
        closeAt(seq, seq.items[j] as Node);
        closeParent();
      },
    };
  }
  return undefined;
}

/** The edit lies within the unit and does not touch the first character of the next one. */
function contains(start: number, end: number, edit: TextEdit, textLength: number): boolean {
  return (
    edit.start >= start && (edit.end < end || (end === textLength && edit.end <= end)) && edit.start < end
  );
}

/**
 * The one unit the fragment must hold: the same key, or one item, starting exactly as before, so
 * that its indentation still places it where it was among its siblings.
 */
function singleUnit(fragment: Document, fragmentText: string, unit: Unit): Pair | Node | undefined {
  if (fragment.errors.length > 0 || fragment.warnings.length > 0) return undefined;
  const contents = fragment.contents;
  const startsAsBefore = (node: unknown) => {
    const range = (node as Node | null)?.range;
    return range !== undefined && range !== null && fragmentText.slice(0, range[0]) === unit.prefix;
  };
  if (unit.kind === 'pair') {
    if (!isMap(contents) || contents.flow || contents.items.length !== 1) return undefined;
    const pair = contents.items[0]!;
    return isScalar(pair.key) && pair.key.value === unit.key && startsAsBefore(pair.key) ? pair : undefined;
  }
  if (!isSeq(contents) || contents.flow || contents.items.length !== 1) return undefined;
  const item = contents.items[0];
  return isNode(item) && startsAsBefore(item) ? item : undefined;
}
