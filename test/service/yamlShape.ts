import { isNode, visit, type Document } from 'yaml';

/**
 * Every node's kind and range, in document order, with the document's own range: two trees
 * that agree here (and in their data) agree everywhere the service looks.
 */
export function shape(document: Document): string[] {
  const out: string[] = [`Document:${document.range?.join(',')}`];
  visit(document, (_key, node) => {
    if (isNode(node)) out.push(`${node.constructor.name}:${node.range?.join(',') ?? '-'}`);
  });
  return out;
}
