import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { isScalar, parseDocument } from 'yaml';
import type { Analysis } from './analysis';
import { quote } from './domain';
import type { StorageLocation, VirtualMachine } from './model';
import type { Span } from './problem';
import { innerSpan, type SymbolDeclaration, type SymbolKind, type SymbolReference } from './symbolTable';
import type { Field } from './yamlAccess';

/** Where the cursor is asks to rename nothing, or something that cannot be renamed from there. */
type Refusal = { readonly error: string };

/** One place a rename rewrites: a whole scalar's content, or one segment inside a path. */
interface RenameTarget {
  readonly span: Span;
  readonly inPath: boolean;
}

interface RenamePlan {
  readonly declaration: SymbolDeclaration;
  /** The name as written at the cursor: the range the editor offers to retype. */
  readonly cursorSpan: Span;
  readonly targets: readonly RenameTarget[];
}

const nouns: Record<SymbolKind, string> = {
  virtualMachine: 'VM',
  sharedDisk: 'shared disk',
  hostNode: 'host node',
  volume: 'CSV volume',
  share: 'SOFS share',
};

/**
 * The range of the name that a rename at `position` would change, or undefined when there is no
 * declared host node, CSV volume, SOFS share, shared disk or VM to rename there.
 */
export function prepareRename(
  document: TextDocument,
  analysis: Analysis,
  position: Position,
): Range | undefined {
  const plan = planAt(analysis, document.offsetAt(position));
  return 'error' in plan ? undefined : rangeOf(document, plan.cursorSpan);
}

/**
 * Renames the symbol at `position`: its declaration and every place that refers to it, including
 * the folder of a CSV volume or SOFS share in its own path and in every disk path on it. Refuses,
 * with a message for the user, a name that the thing cannot have or that another thing of the
 * same kind already has.
 */
export function doRename(
  document: TextDocument,
  analysis: Analysis,
  position: Position,
  newName: string,
): { edit: WorkspaceEdit } | Refusal {
  const plan = planAt(analysis, document.offsetAt(position));
  if ('error' in plan) return plan;
  const problem = nameProblem(analysis, plan.declaration, newName);
  if (problem) return { error: problem };
  const text = analysis.parsed.text;
  const edits: TextEdit[] = plan.targets.map((target) => ({
    range: rangeOf(document, target.span),
    newText: target.inPath ? newName : scalarText(text, target.span, newName),
  }));
  return { edit: { changes: { [document.uri]: edits } } };
}

function planAt(analysis: Analysis, offset: number): RenamePlan | Refusal {
  const symbol = analysis.symbols.at(offset);
  if (!symbol) {
    return {
      error:
        'Only the name of a host node, CSV volume, SOFS share, shared disk or VM, or a place that refers to one, can be renamed.',
    };
  }
  const declaration = symbol.declaration;
  if (!declaration) {
    return {
      error: `No ${nouns[symbol.kind]} named ${quote(symbol.name)} is declared in this file, so there is nothing to rename.`,
    };
  }
  const targets = renameTargets(analysis, declaration);
  // A disk path can reach a volume whose folder is not named after it: renaming the volume leaves
  // that path alone, so offering to retype the folder from there would mislead.
  if (!targets.some((target) => target.span.start === symbol.span.start)) {
    return {
      error: `This path reaches the ${nouns[symbol.kind]} ${quote(declaration.name.value)} through a folder of another name; rename the ${nouns[symbol.kind]} at its name.`,
    };
  }
  return { declaration, cursorSpan: symbol.span, targets };
}

/** The declaration's name and every reference to it, in document order. */
function renameTargets(analysis: Analysis, declaration: SymbolDeclaration): RenameTarget[] {
  const text = analysis.parsed.text;
  const references = analysis.symbols.referencesTo(declaration.kind, declaration.name.value);
  const targets: RenameTarget[] = [{ span: innerSpan(text, declaration.name.span), inPath: false }];
  if (declaration.kind === 'volume' || declaration.kind === 'share') {
    targets.push(...locationTargets(text, declaration, references));
  } else {
    for (const reference of references) targets.push({ span: reference.span, inPath: false });
  }
  return targets.sort((a, b) => a.span.start - b.span.start);
}

/**
 * A volume or share is found by its path, not its name: disk paths follow a rename only when the
 * location's own path ends in a folder of the old name, renamed with it (or when it has no path
 * yet); otherwise only the name changes, and every disk stays where it is.
 */
function locationTargets(
  text: string,
  declaration: SymbolDeclaration,
  references: readonly SymbolReference[],
): RenameTarget[] {
  const oldName = declaration.name.value.toLowerCase();
  const path = (declaration.target as StorageLocation).path;
  const own = path && ownFolderSpan(text, path, declaration.kind === 'volume');
  if (path && (!own || text.slice(own.start, own.end).toLowerCase() !== oldName)) return [];
  const targets: RenameTarget[] = own ? [{ span: own, inPath: true }] : [];
  for (const { span } of references) {
    // Filed under this name by its path, a segment may still be spelled otherwise; leave it be.
    if (text.slice(span.start, span.end).toLowerCase() === oldName) targets.push({ span, inPath: true });
  }
  return targets;
}

/**
 * The folder that names a location at the end of its own path (`C:\ClusterStorage\<volume>`,
 * `\\server\<share>`). Only a path written character for character as its value (no escapes)
 * gives offsets that can be edited, as in the symbol table.
 */
function ownFolderSpan(text: string, path: Field<string>, isVolume: boolean): Span | undefined {
  const inner = innerSpan(text, path.span);
  const written = text.slice(inner.start, inner.end);
  if (written !== path.value) return undefined;
  const shape = isVolume
    ? /^(\s*[A-Za-z]:[\\/]ClusterStorage[\\/])([^\\/]*[^\\/\s])[\\/]?\s*$/i
    : /^(\s*[\\/]{2}[^\\/]+[\\/])([^\\/]*[^\\/\s])[\\/]?\s*$/;
  const match = shape.exec(written);
  if (!match) return undefined;
  const start = inner.start + match[1]!.length;
  return { start, end: start + match[2]!.length };
}

// ——— What a name may be ———

const netbiosMaxLength = 15;
// eslint-disable-next-line no-control-regex -- control characters are exactly what a VM name cannot hold
const vmForbidden = /[\\/:*?"<>|\u0000-\u001f\u007f]/u;
const storageNameCharacter = /[A-Za-z0-9_.-]/;

/** Why `newName` cannot be the declaration's new name, or undefined when it can. */
function nameProblem(
  analysis: Analysis,
  declaration: SymbolDeclaration,
  newName: string,
): string | undefined {
  if (newName.trim() === '') return 'A name cannot be empty.';
  return shapeProblem(declaration, newName) ?? clashProblem(analysis, declaration, newName);
}

function shapeProblem(declaration: SymbolDeclaration, newName: string): string | undefined {
  switch (declaration.kind) {
    case 'hostNode':
      return netbiosProblem(newName, 'a host node name is a NetBIOS computer name');
    case 'virtualMachine':
      // Without computerName the VM name becomes the guest's computer name, with all its limits.
      return (declaration.target as VirtualMachine).computerName
        ? vmNameProblem(newName)
        : netbiosProblem(newName, "without a computerName, a VM's name is its NetBIOS computer name");
    default:
      return storageNameProblem(newName, nouns[declaration.kind]);
  }
}

function netbiosProblem(name: string, reason: string): string | undefined {
  const length = [...name].length;
  if (length > netbiosMaxLength)
    return `${quote(name)} is ${length} characters long; ${reason}, of at most ${netbiosMaxLength} characters.`;
  const bad = [...name].find((ch) => !/[A-Za-z0-9-]/.test(ch));
  if (bad !== undefined)
    return `${quote(name)} contains ${quote(bad)}; ${reason}, made of letters, digits and hyphens only.`;
  if (/^[0-9]+$/.test(name)) return `${quote(name)} is all digits; ${reason}, which cannot be all digits.`;
  if (name.startsWith('-') || name.endsWith('-')) {
    const where = name.startsWith('-') ? 'starts' : 'ends';
    return `${quote(name)} ${where} with a hyphen; ${reason}, which cannot start or end with a hyphen.`;
  }
  return undefined;
}

function vmNameProblem(name: string): string | undefined {
  const bad = vmForbidden.exec(name);
  return bad
    ? `${quote(name)} contains ${quote(bad[0])}; a VM name cannot contain \\ / : * ? " < > | or control characters.`
    : undefined;
}

function storageNameProblem(name: string, noun: string): string | undefined {
  const bad = [...name].find((ch) => !storageNameCharacter.test(ch));
  return bad === undefined
    ? undefined
    : `${quote(name)} contains ${quote(bad)}; a ${noun} name uses only letters, digits, '-', '_' and '.'.`;
}

function clashProblem(
  analysis: Analysis,
  declaration: SymbolDeclaration,
  newName: string,
): string | undefined {
  const other = analysis.symbols
    .declarationsOf(declaration.kind, newName)
    .find((candidate) => candidate !== declaration);
  if (!other) return undefined;
  const noun = nouns[declaration.kind];
  return `Another ${noun} is already named ${quote(other.name.value)}; ${noun} names are unique (case does not count).`;
}

// ——— Writing the new name ———

/**
 * The new name as the scalar at `span` (inside any quotes) must spell it: escaped the way its
 * quotes require, and single-quoted when a plain scalar could not hold it (`123`, `true`, `a #b`).
 */
function scalarText(text: string, span: Span, name: string): string {
  const before = text[span.start - 1];
  const quoted = (before === "'" || before === '"') && text[span.end] === before;
  if (quoted && before === "'") return name.replace(/'/g, "''");
  if (quoted) return name.replace(/[\\"]/g, '\\$&');
  return isPlainSafe(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Whether `name` reads back as this very string when written plain, in a block or a flow collection. */
function isPlainSafe(name: string): boolean {
  if (!/^[A-Za-z0-9_.](?:[A-Za-z0-9_. -]*[A-Za-z0-9_.-])?$/.test(name)) return false;
  const read = parseDocument(name);
  return read.errors.length === 0 && isScalar(read.contents) && read.contents.value === name;
}

function rangeOf(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}
