import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const skipped = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out']);

/** Enough for any real workspace; a folder with more definitions is indexed up to this many. */
export const maxIndexedFiles = 20000;

/**
 * Every `*.gcluster.yaml` below the folders, without following symbolic links (so a link loop
 * cannot hang the scan) and skipping dependency and build folders.
 */
export async function findDefinitionFiles(folders: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  const pending = [...folders];
  while (pending.length > 0 && found.length < maxIndexedFiles) {
    const folder = pending.pop()!;
    const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory() && !skipped.has(entry.name)) pending.push(full);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.gcluster.yaml')) found.push(full);
    }
  }
  return found.slice(0, maxIndexedFiles).sort();
}

/**
 * One spelling per file for the workspace index: editors send `file:///c%3A/…`, the scan makes
 * `file:///C:/…`; both become the URL of the decoded path, drive letter lower-cased.
 */
export function canonicalUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return pathToFileURL(fileURLToPath(uri)).href.replace(
      /^file:\/\/\/([A-Z]):/,
      (_m, drive: string) => `file:///${drive.toLowerCase()}:`,
    );
  } catch {
    return uri;
  }
}
