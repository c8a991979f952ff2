import * as path from 'node:path';
import { runScript } from './runScript';

/** One prerequisite: whether it holds, what was found, and what to do when it does not. */
export interface PrerequisiteCheck {
  readonly name: string;
  readonly passed: boolean;
  readonly detail: string;
  readonly fix: string;
}

/**
 * Runs the prerequisite checker: PowerShell's version, the Hyper-V and FailoverClusters modules,
 * elevation, and remoting to each of `hosts` (computer names, which the rules have checked).
 */
export async function checkPrerequisites(options: {
  readonly executable: string;
  readonly scriptsFolder: string;
  readonly hosts: readonly string[];
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}): Promise<PrerequisiteCheck[]> {
  const result = await runScript({
    executable: options.executable,
    script: path.join(options.scriptsFolder, 'Test-GclusterPrerequisites.ps1'),
    args: options.hosts.length > 0 ? ['-HostNames', options.hosts.join(',')] : [],
    timeoutMs: options.timeoutMs,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const checks = result.events.flatMap((event) => {
    const check = event as Partial<PrerequisiteCheck> & { type?: string };
    return check.type === 'check' && typeof check.name === 'string'
      ? [
          {
            name: check.name,
            passed: check.passed === true,
            detail: String(check.detail ?? ''),
            fix: String(check.fix ?? ''),
          },
        ]
      : [];
  });
  if (result.stopped || result.exitCode !== 0) {
    checks.push({
      name: 'The checker',
      passed: false,
      detail:
        result.stopped === 'timeout'
          ? 'took too long'
          : result.stopped === 'cancelled'
            ? 'was cancelled'
            : `ended with exit code ${result.exitCode}: ${result.stderr.trim()}`,
      fix: 'See Guest Cluster: Show Output.',
    });
  }
  return checks;
}
