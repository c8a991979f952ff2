import type { SchemaNode } from './schemaWalker';

/**
 * The documentation of a property as Markdown, from the schema alone: its title, description,
 * allowed values with what each means, default, and the rule that checks it. Completion and
 * hover show the same text, so the schema stays the one source of both.
 */
export function describeProperty(key: string, schema: SchemaNode): string {
  const parts: string[] = [`**${schema.title ?? key}** (\`${key}\`)`];
  const description = schema['markdownDescription'];
  if (typeof description === 'string') parts.push(description);
  const values = allowedValues(schema);
  if (values.length > 0) {
    parts.push(
      `Allowed values:\n${values.map((v) => `- \`${v.label}\`${v.description ? ` — ${v.description}` : ''}`).join('\n')}`,
    );
  }
  if (schema['default'] !== undefined) parts.push(`Default: \`${JSON.stringify(schema['default'])}\``);
  const rule = schema['x-rule'];
  if (typeof rule === 'string') parts.push(`Checked by rule ${rule}.`);
  return parts.join('\n\n');
}

export interface AllowedValue {
  readonly label: string;
  readonly value: string | number | boolean;
  readonly description?: string;
}

/** The values a property takes from a fixed set: its enum (with descriptions), or true and false. */
export function allowedValues(schema: SchemaNode): AllowedValue[] {
  const descriptions = schema['markdownEnumDescriptions'] as readonly string[] | undefined;
  if (schema.enum) {
    return schema.enum.map((value, index) => ({
      label: String(value),
      value: value as string | number,
      ...(descriptions?.[index] ? { description: descriptions[index] } : {}),
    }));
  }
  if (schema.const !== undefined)
    return [{ label: String(schema.const), value: schema.const as string | number }];
  if (schema.type === 'boolean')
    return [
      { label: 'true', value: true },
      { label: 'false', value: false },
    ];
  return [];
}

/** What one enum value means, for hover on a value. */
export function describeValue(schema: SchemaNode, value: unknown): string | undefined {
  const match = allowedValues(schema).find((allowed) => allowed.value === value);
  if (!match?.description) return undefined;
  return `**${schema.title ?? 'Value'}: \`${match.label}\`**\n\n${match.description}`;
}
