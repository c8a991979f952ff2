import type { Severity } from './problem';

export type RuleSetting = Severity | 'off';

/** The user's settings that change what validation reports (`gcluster.*`). */
export interface ValidationSettings {
  /** Severity per rule id; rules not named keep their default. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /** Files larger than this are not validated. */
  readonly maxFileSizeMB: number;
}

export const defaultSettings: ValidationSettings = { rules: {}, maxFileSizeMB: 5 };

const ruleSettings = new Set<string>(['error', 'warning', 'info', 'hint', 'off']);

/** Accepts whatever a client sends and keeps only what makes sense, so bad settings never break validation. */
export function normalizeSettings(raw: unknown): ValidationSettings {
  if (raw === null || typeof raw !== 'object') return defaultSettings;
  const record = raw as Record<string, unknown>;
  const rules: Record<string, RuleSetting> = {};
  const rawRules = record['rules'];
  if (rawRules !== null && typeof rawRules === 'object') {
    for (const [id, value] of Object.entries(rawRules as Record<string, unknown>)) {
      const setting = typeof value === 'string' ? value.toLowerCase() : '';
      const normalized = setting === 'information' ? 'info' : setting;
      if (ruleSettings.has(normalized)) rules[id.toUpperCase()] = normalized as RuleSetting;
    }
  }
  const size = record['maxFileSizeMB'];
  const maxFileSizeMB =
    typeof size === 'number' && Number.isFinite(size) && size > 0
      ? Math.min(size, 100)
      : defaultSettings.maxFileSizeMB;
  return { rules, maxFileSizeMB };
}
