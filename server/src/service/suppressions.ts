import type { Span } from './problem';

/**
 * `# gcluster-disable-next-line ID [ID…]` silences those rules on the next line that holds
 * something other than a comment; `# gcluster-disable ID [ID…]` silences them in the whole file.
 * Without ids, every rule is silenced. Only comment-only lines count, and lines inside a value
 * (a multi-line quoted or block scalar) are not comments, so text in a value never suppresses anything.
 */
export interface Suppressions {
  isSuppressed(code: string, line: number): boolean;
}

export const noSuppressions: Suppressions = { isSuppressed: () => false };
const directive = /^\s*#\s*gcluster-disable(-next-line)?(?=\s|$)(.*)$/;

export function findSuppressions(text: string, valueSpans: () => readonly Span[] = () => []): Suppressions {
  if (!text.includes('gcluster-disable')) return noSuppressions;
  const lines = text.split(/\r?\n/);
  const insideValue = lineTester(text, valueSpans());
  const fileWide = new Set<string>();
  let fileWideAll = false;
  const byLine = new Map<number, { all: boolean; ids: Set<string> }>();
  let pending: { all: boolean; ids: Set<string> } | undefined;
  for (let line = 0; line < lines.length; line++) {
    const content = lines[line]!;
    const match = insideValue(line) ? null : directive.exec(content);
    if (match) {
      const ids = match[2]!
        .replace(/--.*$/, '') // "-- reason" after the ids is a comment for people
        .split(/[\s,]+/)
        .filter((id) => id.length > 0)
        .map((id) => id.toUpperCase());
      if (match[1]) {
        pending ??= { all: false, ids: new Set() };
        if (ids.length === 0) pending.all = true;
        for (const id of ids) pending.ids.add(id);
      } else if (ids.length === 0) {
        fileWideAll = true;
      } else {
        for (const id of ids) fileWide.add(id);
      }
      continue;
    }
    if (pending && (insideValue(line) || !/^\s*(#.*)?$/.test(content))) {
      byLine.set(line, pending);
      pending = undefined;
    }
  }
  return {
    isSuppressed(code, line) {
      if (fileWideAll || fileWide.has(code)) return true;
      const entry = byLine.get(line);
      return entry !== undefined && (entry.all || entry.ids.has(code));
    },
  };
}

/** Whether a line (after the first line of a span) lies inside one of the spans. */
function lineTester(text: string, spans: readonly Span[]): (line: number) => boolean {
  if (spans.length === 0) return () => false;
  const inside = new Set<number>();
  let line = 0;
  let offset = 0;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  for (const span of sorted) {
    while (offset < span.start) {
      const next = text.indexOf('\n', offset);
      if (next < 0 || next >= span.start) break;
      offset = next + 1;
      line++;
    }
    let cursor = text.indexOf('\n', span.start);
    let spanLine = line;
    while (cursor >= 0 && cursor < span.end) {
      inside.add(++spanLine);
      cursor = text.indexOf('\n', cursor + 1);
    }
  }
  return (l) => inside.has(l);
}
