import { Document, isDocument, parseDocument, type YAMLError } from 'yaml';
import { findExcessiveNesting, limits } from './limits';
import type { Problem } from './problem';
import { parseInUnits } from './unitParse';
import { parseOptions } from './yamlUnits';

/**
 * A parsed `.gcluster.yaml` text. Hosts cache it by document version, so it keeps only the YAML
 * tree: the plain-data copy that schema validation needs is built and dropped during validation.
 */
export interface ParsedDefinition {
  readonly text: string;
  /** The YAML document, or undefined when the text was refused before parsing. */
  readonly yaml: Document | undefined;
  /** Problems found while reading the text: syntax, size, nesting, aliases. */
  readonly problems: readonly Problem[];
  /** True when the text was refused whole (too large, too deep, alias bomb). */
  readonly refused: boolean;
}

export interface ParseOptions {
  /** Texts longer than this many characters are refused. */
  readonly maxFileSize: number;
}

export const defaultParseOptions: ParseOptions = { maxFileSize: 5 * 1024 * 1024 };

/** Above this many characters a text is parsed one unit at a time (see unitParse.ts). */
const unitParseThreshold = 64 * 1024;

/** Turns text into a YAML document with exact ranges, never throwing on any input. */
export function parseDefinition(text: string, options: ParseOptions = defaultParseOptions): ParsedDefinition {
  if (text.length > options.maxFileSize) {
    const size = (text.length / (1024 * 1024)).toFixed(1);
    const max = (options.maxFileSize / (1024 * 1024)).toFixed(1);
    return refuse(text, {
      code: 'YAML003',
      message: `This file is ${size} MB; definitions over ${max} MB are not validated (setting gcluster.maxFileSizeMB). A guest cluster definition is a few kilobytes: is this the right file?`,
      span: { start: 0, end: Math.min(text.indexOf('\n') >>> 0, text.length) },
    });
  }
  const deep = findExcessiveNesting(text);
  if (deep) {
    return refuse(text, {
      code: 'YAML003',
      message: `Nesting deeper than ${limits.maxFlowDepth} levels or indented more than ${limits.maxIndent} columns; a guest cluster definition needs a handful. The file was not validated.`,
      span: deep,
    });
  }
  // Parsing in units only pays for large files, whose whole-text token tree would cost memory.
  const yaml =
    (text.length > unitParseThreshold ? parseInUnits(text) : undefined) ?? parseDocument(text, parseOptions);
  const problems: Problem[] = [];
  for (const error of yaml.errors) problems.push(syntaxProblem(error, text));
  for (const warning of yaml.warnings) problems.push(syntaxProblem(warning, text));
  return { text, yaml: isDocument(yaml) ? yaml : undefined, problems, refused: false };
}

function refuse(text: string, problem: Problem): ParsedDefinition {
  return { text, yaml: undefined, problems: [problem], refused: true };
}

const syntaxMessages: Partial<Record<YAMLError['code'], string>> = {
  MULTIPLE_DOCS:
    'A definition is one YAML document; this file has several (separated by `---`). Put each guest cluster in its own .gcluster.yaml file.',
  DUPLICATE_KEY: 'This key appears twice in the same mapping; keep one.',
  TAB_AS_INDENT: 'YAML does not allow tabs for indentation; indent with spaces.',
  RESOURCE_EXHAUSTION: 'The document nests too deeply to read.',
};

function syntaxProblem(error: YAMLError, text: string): Problem {
  const [start, end] = error.pos;
  const code = error.code === 'MULTIPLE_DOCS' ? 'YAML002' : 'YAML001';
  const message = syntaxMessages[error.code] ?? `YAML syntax: ${firstLine(error.message)}`;
  const safeStart = Math.max(0, Math.min(start, text.length));
  return { code, message, span: { start: safeStart, end: Math.max(safeStart, Math.min(end, text.length)) } };
}

function firstLine(message: string): string {
  const line = message.split('\n', 1)[0] ?? message;
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/**
 * The document as plain data for schema validation. Aliases are expanded here, within a budget:
 * a "billion laughs" document is refused instead of expanded.
 */
export function toData(yaml: Document): { data: unknown } | { problem: Problem } {
  try {
    return { data: yaml.toJS({ maxAliasCount: limits.maxAliasCount }) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/alias/i.test(message)) {
      return {
        problem: {
          code: 'YAML003',
          message: `Aliases expand to more than ${limits.maxAliasCount} nodes (a "billion laughs" pattern). The file was not validated.`,
          span: { start: 0, end: 0 },
        },
      };
    }
    return {
      problem: {
        code: 'YAML001',
        message: `The YAML cannot be read: ${message}`,
        span: { start: 0, end: 0 },
      },
    };
  }
}
