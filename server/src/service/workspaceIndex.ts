import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import type { ParsedDefinition } from './parser';
import { normalizePath, quote } from './domain';
import type { Span } from './problem';
import type { RuleInfo } from './ruleCatalog';
import { findSuppressions, type Suppressions } from './suppressions';
import { FieldReader, mapView, type Field } from './yamlAccess';

/** The facts of one definition that other definitions in the workspace must not repeat. */
export interface DefinitionFacts {
  readonly facts: readonly Fact[];
  /** The file's suppression comments, so that a closed file's cross-file warnings honour them too. */
  readonly suppressions: Suppressions;
}

type FactKind = 'diskPath' | 'vmName' | 'clusterName';

interface Fact {
  readonly kind: FactKind;
  /** Compared case-insensitively (Windows names and paths). */
  readonly key: string;
  readonly value: string;
  readonly span: Span;
  readonly range: Range;
}

/** A cross-file problem, with the places in the other files as related information. */
export interface CrossFileProblem {
  readonly code: string;
  readonly message: string;
  readonly span: Span;
  readonly related: readonly { readonly uri: string; readonly range: Range; readonly message: string }[];
}

/** The codes of the cross-file checks; documented like the rules. */
export const workspaceRules: readonly RuleInfo[] = [
  { id: 'WKS001', title: 'Two definitions do not use the same shared disk file', defaultSeverity: 'warning' },
  {
    id: 'WKS002',
    title: 'Two definitions do not use the same VM or computer name',
    defaultSeverity: 'warning',
  },
  {
    id: 'WKS003',
    title: 'Two definitions do not use the same guest cluster name',
    defaultSeverity: 'warning',
  },
];

const codes: Record<FactKind, string> = { diskPath: 'WKS001', vmName: 'WKS002', clusterName: 'WKS003' };

/**
 * Extracts what must be unique across the workspace: shared disk files (two guest clusters on
 * one file would corrupt it), VM and guest computer names (one host cluster, one Active
 * Directory), and guest cluster names (AD computer objects). Host cluster names are not among
 * them: several guest clusters on one host cluster is the normal case.
 */
export function extractFacts(document: TextDocument, parsed: ParsedDefinition): DefinitionFacts {
  const facts: Fact[] = [];
  const add = (kind: FactKind, field: Field<string> | undefined, key = field?.value.toLowerCase()) => {
    if (!field || !key) return;
    facts.push({
      kind,
      key,
      value: field.value,
      span: field.span,
      range: { start: document.positionAt(field.span.start), end: document.positionAt(field.span.end) },
    });
  };
  // Read straight from the tree: the few fields needed here do not warrant the whole model,
  // and indexing a large workspace reads thousands of closed files.
  const yaml = parsed.yaml;
  const root = yaml && !parsed.refused ? mapView(yaml, yaml.contents, { start: 0, end: 0 }) : undefined;
  if (yaml && root) {
    const read = new FieldReader(yaml);
    const items = (key: string) =>
      (read.seq(root, key)?.items ?? []).flatMap((item) => mapView(yaml, item.node, item.span) ?? []);
    for (const disk of items('sharedDisks')) {
      const path = read.string(disk, 'path');
      add('diskPath', path, path && normalizePath(path.value));
    }
    for (const vm of items('virtualMachines')) {
      const name = read.string(vm, 'name');
      const computerName = read.string(vm, 'computerName');
      add('vmName', name);
      if (computerName && computerName.value.toLowerCase() !== name?.value.toLowerCase())
        add('vmName', computerName);
    }
    const guest = read.map(root, 'guestCluster');
    add('clusterName', guest && read.string(guest, 'name'));
  }
  return { facts, suppressions: findSuppressions(parsed.text) };
}

/**
 * Every definition's facts, with an inverted index from each fact to the files that state it,
 * so that an edit in one file touches only that file and the files that share a fact with it —
 * never the whole workspace.
 */
export class WorkspaceIndex {
  private readonly byUri = new Map<string, DefinitionFacts>();
  private readonly byFact = new Map<string, Set<string>>();

  get size(): number {
    return this.byUri.size;
  }

  uris(): IterableIterator<string> {
    return this.byUri.keys();
  }

  /**
   * Records a file's facts; returns the other files whose cross-file problems may have changed.
   * Facts that did not change (same keys at the same places) change nothing for anyone else:
   * this is what stops two open files that share a name from revalidating each other forever.
   */
  update(uri: string, next: DefinitionFacts | undefined): Set<string> {
    const affected = new Set<string>();
    const previous = this.byUri.get(uri);
    if (previous && next && sameFacts(previous, next)) {
      this.byUri.set(uri, next);
      return affected;
    }
    for (const fact of previous?.facts ?? []) {
      const key = indexKey(fact);
      const files = this.byFact.get(key);
      if (!files) continue;
      files.delete(uri);
      for (const other of files) affected.add(other);
      if (files.size === 0) this.byFact.delete(key);
    }
    if (next) {
      this.byUri.set(uri, next);
      for (const fact of next.facts) {
        const key = indexKey(fact);
        let files = this.byFact.get(key);
        if (!files) this.byFact.set(key, (files = new Set()));
        for (const other of files) if (other !== uri) affected.add(other);
        files.add(uri);
      }
    } else {
      this.byUri.delete(uri);
    }
    affected.delete(uri);
    return affected;
  }

  /** The range of a fact of `uri` that starts at `span`, as recorded when the file was indexed. */
  rangeOf(uri: string, span: Span): Range | undefined {
    return this.byUri.get(uri)?.facts.find((fact) => fact.span.start === span.start)?.range;
  }

  suppressionsOf(uri: string): Suppressions | undefined {
    return this.byUri.get(uri)?.suppressions;
  }

  /** The problems of one file against all the others. */
  problemsOf(uri: string): CrossFileProblem[] {
    const own = this.byUri.get(uri);
    if (!own) return [];
    const problems: CrossFileProblem[] = [];
    for (const fact of own.facts) {
      const others = [...(this.byFact.get(indexKey(fact)) ?? [])].filter((other) => other !== uri).sort();
      if (others.length === 0) continue;
      const related = others
        .slice(0, 10)
        .flatMap((other) =>
          (this.byUri.get(other)?.facts ?? [])
            .filter((candidate) => candidate.kind === fact.kind && candidate.key === fact.key)
            .map((candidate) => ({ uri: other, range: candidate.range, message: `Also used here` })),
        );
      problems.push({
        code: codes[fact.kind],
        message: message(fact, others.length),
        span: fact.span,
        related,
      });
    }
    return problems;
  }
}

function sameFacts(a: DefinitionFacts, b: DefinitionFacts): boolean {
  if (a.facts.length !== b.facts.length) return false;
  return a.facts.every((fact, i) => {
    const other = b.facts[i]!;
    return (
      fact.kind === other.kind &&
      fact.key === other.key &&
      fact.value === other.value &&
      fact.range.start.line === other.range.start.line &&
      fact.range.start.character === other.range.start.character &&
      fact.range.end.line === other.range.end.line &&
      fact.range.end.character === other.range.end.character
    );
  });
}

function indexKey(fact: Fact): string {
  return `${fact.kind}:${fact.key}`;
}

function message(fact: Fact, count: number): string {
  const elsewhere = count === 1 ? 'another definition' : `${count} other definitions`;
  switch (fact.kind) {
    case 'diskPath':
      return `The shared disk file ${quote(fact.value)} is also used by ${elsewhere}: two guest clusters writing one disk corrupt it. Give each guest cluster its own disk files.`;
    case 'vmName':
      return `The name ${quote(fact.value)} is also used by ${elsewhere}: VMs on one host cluster and computers in one domain need unique names.`;
    case 'clusterName':
      return `The guest cluster name ${quote(fact.value)} is also used by ${elsewhere}: each cluster is its own Active Directory computer object.`;
  }
}
