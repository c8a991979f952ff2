/**
 * `# gcluster-disable-next-line ID [ID…]` silences those rules on the next line that holds
 * something other than a comment; `# gcluster-disable ID [ID…]` silences them in the whole file.
 * Without ids, every rule is silenced. Only comment-only lines count, so a `#` inside a value
 * never suppresses anything.
 */
export interface Suppressions {
  isSuppressed(code: string, line: number): boolean;
}

const none: Suppressions = { isSuppressed: () => false };
const directive = /^\s*#\s*gcluster-disable(-next-line)?(?=\s|$)(.*)$/;

export function findSuppressions(text: string): Suppressions {
  if (!text.includes('gcluster-disable')) return none;
  const lines = text.split(/\r?\n/);
  const fileWide = new Set<string>();
  let fileWideAll = false;
  const byLine = new Map<number, { all: boolean; ids: Set<string> }>();
  let pending: { all: boolean; ids: Set<string> } | undefined;
  for (let line = 0; line < lines.length; line++) {
    const content = lines[line]!;
    const match = directive.exec(content);
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
    if (pending && !/^\s*(#.*)?$/.test(content)) {
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
