import type { RemotingCredential } from './inspect';

/** Every value that must never be shown: the secrets by name, and a remoting password. */
export function hiddenValues(
  secrets: Readonly<Record<string, string>>,
  credential: RemotingCredential | undefined,
): Readonly<Record<string, string>> {
  return { ...secrets, ...(credential ? { password: credential.password } : {}) };
}

/** A line with every hidden value replaced, for messages and the output channel. */
export function redact(text: string, hidden: Readonly<Record<string, string>>): string {
  let redacted = text;
  for (const value of Object.values(hidden)) {
    if (value.length > 0) redacted = redacted.split(value).join('«secret»');
  }
  return redacted;
}
