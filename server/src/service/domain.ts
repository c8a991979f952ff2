/**
 * Facts of the domain that several rules share: Windows Server versions, disk formats,
 * where a path points, and how to show a user's value in a message.
 */

const windowsServerVersions: Readonly<Record<string, { rank: number; label: string }>> = {
  windowsServer2008R2: { rank: 2008.5, label: 'Windows Server 2008 R2' },
  windowsServer2012: { rank: 2012, label: 'Windows Server 2012' },
  windowsServer2012R2: { rank: 2012.5, label: 'Windows Server 2012 R2' },
  windowsServer2016: { rank: 2016, label: 'Windows Server 2016' },
  windowsServer2019: { rank: 2019, label: 'Windows Server 2019' },
  windowsServer2022: { rank: 2022, label: 'Windows Server 2022' },
  windowsServer2025: { rank: 2025, label: 'Windows Server 2025' },
};

/** Orders Windows Server versions (2012 R2 sorts between 2012 and 2016); undefined for unknown ones. */
export function versionRank(version: string | undefined): number | undefined {
  return version === undefined ? undefined : windowsServerVersions[version]?.rank;
}

export function versionLabel(version: string): string {
  return windowsServerVersions[version]?.label ?? version;
}

export const rank2012R2 = 2012.5;

export type DiskFormat = 'vhdx' | 'vhds' | 'vhd' | 'avhdx' | 'other';

/** The extension decides the format of a virtual hard disk, as it does for New-VHD. */
export function diskFormat(path: string): DiskFormat {
  const match = /\.(vhdx|vhds|vhd|avhdx)$/i.exec(path.trimEnd());
  return match ? (match[1]!.toLowerCase() as DiskFormat) : 'other';
}

/** Windows paths compare case-insensitively, whichever slash was typed. */
export function normalizePath(path: string): string {
  return path.trim().replace(/\//g, '\\').replace(/\\+$/, '').toLowerCase();
}

export type PathPlace =
  | { readonly kind: 'csv'; readonly volume: string }
  | { readonly kind: 'unc'; readonly server: string; readonly share: string }
  | { readonly kind: 'local' }
  | { readonly kind: 'relative' };

/** Where a disk path points: a CSV mount point, an SMB share, a local disk, or nowhere definite. */
export function classifyPath(path: string): PathPlace {
  const normalized = path.trim().replace(/\//g, '\\');
  const csv = /^[a-z]:\\clusterstorage\\([^\\]+)(\\|$)/i.exec(normalized);
  if (csv) return { kind: 'csv', volume: csv[1]! };
  const unc = /^\\\\([^\\]+)\\([^\\]+)/.exec(normalized);
  if (unc) return { kind: 'unc', server: unc[1]!, share: unc[2]! };
  if (/^[a-z]:\\/i.test(normalized)) return { kind: 'local' };
  return { kind: 'relative' };
}

/** True when `path` is `root` or below it. */
export function isUnder(path: string, root: string): boolean {
  const p = normalizePath(path);
  const r = normalizePath(root);
  return r.length > 0 && (p === r || p.startsWith(`${r}\\`));
}

/** Characters that could forge a line or reorder text if shown raw: controls and bidirectional overrides. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const unsafeCharacters = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

/**
 * Shows a value from the file inside a message: quoted, unsafe characters escaped, long values
 * cut, so that a hostile name can neither forge lines nor flood the Problems view.
 */
export function quote(value: string): string {
  const escaped = value.replace(
    unsafeCharacters,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  const cut = escaped.length > 64 ? `${escaped.slice(0, 64)}…` : escaped;
  return `'${cut}'`;
}

export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}
