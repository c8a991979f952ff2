import { classifyPath, normalizePath } from './domain';
import type { Definition, HostNode, SharedDisk, StorageLocation, VirtualMachine } from './model';
import type { Span } from './problem';
import type { Field } from './yamlAccess';

/** The kinds of named things that other places in a definition refer to by name. */
export type SymbolKind = 'virtualMachine' | 'sharedDisk' | 'hostNode' | 'volume' | 'share';

export type SymbolTarget = VirtualMachine | SharedDisk | HostNode | StorageLocation;

/** Where a named thing is declared: its `name` field and the mapping it names. */
export interface SymbolDeclaration {
  readonly kind: SymbolKind;
  readonly name: Field<string>;
  readonly target: SymbolTarget;
}

/**
 * A place that names a declared thing: a guest node, a disk attachment, the witness disk, a
 * preferred host, or the volume or share segment of a disk path. `span` covers exactly the name
 * in the text (inside any quotes), so that a rename replaces the name and nothing else.
 */
export interface SymbolReference {
  readonly kind: SymbolKind;
  readonly name: string;
  readonly span: Span;
}

export interface SymbolAt {
  readonly kind: SymbolKind;
  /** The name as written at the cursor. */
  readonly name: string;
  readonly span: Span;
  readonly declaration?: SymbolDeclaration;
  readonly isDeclaration: boolean;
}

/**
 * Every declaration and reference of a definition, indexed by kind and lower-cased name (names
 * compare case-insensitively, as Windows does), built in one pass over the model.
 */
export class SymbolTable {
  readonly declarations: SymbolDeclaration[] = [];
  readonly references: SymbolReference[] = [];
  private readonly declarationIndex = new Map<string, SymbolDeclaration[]>();
  private readonly referenceIndex = new Map<string, SymbolReference[]>();

  constructor(
    readonly model: Definition,
    private readonly text: string,
  ) {
    const host = model.hostCluster;
    for (const node of host?.nodes ?? []) this.declare('hostNode', node);
    for (const volume of host?.storage?.volumes ?? []) this.declare('volume', volume);
    for (const share of host?.storage?.sofs?.shares ?? []) this.declare('share', share);
    for (const disk of model.sharedDisks) this.declare('sharedDisk', disk);
    for (const vm of model.virtualMachines) this.declare('virtualMachine', vm);
    for (const node of model.guestCluster?.nodes ?? []) this.refer('virtualMachine', node);
    const witness = model.guestCluster?.quorum?.disk;
    if (witness) this.refer('sharedDisk', witness);
    for (const vm of model.virtualMachines) {
      if (vm.preferredHost) this.refer('hostNode', vm.preferredHost);
      for (const attachment of vm.attachments) if (attachment.disk) this.refer('sharedDisk', attachment.disk);
      if (vm.osDisk?.path) this.referLocation(vm.osDisk.path);
    }
    for (const disk of model.sharedDisks) if (disk.path) this.referLocation(disk.path);
  }

  declarationsOf(kind: SymbolKind, name: string): readonly SymbolDeclaration[] {
    return this.declarationIndex.get(key(kind, name)) ?? [];
  }

  referencesTo(kind: SymbolKind, name: string): readonly SymbolReference[] {
    return this.referenceIndex.get(key(kind, name)) ?? [];
  }

  /** All declarations of one kind, in document order. */
  ofKind(kind: SymbolKind): SymbolDeclaration[] {
    return this.declarations.filter((declaration) => declaration.kind === kind);
  }

  /** The declaration or reference whose name contains the offset (its end included, as for a cursor). */
  at(offset: number): SymbolAt | undefined {
    for (const declaration of this.declarations) {
      const span = innerSpan(this.text, declaration.name.span);
      if (offset >= span.start && offset <= span.end) {
        const { kind, name } = declaration;
        return { kind, name: name.value, span, declaration, isDeclaration: true };
      }
    }
    for (const reference of this.references) {
      if (offset >= reference.span.start && offset <= reference.span.end) {
        const declaration = this.declarationsOf(reference.kind, reference.name)[0];
        return { ...reference, isDeclaration: false, ...(declaration ? { declaration } : {}) };
      }
    }
    return undefined;
  }

  private declare(kind: SymbolKind, target: SymbolTarget): void {
    if (!target.name) return;
    const declaration = { kind, name: target.name, target };
    this.declarations.push(declaration);
    push(this.declarationIndex, key(kind, target.name.value), declaration);
  }

  private refer(kind: SymbolKind, field: Field<string>): void {
    const reference = { kind, name: field.value, span: innerSpan(this.text, field.span) };
    this.references.push(reference);
    push(this.referenceIndex, key(kind, field.value), reference);
  }

  /** A disk path names its CSV volume or SOFS share in one path segment; that segment is the reference. */
  private referLocation(path: Field<string>): void {
    const place = classifyPath(path.value);
    const segment = place.kind === 'csv' ? place.volume : place.kind === 'unc' ? place.share : undefined;
    if (segment === undefined) return;
    const kind: SymbolKind = place.kind === 'csv' ? 'volume' : 'share';
    const declaration = (place.kind === 'csv' ? this.ofKind('volume') : this.ofKind('share')).find(
      (candidate) => {
        const location = candidate.target as StorageLocation;
        return (
          location.path !== undefined &&
          normalizePath(path.value).startsWith(`${normalizePath(location.path.value)}\\`)
        );
      },
    );
    const span = segmentSpan(this.text, path, segment, place.kind === 'csv' ? csvVolumePart : uncSharePart);
    if (!span) return;
    const name = declaration?.name.value ?? segment;
    const reference = { kind, name, span };
    this.references.push(reference);
    push(this.referenceIndex, key(kind, name), reference);
  }
}

function key(kind: SymbolKind, name: string): string {
  return `${kind}:${name.toLowerCase()}`;
}

function push<T>(map: Map<string, T[]>, k: string, value: T): void {
  const list = map.get(k);
  if (list) list.push(value);
  else map.set(k, [value]);
}

/** The span of a scalar's text without its quotes. */
export function innerSpan(text: string, span: Span): Span {
  const first = text[span.start];
  if ((first === "'" || first === '"') && span.end - span.start >= 2 && text[span.end - 1] === first) {
    return { start: span.start + 1, end: span.end - 1 };
  }
  return span;
}

/** Which `\`-separated part of a path names its location: `C:\ClusterStorage\<volume>`, `\\server\<share>`. */
const csvVolumePart = 2;
const uncSharePart = 3;

/**
 * Where a path's volume or share segment stands in the text. Only plain and single-quoted
 * scalars without escapes map character for character onto their value; for others the
 * segment has no reliable place and is not a reference. The segment is found at its place in
 * the path, not by its name: a share may be named like its server (`\\FS\FS\…`), a volume
 * like the `ClusterStorage` folder above it.
 */
function segmentSpan(text: string, path: Field<string>, segment: string, part: number): Span | undefined {
  const inner = innerSpan(text, path.span);
  if (text.slice(inner.start, inner.end) !== path.value) return undefined;
  const index = findSegment(path.value.replace(/\//g, '\\'), segment, part);
  return index < 0 ? undefined : { start: inner.start + index, end: inner.start + index + segment.length };
}

/** The offset of the `part`-th segment of a `\`-separated path, when it is `segment`; else -1. */
function findSegment(path: string, segment: string, part: number): number {
  const parts = path.split('\\');
  if (parts[part] !== segment) return -1;
  return parts.slice(0, part).reduce((offset, before) => offset + before.length + 1, 0);
}
