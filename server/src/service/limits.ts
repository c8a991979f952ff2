import type { Span } from './problem';

/**
 * Bounds that keep a hostile or accidental input from costing unbounded time or memory.
 * A real definition is a few kilobytes, at most 64 VMs deep in two levels of nesting.
 */
export const limits = {
  /** Flow brackets open at once; a definition needs fewer than ten. */
  maxFlowDepth: 256,
  /** Indentation in columns; a definition needs fewer than twenty. */
  maxIndent: 512,
  /** Alias expansions while turning the document into data (the "billion laughs"). */
  maxAliasCount: 1000,
  /** Diagnostics reported for one file; the rest are counted in a final one. */
  maxProblems: 1000,
} as const;

/**
 * Finds the first place whose nesting passes the limits, in one linear pass and without
 * parsing, so that 10,000 levels of `[[[[` are refused before any recursive code sees them.
 */
export function findExcessiveNesting(text: string): Span | undefined {
  let depth = 0;
  let lineStart = true;
  let indent = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 /* \n */) {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      if (ch === 32 /* space */) {
        if (++indent > limits.maxIndent) return { start: i - indent + 1, end: i + 1 };
        continue;
      }
      lineStart = false;
    }
    if (quote !== undefined) {
      if (String.fromCharCode(ch) === quote) quote = undefined;
      continue;
    }
    if (ch === 35 /* # */) {
      const next = text.indexOf('\n', i);
      if (next < 0) break;
      i = next - 1;
    } else if (ch === 39 /* ' */ || ch === 34 /* " */) {
      quote = String.fromCharCode(ch);
    } else if (ch === 91 /* [ */ || ch === 123 /* { */) {
      if (++depth > limits.maxFlowDepth) return { start: i, end: i + 1 };
    } else if ((ch === 93 /* ] */ || ch === 125) /* } */ && depth > 0) {
      depth--;
    }
  }
  return undefined;
}
