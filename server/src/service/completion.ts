import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CompletionItemKind,
  InsertTextFormat,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import type { Analysis } from './analysis';
import { findCursorContext, type CursorContext } from './cursorContext';
import { escapeSnippet, newHostNode, newSharedDisk, newVirtualMachine } from './entrySnippets';
import { allowedValues, describeProperty } from './schemaDocs';
import { isTypeBranch, type SchemaNode, type SchemaWalker } from './schemaWalker';
import { summarize, diskDetail, vmDetail } from './symbolSummary';
import type { SymbolKind } from './symbolTable';
import type { SharedDisk, VirtualMachine } from './model';

/**
 * Completion at a position: keys valid there (required first, each with a value skeleton), the
 * values of enums and booleans, names that a reference can take, disk paths on the declared
 * storage, and whole new entries (a VM, a shared disk, a host node). Works on broken text: the
 * cursor's place comes from the lines, not from the YAML tree.
 */
export function doComplete(
  document: TextDocument,
  analysis: Analysis,
  position: Position,
  walker: SchemaWalker,
): CompletionList {
  const offset = document.offsetAt(position);
  const context = findCursorContext(analysis.parsed.text, offset);
  const range: Range = { start: document.positionAt(context.prefixStart), end: position };
  const items =
    context.position === 'value'
      ? valueItems(context, analysis, walker, range, offset)
      : keyItems(context, analysis, walker, range, offset);
  return { isIncomplete: false, items };
}

function keyItems(
  context: CursorContext,
  analysis: Analysis,
  walker: SchemaWalker,
  range: Range,
  offset: number,
): CompletionItem[] {
  const schema = walker.atPath(context.path);
  if (!schema) return [];
  const indent = ' '.repeat(context.indent);
  if (schema.items) {
    // At the column of a sequence's items, with no dash yet: whole entries, dash included.
    return entryItems([...context.path, '*'], analysis, range, indent, '- ');
  }
  const items: CompletionItem[] = [];
  if (context.newItem) {
    items.push(...entryItems(context.path, analysis, range, `${indent}`, ''));
    const scalar = walker.scalarForm(schema);
    const twoForms = isTypeBranch(schema);
    if (scalar.type === 'string' || twoForms) {
      // A sequence of names (guest nodes, attachments by name): the item is a value.
      items.push(...referenceItems(scalar, context, analysis, range, offset));
      if (!twoForms) return items;
    }
  }
  const object = walker.objectForm(schema);
  const required = new Set((object['required'] as string[] | undefined) ?? []);
  const properties = Object.entries(object.properties ?? {});
  properties.forEach(([key, property], index) => {
    if (context.siblings.has(key)) return;
    const resolved = walker.resolve(property);
    items.push({
      label: key,
      kind: CompletionItemKind.Property,
      detail: resolved.title ?? key,
      documentation: { kind: 'markdown', value: describeProperty(key, resolved) },
      sortText: `${required.has(key) ? '1' : '2'}${String(index).padStart(3, '0')}`,
      filterText: key,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range, newText: keySnippet(key, resolved, walker, context) },
    });
  });
  return items;
}

function valueItems(
  context: CursorContext,
  analysis: Analysis,
  walker: SchemaWalker,
  range: Range,
  offset: number,
): CompletionItem[] {
  const container = walker.atPath(context.path);
  if (!container) return [];
  const property =
    context.key === '*'
      ? container.items && walker.scalarForm(walker.resolve(container.items))
      : walker.objectForm(container).properties?.[context.key ?? ''];
  if (!property) return [];
  const schema = walker.resolve(property);
  const items: CompletionItem[] = allowedValues(schema).map((value, index) => ({
    label: value.label,
    kind: CompletionItemKind.EnumMember,
    ...(value.description ? { documentation: { kind: 'markdown' as const, value: value.description } } : {}),
    sortText: String(index).padStart(3, '0'),
    textEdit: { range, newText: value.label },
  }));
  items.push(...referenceItems(schema, context, analysis, range, offset));
  if (context.key === 'path' && (context.path.includes('sharedDisks') || context.path.includes('osDisk'))) {
    items.push(...pathItems(context, analysis, range));
  }
  return items;
}

/** Names a reference can take, without the ones already used where the cursor is. */
function referenceItems(
  schema: SchemaNode,
  context: CursorContext,
  analysis: Analysis,
  range: Range,
  offset: number,
): CompletionItem[] {
  const kind = schema['x-reference'] as SymbolKind | undefined;
  if (kind !== 'virtualMachine' && kind !== 'sharedDisk' && kind !== 'hostNode') return [];
  const { symbols, model } = analysis;
  // In a flow sequence the items before the cursor are used; in a flow mapping siblings are keys.
  const used = new Set(context.key === '*' ? [...context.siblings].map((name) => name.toLowerCase()) : []);
  const typed = context.prefix.toLowerCase();
  if (kind === 'virtualMachine' && context.path.join('/') === 'guestCluster/nodes') {
    for (const node of model.guestCluster?.nodes ?? []) used.add(node.value.toLowerCase());
  }
  if (kind === 'sharedDisk' && context.path.includes('virtualMachines')) {
    const vm = model.virtualMachines.find(
      (candidate) => offset >= candidate.span.start && offset <= candidate.span.end,
    );
    for (const attachment of vm?.attachments ?? [])
      if (attachment.disk) used.add(attachment.disk.value.toLowerCase());
  }
  used.delete(typed);
  return symbols
    .ofKind(kind)
    .filter((declaration) => !used.has(declaration.name.value.toLowerCase()))
    .map((declaration, index) => ({
      label: declaration.name.value,
      kind: CompletionItemKind.Reference,
      detail:
        kind === 'virtualMachine'
          ? vmDetail(declaration.target as VirtualMachine)
          : kind === 'sharedDisk'
            ? diskDetail(declaration.target as SharedDisk)
            : 'host node',
      documentation: { kind: 'markdown', value: summarize(declaration, symbols) },
      sortText: `0${String(index).padStart(4, '0')}`,
      textEdit: { range, newText: declaration.name.value },
    }));
}

/** The declared CSV volumes and SOFS shares as the start of a disk path. */
function pathItems(context: CursorContext, analysis: Analysis, range: Range): CompletionItem[] {
  const storage = analysis.model.hostCluster?.storage;
  const locations = [...(storage?.volumes ?? []), ...(storage?.sofs?.shares ?? [])];
  const quote = context.prefix.startsWith("'") ? "'" : context.prefix.startsWith('"') ? '"' : '';
  return locations.flatMap((location) => {
    if (!location.path) return [];
    const root = `${location.path.value.replace(/[\\/]+$/, '')}\\`;
    const text = quote === '"' ? root.replace(/\\/g, '\\\\') : root;
    return [
      {
        label: root,
        kind: CompletionItemKind.Folder,
        detail: location.capacityGB ? `${location.capacityGB.value} GB` : 'declared storage',
        filterText: `${quote}${root}`,
        textEdit: { range, newText: `${quote}${text}` },
      },
    ];
  });
}

/** Whole new entries for the sequence at `path` (which ends with `*`). */
function entryItems(
  path: readonly string[],
  analysis: Analysis,
  range: Range,
  indent: string,
  dash: string,
): CompletionItem[] {
  const where = path.join('/');
  const model = analysis.model;
  const inner = `${indent}${' '.repeat(dash.length)}`;
  const entry = (label: string, body: string, detail: string): CompletionItem => ({
    label,
    kind: CompletionItemKind.Snippet,
    detail,
    sortText: '0000',
    filterText: `${dash}${label}`,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: `${dash}${body}` },
  });
  if (where === 'virtualMachines/*') {
    return [
      entry(
        'New virtual machine',
        newVirtualMachine(model, inner),
        'A guest node like the others, with every shared disk attached',
      ),
    ];
  }
  if (where === 'sharedDisks/*')
    return [entry('New shared disk', newSharedDisk(model), 'A fixed .vhdx on the first volume')];
  if (where === 'hostCluster/nodes/*')
    return [entry('New host node', newHostNode(model), 'The next host name')];
  return [];
}

/** `key: value` with a placeholder shaped by the property's schema. */
function keySnippet(key: string, schema: SchemaNode, walker: SchemaWalker, context: CursorContext): string {
  const values = allowedValues(schema);
  if (values.length > 0) {
    const choices = values.map((v) => escapeSnippet(v.label).replace(/[,|]/g, (ch) => `\\${ch}`));
    return values.length === 1 ? `${key}: ${choices[0]}` : `${key}: \${1|${choices.join(',')}|}`;
  }
  const inner = ' '.repeat(context.indent + 2);
  if (schema.type === 'array') {
    const items = schema.items ? walker.resolve(schema.items) : undefined;
    const ofMappings = items?.type === 'object' || (items !== undefined && isTypeBranch(items));
    return ofMappings && !context.inFlow ? `${key}:\n${inner}- \${1}` : `${key}: [\${1}]`;
  }
  if (schema.type === 'object') {
    if (context.inFlow) return `${key}: { \${1} }`;
    const required = (schema['required'] as string[] | undefined) ?? [];
    if (required.length === 0) return `${key}:\n${inner}\${1}`;
    return `${key}:\n${required.map((name, i) => `${inner}${name}: \${${i + 1}}`).join('\n')}`;
  }
  const fallback = schema['default'];
  return fallback === undefined ? `${key}: \${1}` : `${key}: \${1:${escapeSnippet(String(fallback))}}`;
}
