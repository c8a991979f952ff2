/**
 * The results file that the test runner writes inside VS Code and the code-server driver reads.
 * Plain data, shared by both sides (the runner runs in the extension host, the driver in Node).
 */

/** Which suites run: `*.restricted.test.ts` in a window whose folder is not trusted, all others in a trusted one. */
export type SuiteMode = 'trusted' | 'restricted';

export interface TestOutcome {
  /** The suite titles and the test title, joined by spaces, as Mocha's fullTitle(). */
  readonly fullTitle: string;
  readonly file: string;
  readonly durationMs: number;
}

export interface TestFailure extends TestOutcome {
  readonly message: string;
  readonly stack: string;
}

export interface SuiteResults {
  readonly mode: SuiteMode;
  readonly vscodeVersion: string;
  readonly workspaceTrusted: boolean;
  readonly startedAt: number;
  readonly finishedAt: number;
  readonly passes: TestOutcome[];
  readonly failures: TestFailure[];
  readonly pending: TestOutcome[];
  /** Figures a suite measured, by name (see runner/metrics.ts). */
  readonly metrics: Record<string, number>;
  /** Set when the runner itself failed before or around Mocha. */
  readonly error?: string;
}

/** Environment variables between the driver, the code-server process and the runner. */
export const env = {
  /** `trusted` (default) or `restricted`. */
  suite: 'GCLUSTER_SUITE',
  /** Only tests whose full title matches this regular expression run. */
  grep: 'GCLUSTER_TEST_GREP',
  /** Where the runner writes its SuiteResults as JSON. */
  results: 'GCLUSTER_TEST_RESULTS',
  /** A file the driver creates once it has answered the workspace trust prompt; the suites wait for it. */
  start: 'GCLUSTER_TEST_START',
} as const;

export function suiteModeOf(value: string | undefined): SuiteMode {
  if (value === undefined || value === '' || value === 'trusted') return 'trusted';
  if (value === 'restricted') return 'restricted';
  throw new Error(`${env.suite} must be 'trusted' or 'restricted', not '${value}'.`);
}
