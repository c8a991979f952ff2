import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover, Position } from 'vscode-languageserver-types';
import type { Analysis } from './analysis';
import { findNodeAt } from './nodeAt';
import type { Problem, Span } from './problem';
import type { RuleInfo } from './ruleCatalog';
import { describeProperty, describeValue } from './schemaDocs';
import type { SchemaWalker } from './schemaWalker';
import { summarize } from './symbolSummary';

export interface HoverSources {
  readonly walker: SchemaWalker;
  /** The problems of this parse, for explaining a diagnostic under the cursor. */
  readonly problems: readonly Problem[];
  readonly findRule: (id: string) => RuleInfo | undefined;
  /** Each rule's documentation page (Markdown), when the host has read them. */
  readonly ruleDocs: ReadonlyMap<string, string>;
  /** What the failure analysis says at this offset (the vote arithmetic on `quorum`), if anything. */
  readonly analysisAt?: (offset: number) => { readonly text: string; readonly span: Span } | undefined;
}

/**
 * Hover: on a diagnostic, the rule's explanation; on a key, the schema's documentation (values,
 * default, source); on an enum value, what it means; on a reference, a summary of what it names.
 */
export function doHover(
  document: TextDocument,
  analysis: Analysis,
  position: Position,
  sources: HoverSources,
): Hover | null {
  const offset = document.offsetAt(position);
  const sections: string[] = [];
  let span: Span | undefined;

  for (const problem of sources.problems) {
    if (offset < problem.span.start || offset > problem.span.end) continue;
    sections.push(explainRule(problem.code, sources));
    span ??= problem.span;
  }

  const analyzed = sources.analysisAt?.(offset);
  if (analyzed) {
    sections.push(analyzed.text);
    span ??= analyzed.span;
  }

  const symbol = analysis.symbols.at(offset);
  if (symbol?.declaration && !symbol.isDeclaration) {
    sections.push(summarize(symbol.declaration, analysis.symbols));
    span = symbol.span;
  } else if (analysis.parsed.yaml) {
    const at = findNodeAt(analysis.parsed.yaml, offset);
    const container = at && sources.walker.atPath(at.path);
    if (at && container) {
      const property =
        at.key === '*'
          ? container.items && sources.walker.scalarForm(sources.walker.resolve(container.items))
          : sources.walker.objectForm(container).properties?.[at.key ?? ''];
      const schema = property && sources.walker.resolve(property);
      if (schema && at.isKey) {
        sections.push(describeProperty(at.key!, schema));
        span = at.span;
      } else if (schema && !at.isKey) {
        const meaning = describeValue(schema, at.value);
        if (meaning) {
          sections.push(meaning);
          span = at.span;
        }
      }
    }
    if (symbol?.declaration && symbol.isDeclaration && sections.length === 0) {
      sections.push(summarize(symbol.declaration, analysis.symbols));
      span = symbol.span;
    }
  }

  if (sections.length === 0) return null;
  return {
    contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') },
    ...(span
      ? { range: { start: document.positionAt(span.start), end: document.positionAt(span.end) } }
      : {}),
  };
}

/** A rule's explanation: its title, and the "What it checks" and "Why" of its documentation page. */
function explainRule(code: string, sources: HoverSources): string {
  const rule = sources.findRule(code);
  const heading = `**${code}** — ${rule?.title ?? 'gcluster diagnostic'}`;
  const doc = sources.ruleDocs.get(code);
  if (!doc) return heading;
  const section = (name: string) => {
    const match = new RegExp(`^## ${name}\\n+([\\s\\S]*?)(?=^## |$(?![\\s\\S]))`, 'm').exec(doc);
    return match ? match[1]!.trim() : '';
  };
  return [heading, section('Why')].filter((part) => part.length > 0).join('\n\n');
}
