import { promises as fs } from 'node:fs';
import * as path from 'node:path';

const definitionSuffix = '.gcluster.yaml';
const skippedFolders = new Set(['node_modules', '.git', '.hg', '.svn']);

export class UsageError extends Error {}

/**
 * Expands the command line's operands into definition files: a file is taken as named, a folder
 * is searched for `*.gcluster.yaml`, and a glob (`*`, `**`, `?`) is matched below its fixed prefix.
 * Symbolic links to folders are not followed, so a link loop cannot hang the search.
 */
export async function findDefinitionFiles(operands: readonly string[], cwd: string): Promise<string[]> {
  const found = new Set<string>();
  for (const operand of operands) {
    const absolute = path.resolve(cwd, operand);
    const stat = await fs.stat(absolute).catch(() => undefined);
    if (stat?.isFile()) {
      found.add(absolute);
    } else if (stat?.isDirectory()) {
      for (const file of await walk(absolute))
        if (file.toLowerCase().endsWith(definitionSuffix)) found.add(file);
    } else if (/[*?[]/.test(operand)) {
      const { base, pattern } = splitGlob(operand);
      const root = path.resolve(cwd, base);
      const matcher = globToRegExp(pattern);
      const matches = (await walk(root)).filter((file) => matcher.test(toSlashes(path.relative(root, file))));
      if (matches.length === 0) throw new UsageError(`No file matches ${operand}`);
      for (const file of matches) found.add(file);
    } else {
      throw new UsageError(`No such file or folder: ${operand}`);
    }
  }
  return [...found].sort();
}

async function walk(folder: string): Promise<string[]> {
  const files: string[] = [];
  const pending = [folder];
  while (pending.length > 0) {
    const current = pending.pop()!;
    const entries = await fs.readdir(current, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory() && !skippedFolders.has(entry.name)) pending.push(full);
      else if (entry.isFile()) files.push(full);
    }
  }
  return files;
}

function splitGlob(glob: string): { base: string; pattern: string } {
  const parts = toSlashes(glob).split('/');
  const firstGlob = parts.findIndex((part) => /[*?[]/.test(part));
  const base = parts.slice(0, firstGlob).join('/') || '.';
  return { base, pattern: parts.slice(firstGlob).join('/') };
}

/** `**` spans folders, `*` and `?` stay within one name, `[abc]` is a character class. */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (ch === '*') {
      source += '[^/]*';
    } else if (ch === '?') {
      source += '[^/]';
    } else if (ch === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) {
        source += '\\[';
      } else {
        source += `[${pattern.slice(i + 1, close).replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else {
      source += /[.+^${}()|\\]/.test(ch) ? `\\${ch}` : ch;
    }
  }
  return new RegExp(`^${source}$`);
}

export function toSlashes(value: string): string {
  return value.split(path.sep).join('/');
}
