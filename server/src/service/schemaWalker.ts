/** A JSON schema as plain data: the subset of keywords the service reads. */
export interface SchemaNode {
  readonly title?: string;
  readonly type?: string | readonly string[];
  readonly $ref?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly items?: SchemaNode;
  readonly if?: SchemaNode;
  readonly then?: SchemaNode;
  readonly else?: SchemaNode;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly definitions?: Readonly<Record<string, SchemaNode>>;
  readonly 'x-rule'?: string;
  readonly [keyword: string]: unknown;
}

/**
 * Finds the schema that describes the value at a path, merging a property's own annotations
 * (title, x-rule) with the definition it refers to. Branches on `if: {type}` the way the
 * attachment schema does: by the data's type.
 */
export class SchemaWalker {
  constructor(private readonly root: SchemaNode) {}

  resolve(node: SchemaNode): SchemaNode {
    let current = node;
    for (let hops = 0; current.$ref && hops < 16; hops++) {
      const target = this.lookup(current.$ref);
      if (!target) break;
      const { $ref: _ref, ...own } = current;
      current = { ...target, ...own };
    }
    return current;
  }

  /** The schema at a JSON pointer's segments, or undefined when the path leaves the schema. */
  at(segments: readonly string[], data: unknown): SchemaNode | undefined {
    let schema: SchemaNode | undefined = this.branch(this.resolve(this.root), data);
    let value = data;
    for (const segment of segments) {
      if (!schema) return undefined;
      if (Array.isArray(value)) {
        schema = schema.items;
        value = value[Number(segment)];
      } else {
        schema = schema.properties?.[segment];
        value =
          value !== null && typeof value === 'object'
            ? (value as Record<string, unknown>)[segment]
            : undefined;
      }
      if (schema) schema = this.branch(this.resolve(schema), value);
    }
    return schema;
  }

  /**
   * The schema at an editing path, where `*` is an item of a sequence. Without data, an
   * `if: {type}` schema is taken as its mapping branch when the path goes on into properties,
   * and left as it is at the end of the path, so that the caller can offer both forms.
   */
  atPath(segments: readonly string[]): SchemaNode | undefined {
    let schema: SchemaNode | undefined = this.resolve(this.root);
    for (const segment of segments) {
      if (!schema) return undefined;
      if (isTypeBranch(schema)) schema = this.resolve(schema.else!);
      schema = segment === '*' ? schema.items : schema.properties?.[segment];
      if (schema) schema = this.resolve(schema);
    }
    return schema;
  }

  /** The mapping branch of an `if: {type}` schema (the attachment's long form), or the schema itself. */
  objectForm(schema: SchemaNode): SchemaNode {
    return isTypeBranch(schema) ? { ...this.resolve(schema.else!), title: schema.title } : schema;
  }

  /** The scalar branch of an `if: {type}` schema (the attachment's short form), or the schema itself. */
  scalarForm(schema: SchemaNode): SchemaNode {
    return isTypeBranch(schema)
      ? {
          ...this.resolve(schema.then!),
          title: schema.title,
          markdownDescription: schema['markdownDescription'],
        }
      : schema;
  }

  private branch(schema: SchemaNode, value: unknown): SchemaNode {
    if (!schema.if || typeof schema.if.type !== 'string') return schema;
    const matches = schema.if.type === 'string' ? typeof value === 'string' : typeof value === schema.if.type;
    const chosen = matches ? schema.then : schema.else;
    return chosen ? { ...this.resolve(chosen), title: schema.title ?? chosen.title } : schema;
  }

  private lookup(ref: string): SchemaNode | undefined {
    const match = /^#\/definitions\/(.+)$/.exec(ref);
    return match ? this.root.definitions?.[match[1]!] : undefined;
  }
}

/** An `if: { type }` schema chooses its form by the data's type (the attachment: a name or a mapping). */
export function isTypeBranch(schema: SchemaNode): boolean {
  return typeof schema.if?.type === 'string' && schema.then !== undefined && schema.else !== undefined;
}
