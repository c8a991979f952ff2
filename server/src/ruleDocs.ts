import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ruleCatalog } from './service/ruleCatalog';

/**
 * Each rule's documentation page (`<folder>/<ID>.md`) by id, for hover and SARIF help. A page
 * that is missing (a development build without docs) is simply left out.
 */
export function readRuleDocs(folder: string): Map<string, string> {
  const docs = new Map<string, string>();
  for (const rule of ruleCatalog) {
    try {
      docs.set(rule.id, readFileSync(path.join(folder, `${rule.id}.md`), 'utf8'));
    } catch {
      // Optional: without its page a rule is shown by its title alone.
    }
  }
  return docs;
}
