/**
 * Expands snippet text as accepting every default would: a choice takes its first value, a
 * placeholder its default, a repeated tab stop mirrors the first, and the snippet syntax's
 * escapes (`\$`, `\}`, `\\`) become the characters themselves.
 */
export function expandSnippet(snippet: string): string {
  const values = new Map<string, string>();
  const escaped = ['\u0000', '\u0001', '\u0002'];
  return snippet
    .replaceAll('\\\\', escaped[0]!)
    .replaceAll('\\$', escaped[1]!)
    .replaceAll('\\}', escaped[2]!)
    .replace(
      /\$\{(\d+)\|([^|]*)\|\}|\$\{(\d+):([^}]*)\}|\$\{(\d+)\}|\$(\d+)/g,
      (
        _match,
        choice: string | undefined,
        choices: string,
        placeholder: string | undefined,
        value: string,
        mirror: string | undefined,
        bare: string | undefined,
      ) => {
        if (choice !== undefined) {
          const first = choices.split(',')[0]!;
          values.set(choice, first);
          return first;
        }
        if (placeholder !== undefined) {
          values.set(placeholder, value);
          return value;
        }
        return values.get((mirror ?? bare)!) ?? '';
      },
    )
    .replaceAll(escaped[0]!, '\\')
    .replaceAll(escaped[1]!, '$')
    .replaceAll(escaped[2]!, '}');
}
