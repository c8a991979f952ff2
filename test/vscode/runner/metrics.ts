/** Figures that suites measure, reported with the results (e.g. milliseconds from activation to diagnostics). */
const recorded: Record<string, number> = {};

export function recordMetric(name: string, value: number): void {
  recorded[name] = value;
}

export function metrics(): Record<string, number> {
  return { ...recorded };
}
