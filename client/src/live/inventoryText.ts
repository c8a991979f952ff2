/** Small readings of what an inspection returns, shared by the Live Clusters rows, drift and export. */

/** Windows compares names and paths without case, whichever slash was typed. */
export function samePath(a: string, b: string): boolean {
  return a.replace(/\//g, '\\').toLowerCase() === b.replace(/\//g, '\\').toLowerCase();
}

/** The first line of a message, short enough for a row or a comment. */
export function firstLine(text: string): string {
  return text.split(/\r?\n/)[0]!.trim().slice(0, 120);
}

/** A size in bytes as gigabytes (GiB), to two decimals. */
export function gigabytes(bytes: number): number {
  return Math.round((bytes / 1024 ** 3) * 100) / 100;
}
