import { isMap, type YAMLMap } from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  type CodeAction,
  type Diagnostic,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-types';
import type { Analysis } from './analysis';
import { classifyPath } from './domain';
import { firstStorageRoot, nextFreeName } from './entrySnippets';
import type { SchemaWalker } from './schemaWalker';
import { locate } from './schemaValidation';

/** What the quick fixes need besides the document: the schema, for placeholders of missing properties. */
export interface CodeActionSources {
  readonly walker: SchemaWalker;
}

type Fix = (diagnostic: Diagnostic) => CodeAction | undefined;

/**
 * Quick fixes for the diagnostics in a range: the rule's own fix where there is one (a `.vhdx`
 * path, a SCSI controller, persistent reservations, a second host node, a disk witness, a
 * missing property, a misspelt key), and for every rule a comment that disables it for the
 * line or the file. Each fix leaves a text in which that diagnostic is gone.
 */
export function getCodeActions(
  document: TextDocument,
  analysis: Analysis,
  diagnostics: readonly Diagnostic[],
  sources: CodeActionSources,
): CodeAction[] {
  const text = analysis.parsed.text;
  const uri = document.uri;
  const action = (
    title: string,
    diagnostic: Diagnostic,
    edits: TextEdit[],
    preferred = true,
  ): CodeAction => ({
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: preferred,
    edit: { changes: { [uri]: edits } },
  });
  const slice = (range: Range) => text.slice(document.offsetAt(range.start), document.offsetAt(range.end));
  const insertAt = (offset: number, newText: string): TextEdit => {
    const at = document.positionAt(offset);
    return { range: { start: at, end: at }, newText };
  };

  const fixes: Record<string, Fix> = {
    STOR001: (d) => {
      const value = slice(d.range);
      if (!/\.vhd(['"]?)$/i.test(value)) return undefined;
      return action('Use a .vhdx file (a .vhd cannot be shared)', d, [
        { range: d.range, newText: value.replace(/\.vhd(['"]?)$/i, '.vhdx$1') },
      ]);
    },
    ATT001: (d) => action('Attach on the SCSI controller', d, [{ range: d.range, newText: 'scsi' }]),
    ATT002: (d) => action('Attach with persistent reservations', d, [{ range: d.range, newText: 'true' }]),
    TOPO001: (d) => addHostNode(d),
    Q001: (d) => addDiskWitness(d),
    SCHEMA001: (d) => {
      const suggestion = (d.data as { suggestion?: string } | undefined)?.suggestion;
      return suggestion
        ? action(`Change to '${suggestion}'`, d, [{ range: d.range, newText: suggestion }])
        : undefined;
    },
    SCHEMA002: (d) => addMissingProperty(d),
  };

  const addHostNode: Fix = (d) => {
    const host = analysis.model.hostCluster;
    const last = host?.nodes[host.nodes.length - 1];
    if (!host || !last) return undefined;
    const names = host.nodes.flatMap((node) => (node.name ? [node.name.value] : []));
    const name = nextFreeName(names, 'HV');
    const lineStart = text.lastIndexOf('\n', last.span.start - 1) + 1;
    const prefix = text.slice(lineStart, last.span.start);
    if (!/^\s*-\s*$/.test(prefix)) return undefined; // nodes written as a flow list: no safe place for a line
    const end = lineEnd(text, contentEnd(text, last.span.end));
    return action(`Add a second host node (${name})`, d, [insertAt(end, `\n${prefix}name: ${name}`)]);
  };

  const addDiskWitness: Fix = (d) => {
    const model = analysis.model;
    const quorum = model.guestCluster?.quorum;
    if (!quorum?.witness) return undefined;
    const existing = model.sharedDisks.find(
      (disk) => disk.guestUse?.value === 'witness' || /witness|quorum/i.test(disk.name?.value ?? ''),
    );
    const edits: TextEdit[] = [];
    let name = existing?.name?.value;
    if (!name) {
      name =
        nextFreeName(
          model.sharedDisks.flatMap((disk) => (disk.name ? [disk.name.value] : [])),
          'Witness',
        ).replace(/01$/, '') || 'Witness';
      const lastDisk = model.sharedDisks[model.sharedDisks.length - 1];
      const root = witnessRoot(analysis);
      if (!lastDisk || !root) return undefined;
      const lineStart = text.lastIndexOf('\n', lastDisk.span.start - 1) + 1;
      const prefix = text.slice(lineStart, lastDisk.span.start);
      if (!/^\s*-\s*$/.test(prefix)) return undefined;
      edits.push(
        insertAt(
          lineEnd(text, contentEnd(text, lastDisk.span.end)),
          `\n${prefix}{ name: ${name}, path: '${root}\\Shared\\${name}.vhdx', sizeGB: 1, type: fixed, guestUse: witness }`,
        ),
      );
      for (const vm of guestNodes(analysis)) {
        const attach = attachEdit(
          vm.attachments.map((a) => a.span),
          name,
        );
        if (!attach) return undefined;
        edits.push(attach);
      }
    }
    const flow = text[quorum.span.start] === '{';
    const indent = ' '.repeat(column(text, quorum.witness.keySpan.start));
    edits.push({
      range: {
        start: document.positionAt(quorum.witness.span.start),
        end: document.positionAt(quorum.witness.span.end),
      },
      newText: flow ? `disk, disk: ${name}` : `disk\n${indent}disk: ${name}`,
    });
    return action(`Add a disk witness (${name})`, d, edits);
  };

  /** Attaches a disk by name at the end of a VM's sharedDisks, block or flow. */
  const attachEdit = (
    attachments: readonly { start: number; end: number }[],
    name: string,
  ): TextEdit | undefined => {
    const last = attachments[attachments.length - 1];
    if (!last) return undefined;
    const lineStart = text.lastIndexOf('\n', last.start - 1) + 1;
    const prefix = text.slice(lineStart, last.start);
    if (/^\s*-\s*$/.test(prefix))
      return insertAt(lineEnd(text, contentEnd(text, last.end)), `\n${prefix}${name}`);
    return insertAt(contentEnd(text, last.end), `, ${name}`);
  };

  const addMissingProperty: Fix = (d) => {
    const data = d.data as { property?: string; path?: string } | undefined;
    const yaml = analysis.parsed.yaml;
    if (!data?.property || data.path === undefined || !yaml) return undefined;
    const segments = data.path.split('/').slice(1);
    const located = locate(yaml, segments);
    if (!located || !isMap(located.node)) return undefined;
    const placeholder = placeholderFor(sources.walker, segments, data.property);
    const edit = propertyEdit(located.node, `${data.property}: ${placeholder}`);
    return edit ? action(`Add '${data.property}'`, d, [edit]) : undefined;
  };

  const propertyEdit = (map: YAMLMap, entry: string): TextEdit | undefined => {
    const range = map.range;
    if (!range) return undefined;
    if (map.flow) {
      const lastValue = map.items[map.items.length - 1]?.value as
        { range?: [number, number, number] } | null | undefined;
      if (lastValue?.range) return insertAt(contentEnd(text, lastValue.range[1]), `, ${entry}`);
      const close = text.lastIndexOf('}', range[1]);
      return close < 0 ? undefined : insertAt(close, `${entry} `);
    }
    const first = map.items[0]?.key as { range?: [number, number, number] } | undefined;
    if (!first?.range) return undefined;
    const indent = ' '.repeat(column(text, first.range[0]));
    return insertAt(lineEnd(text, contentEnd(text, range[1])), `\n${indent}${entry}`);
  };

  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'gcluster' || typeof diagnostic.code !== 'string') continue;
    const fix = fixes[diagnostic.code]?.(diagnostic);
    if (fix) actions.push(fix);
    actions.push(...disableActions(document, text, diagnostic));
  }
  return actions;
}

/** "Disable ID for this line" and "… for this file", as suppression comments. */
function disableActions(document: TextDocument, text: string, diagnostic: Diagnostic): CodeAction[] {
  const code = String(diagnostic.code);
  const line = diagnostic.range.start.line;
  const lineText = text.slice(
    document.offsetAt({ line, character: 0 }),
    document.offsetAt({ line: line + 1, character: 0 }),
  );
  const indent = /^\s*/.exec(lineText)![0].replace(/\n/g, '');
  const comment = (
    title: string,
    position: { line: number; character: number },
    newText: string,
  ): CodeAction => ({
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [document.uri]: [{ range: { start: position, end: position }, newText }] } },
  });
  return [
    comment(
      `Disable ${code} for this line`,
      { line, character: 0 },
      `${indent}# gcluster-disable-next-line ${code}\n`,
    ),
    comment(`Disable ${code} for this file`, { line: 0, character: 0 }, `# gcluster-disable ${code}\n`),
  ];
}

/** A value of the right type for a property that must be added, so that the file stays checkable. */
function placeholderFor(walker: SchemaWalker, segments: readonly string[], property: string): string {
  const path = segments.map((segment) => (/^\d+$/.test(segment) ? '*' : segment));
  const container = walker.atPath(path);
  const schema = container && walker.objectForm(container).properties?.[property];
  const resolved = schema && walker.resolve(schema);
  if (!resolved) return "''";
  if (resolved['default'] !== undefined) return JSON.stringify(resolved['default']);
  if (resolved.enum && resolved.enum.length > 0) return String(resolved.enum[0]);
  if (resolved.const !== undefined) return String(resolved.const);
  switch (resolved.type) {
    case 'integer':
    case 'number':
      return '1';
    case 'boolean':
      return 'false';
    case 'array':
      return '[]';
    case 'object':
      return '{}';
    default:
      return property === 'name' ? 'NEWNAME' : 'CHANGEME';
  }
}

function guestNodes(analysis: Analysis) {
  const names = new Set((analysis.model.guestCluster?.nodes ?? []).map((node) => node.value.toLowerCase()));
  return analysis.model.virtualMachines.filter((vm) => vm.name && names.has(vm.name.value.toLowerCase()));
}

/** Where a new witness disk goes: the first declared volume or share. */
function witnessRoot(analysis: Analysis): string | undefined {
  const path = firstStorageRoot(analysis.model);
  if (!path) return undefined;
  const place = classifyPath(`${path}\\x.vhdx`);
  return place.kind === 'csv' || place.kind === 'unc' ? path : undefined;
}

/** The end of a node's last character, before the line breaks and spaces its range may include. */
function contentEnd(text: string, end: number): number {
  let at = end;
  while (at > 0 && /\s/.test(text[at - 1]!)) at--;
  return at;
}

function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end;
}

function column(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}
