import { readFileSync } from 'node:fs';

export interface Summary {
  readonly median: number;
  readonly p95: number;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { median: at(0.5), p95: at(0.95) };
}

/** Runs `work` `count` times after `warmup` unmeasured runs; returns the milliseconds of each. */
export function measure(count: number, work: () => void, warmup = 3): number[] {
  for (let i = 0; i < warmup; i++) work();
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    work();
    samples.push(performance.now() - started);
  }
  return samples;
}

export async function measureAsync(
  count: number,
  work: (i: number) => Promise<void>,
  warmup = 3,
): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await work(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await work(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

export const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));

/** The resident memory of a process, from /proc, in megabytes. */
export function residentMB(pid: number | undefined): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}
