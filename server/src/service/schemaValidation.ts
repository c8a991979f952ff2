import type { ErrorObject, ValidateFunction } from 'ajv';
import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import { quote } from './domain';
import type { Problem, Span } from './problem';
import type { SchemaNode, SchemaWalker } from './schemaWalker';
import { deref, keySpanOf, spanOf } from './yamlAccess';

/** Where an instance path leads in the YAML tree: the value node and the pair that holds it. */
export interface Located {
  readonly node: unknown;
  readonly pair?: Pair;
  /** The span that introduces the value: its key, or for a list item its first key. */
  readonly introducer: Span;
}

/**
 * Runs the compiled schema and turns its errors into problems in the domain's words, each on
 * the smallest node that caused it: the key of an unknown or missing property, the value of a
 * wrong one. Constraints that a rule owns (`x-rule`) are left to that rule's clearer message.
 */
export function validateAgainstSchema(
  validate: ValidateFunction,
  walker: SchemaWalker,
  document: Document,
  data: unknown,
): Problem[] {
  if (validate(data)) return [];
  const errors = (validate.errors ?? []).filter((error) => !structuralNoise.has(error.keyword));
  const typeErrorPaths = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword !== 'type' && typeErrorPaths.has(error.instancePath)) continue;
    const problem = toProblem(error, walker, document, data);
    if (!problem) continue;
    const key = `${problem.code}:${problem.span.start}:${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

/** Keywords whose failure only says that a sub-schema failed; the sub-schema's own errors say why. */
const structuralNoise = new Set(['if', 'anyOf', 'oneOf', 'allOf', 'not', '$ref']);

function toProblem(
  error: ErrorObject,
  walker: SchemaWalker,
  document: Document,
  data: unknown,
): Problem | undefined {
  const segments = error.instancePath.split('/').slice(1).map(unescapePointer);
  const located = locate(document, segments);
  if (!located) return undefined;
  const schema = walker.at(segments, data);
  const value = valueAt(data, segments);
  switch (error.keyword) {
    case 'additionalProperties': {
      const property = String(error.params['additionalProperty']);
      const pair = findPair(document, located.node, property);
      const span = pair ? keySpanOf(pair, located.introducer) : located.introducer;
      const known = Object.keys(schema?.properties ?? {});
      const suggestion = closest(property, known);
      const where = ownerName(schema, value);
      return {
        code: 'SCHEMA001',
        message:
          `Unknown property ${quote(property)} in ${where}.` +
          (suggestion ? ` Did you mean ${quote(suggestion)}?` : ` Known properties: ${known.join(', ')}.`),
        span,
        data: suggestion ? { property, suggestion } : { property },
      };
    }
    case 'required': {
      const property = String(error.params['missingProperty']);
      const title = walker.at([...segments, property], data)?.title;
      return {
        code: 'SCHEMA002',
        message: `${capitalize(ownerName(schema, value))} is missing ${quote(property)}${title ? ` (${title})` : ''}.`,
        span: located.introducer,
        data: { property, path: error.instancePath },
      };
    }
    default:
      return valueProblem(error, schema, value, valueSpan(located));
  }
}

function valueProblem(
  error: ErrorObject,
  schema: SchemaNode | undefined,
  value: unknown,
  span: Span,
): Problem | undefined {
  const what = schema?.title ?? 'This value';
  const got = describe(value);
  switch (error.keyword) {
    case 'type':
      return {
        code: 'SCHEMA003',
        message: `${what} must be ${typeName(String(error.params['type']))}; got ${got}.`,
        span,
      };
    case 'enum':
    case 'const': {
      if (schema?.['x-rule']) return undefined; // the named rule explains this value better
      const allowed =
        error.keyword === 'const'
          ? [error.params['allowedValue']]
          : (schema?.enum ?? error.params['allowedValues'] ?? []);
      const list = (allowed as unknown[]).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
      return {
        code: 'SCHEMA004',
        message: `${what} must be ${list.length === 1 ? list[0] : `one of ${list.join(', ')}`}; got ${got}.`,
        span,
      };
    }
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const bound = {
        minimum: 'at least',
        exclusiveMinimum: 'more than',
        maximum: 'at most',
        exclusiveMaximum: 'less than',
      }[error.keyword];
      return {
        code: 'SCHEMA004',
        message: `${what} must be ${bound} ${String(error.params['limit'])}; got ${got}.`,
        span,
      };
    }
    case 'minLength':
      return { code: 'SCHEMA004', message: `${what} must not be empty.`, span };
    default:
      return { code: 'SCHEMA004', message: `${what} ${error.message ?? 'is not valid'}.`, span };
  }
}

export function locate(document: Document, segments: readonly string[]): Located | undefined {
  let node: unknown = deref(document, document.contents);
  let pair: Pair | undefined;
  let introducer: Span = firstKey(node, { start: 0, end: 0 });
  for (const segment of segments) {
    if (isMap(node)) {
      pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
      if (!pair) return undefined;
      introducer = keySpanOf(pair, introducer);
      node = deref(document, pair.value);
    } else if (isSeq(node)) {
      const item = deref(document, node.items[Number(segment)]);
      if (item === undefined) return undefined;
      pair = undefined;
      introducer = firstKey(item, spanOf(item as Node, introducer));
      node = item;
    } else {
      return undefined;
    }
  }
  return { node, introducer, ...(pair ? { pair } : {}) };
}

/** The value's own span, or its key when the value is empty (`generation:` with nothing after). */
function valueSpan(located: Located): Span {
  const node = located.node as Node | null | undefined;
  const span = spanOf(node, located.introducer);
  return span.end > span.start ? span : located.introducer;
}

function firstKey(node: unknown, fallback: Span): Span {
  if (isMap(node) && node.items[0] && isPair(node.items[0])) return keySpanOf(node.items[0], fallback);
  return fallback;
}

function findPair(document: Document, node: unknown, key: string): Pair | undefined {
  const map = deref(document, node);
  return isMap(map)
    ? map.items.find((item) => isScalar(item.key) && String(item.key.value) === key)
    : undefined;
}

function valueAt(data: unknown, segments: readonly string[]): unknown {
  let value = data;
  for (const segment of segments) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** "virtual machine 'SQLVM01'", "the host cluster": how a message names the mapping a problem is in. */
function ownerName(schema: SchemaNode | undefined, value: unknown): string {
  const isRoot = schema?.title === undefined || schema.title === 'Guest cluster definition';
  const title = isRoot ? 'definition' : schema.title!.toLowerCase();
  const name =
    value !== null && typeof value === 'object' ? (value as Record<string, unknown>)['name'] : undefined;
  if (typeof name === 'string') return `${isRoot ? 'the ' : ''}${title} ${quote(name)}`;
  return `the ${title}`;
}

function typeName(type: string): string {
  const names: Record<string, string> = {
    integer: 'a whole number',
    number: 'a number',
    string: 'text',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping (key: value lines)',
    null: 'empty',
  };
  return type
    .split(',')
    .map((t) => names[t] ?? t)
    .join(' or ');
}

function describe(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (typeof value === 'string') return quote(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The known property closest to a mistyped one, when it is close enough to be what was meant. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const tolerance = Math.max(2, Math.floor(word.length / 3));
  return bestDistance <= tolerance ? best : undefined;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Infinity;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}
