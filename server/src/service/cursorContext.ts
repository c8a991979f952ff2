/**
 * Where the cursor stands in a definition, worked out from the lines and their indentation —
 * not from the YAML tree — because while the user types, the line under the cursor is usually
 * not valid YAML yet (a half-typed key, a missing colon, a wrong indentation).
 */
export interface CursorContext {
  /** Keys from the root to the mapping or sequence the cursor is in; `*` is an item of a sequence. */
  readonly path: readonly string[];
  /** Typing a key of the mapping at `path`, or a value of `key` in it. */
  readonly position: 'key' | 'value';
  /** For a value: its key, or `*` for an item of the flow sequence at `path`. */
  readonly key?: string;
  /** What was typed so far, and where it starts in the text. */
  readonly prefix: string;
  readonly prefixStart: number;
  /** Keys already in the same mapping, above and below the cursor. */
  readonly siblings: ReadonlySet<string>;
  /** Column at which the mapping's keys start, for multi-line insertions. */
  readonly indent: number;
  /** The line is a fresh item of a block sequence (`- |`), so `path` ends with `*`. */
  readonly newItem: boolean;
  readonly inFlow: boolean;
}

/** One line, split into the parts that matter for structure. */
interface LineShape {
  readonly indent: number;
  /** Column of a leading `-` item marker, if any. */
  readonly dash?: number;
  /** Column where the content after any dash starts. */
  readonly content: number;
  /** The key, when the content is `key:` (followed by a value or not). */
  readonly key?: string;
  /** Length of `indent`, dash and `key:` with the spaces after it. */
  readonly keyEnd?: number;
  readonly blank: boolean;
}

const keyPattern = /^([^\s#:'"[\]{},&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?|'[^']*'|"[^"]*")\s*:(?:\s+|$)/;

function shapeOf(raw: string): LineShape {
  // A CRLF file's lines end in \r, which is no part of their content.
  const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  const indent = /^ */.exec(line)![0].length;
  if (/^\s*(#.*)?$/.test(line)) return { indent, content: indent, blank: true };
  let content = indent;
  let dash: number | undefined;
  const item = /^-(?:\s+|$)/.exec(line.slice(indent));
  if (item) {
    dash = indent;
    content = indent + item[0].length;
  }
  const keyed = keyPattern.exec(line.slice(content));
  if (!keyed) return { indent, content, blank: false, ...(dash !== undefined ? { dash } : {}) };
  return {
    indent,
    content,
    blank: false,
    key: unquote(keyed[1]!.trim()),
    keyEnd: content + keyed[0].length,
    ...(dash !== undefined ? { dash } : {}),
  };
}

export function findCursorContext(text: string, offset: number): CursorContext {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const shape = shapeOf(before);
  const flowAt = firstFlowOpen(before);
  const keyBeforeFlow = shape.key !== undefined && (flowAt < 0 || shape.keyEnd! <= flowAt);

  if (flowAt >= 0) {
    const flow = flowContext(before.slice(flowAt));
    if (flow) {
      const container = containerOf(text, lineStart, shape.content, shape.dash);
      const path = [...container.path, ...(keyBeforeFlow ? [shape.key!] : []), ...flow.inner];
      return {
        path,
        position: flow.position,
        ...(flow.key !== undefined ? { key: flow.key } : {}),
        prefix: flow.prefix,
        prefixStart: offset - flow.prefix.length,
        siblings: flow.siblings,
        indent: shape.content,
        newItem: false,
        inFlow: true,
      };
    }
  }

  const container = containerOf(text, lineStart, shape.content, shape.dash);
  const siblings =
    shape.dash === undefined ? container.siblings : siblingsBelow(text, offset, shape.content, new Set());
  if (keyBeforeFlow) {
    // "    generation: |" — a value of the key on this line.
    const typed = before.slice(shape.keyEnd!);
    return {
      path: container.path,
      position: 'value',
      key: shape.key!,
      prefix: typed,
      prefixStart: offset - typed.length,
      siblings,
      indent: shape.content,
      newItem: false,
      inFlow: false,
    };
  }
  // "    gen|" or "  - |": a key (or, in a sequence of scalars, an item; the schema decides).
  const prefix = before.slice(shape.content);
  return {
    path: container.path,
    position: 'key',
    prefix,
    prefixStart: offset - prefix.length,
    siblings,
    indent: shape.content,
    newItem: shape.dash !== undefined,
    inFlow: false,
  };
}

/**
 * The path of the mapping whose keys start at `column` on this line, found by walking up:
 * lines at that column are siblings, a key further left owns the block, and a dash further
 * left means the block is an item of a sequence (`*`) owned by the key above that.
 */
function containerOf(
  text: string,
  lineStart: number,
  column: number,
  dash: number | undefined,
): { path: string[]; siblings: Set<string> } {
  const path: string[] = [];
  const siblings = new Set<string>();
  let ownColumn = column;
  let collecting = dash === undefined;
  // Looking either for the owner of a mapping at `column`, or for the key owning a sequence whose dashes are at `sequence`.
  let sequence: number | undefined = dash;
  if (dash !== undefined) path.unshift('*');
  // The key on `line` owns what is below it: in an item of a sequence when the line has a dash.
  const enterOwner = (key: string, line: LineShape) => {
    path.unshift(key);
    if (line.dash !== undefined) {
      path.unshift('*');
      sequence = line.dash;
    } else {
      column = line.content;
      sequence = undefined;
    }
  };
  let end = lineStart - 1;
  while (end >= 0 && (sequence !== undefined || column > 0 || collecting)) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = shapeOf(text.slice(start, end));
    end = start - 1;
    if (line.blank) continue;
    if (sequence === undefined) {
      // A dash left of the column with its content at or right of it: the block is in that item
      // (a column between the dash and the content is a mis-indented key of the same item).
      if (line.dash !== undefined && line.dash < column && line.content >= column) {
        if (collecting && line.key !== undefined) siblings.add(line.key);
        collecting = false;
        path.unshift('*');
        sequence = line.dash;
      } else if (line.indent >= column) {
        if (collecting && line.indent === column && line.dash === undefined && line.key !== undefined)
          siblings.add(line.key);
      } else if (line.key !== undefined) {
        collecting = false;
        enterOwner(line.key, line);
      } else {
        // A broken line further left (a key without its colon): take its column as the
        // cursor's, as its author most likely meant the cursor to belong with it.
        column = line.indent;
        if (collecting) ownColumn = column;
      }
    } else {
      if (line.dash === sequence || line.indent > sequence) continue; // earlier items of the same sequence
      if (line.key === undefined || line.content > sequence) break;
      enterOwner(line.key, line);
    }
  }
  return {
    path,
    siblings: dash === undefined ? siblingsBelow(text, lineStart, ownColumn, siblings) : siblings,
  };
}

/** Adds the keys of the same mapping that follow the cursor's line. */
function siblingsBelow(text: string, from: number, column: number, siblings: Set<string>): Set<string> {
  let start = text.indexOf('\n', from) + 1;
  while (start > 0 && start < text.length) {
    const end = indexOrEnd(text, '\n', start);
    const line = shapeOf(text.slice(start, end));
    start = end + 1;
    if (line.blank || line.indent > column) continue;
    if (line.indent < column || line.dash !== undefined) break;
    if (line.key !== undefined) siblings.add(line.key);
  }
  return siblings;
}

interface FlowPosition {
  /** Keys inside the flow collections, from the outermost; `*` for items of `[`. */
  readonly inner: readonly string[];
  readonly position: 'key' | 'value';
  readonly key?: string;
  readonly prefix: string;
  readonly siblings: ReadonlySet<string>;
}

/** Offset of the first `[` or `{` outside quotes and comments, or -1. */
function firstFlowOpen(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return -1;
    else if (ch === '[' || ch === '{') return i;
  }
  return -1;
}

/** What the cursor is typing inside flow collections that start at the beginning of `flow` and are still open. */
function flowContext(flow: string): FlowPosition | undefined {
  const open: { char: string; at: number }[] = [];
  let quote: string | undefined;
  for (let i = 0; i < flow.length; i++) {
    const ch = flow[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '[' || ch === '{') open.push({ char: ch, at: i });
    else if (ch === ']' || ch === '}') open.pop();
  }
  if (open.length === 0) return undefined;
  const inner: string[] = [];
  for (let level = 0; level < open.length; level++) {
    const { char, at } = open[level]!;
    const entries = splitTopLevel(flow.slice(at + 1, open[level + 1]?.at ?? flow.length));
    const last = entries[entries.length - 1]!;
    const colon = last.indexOf(':');
    if (level < open.length - 1) {
      if (char === '[') inner.push('*');
      else if (colon >= 0) inner.push(unquote(last.slice(0, colon).trim()));
      continue;
    }
    const done = entries.slice(0, -1);
    if (char === '[') {
      const prefix = last.trimStart();
      return {
        inner,
        position: 'value',
        key: '*',
        prefix,
        siblings: new Set(done.map((e) => unquote(e.trim()))),
      };
    }
    const siblings = new Set(done.map((e) => unquote(e.split(':')[0]!.trim())).filter((e) => e.length > 0));
    if (colon >= 0) {
      const prefix = last.slice(colon + 1).trimStart();
      return { inner, position: 'value', key: unquote(last.slice(0, colon).trim()), prefix, siblings };
    }
    return { inner, position: 'key', prefix: last.trimStart(), siblings };
  }
  return undefined;
}

/** Splits a flow collection's text at its top-level commas. */
function splitTopLevel(segment: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let current = '';
  for (const ch of segment) {
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '[' || ch === '{') depth++;
    else if (ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts;
}

function unquote(key: string): string {
  return /^(['"]).*\1$/.test(key) ? key.slice(1, -1) : key;
}

function indexOrEnd(text: string, search: string, from: number): number {
  const index = text.indexOf(search, from);
  return index < 0 ? text.length : index;
}
