import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { DeploymentPlan, PlanValue } from '../../../server/src/protocol';
import type { RemotingCredential } from './inspect';
import { hiddenValues, redact } from './redact';
import { runScript, type ScriptEvent } from './runScript';

export interface DeployOptions {
  readonly executable: string;
  /** The folder of the shipped `.ps1` files. */
  readonly scriptsFolder: string;
  /** Where the plan file is written for the run (the extension's storage), and removed after. */
  readonly workFolder: string;
  readonly plan: DeploymentPlan;
  /** Values of the plan's `{ secret }` parameters, by name: sent on standard input only. */
  readonly secrets: Readonly<Record<string, string>>;
  /** For remoting into the guests, when the signed-in identity is not enough: stdin only. */
  readonly credential?: RemotingCredential;
  readonly whatIf: boolean;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  readonly onEvent?: (event: DeployEvent) => void;
}

/** What the executor reports, one per step (and a result at the end). */
export type DeployEvent =
  | {
      readonly type: 'started' | 'done' | 'skipped' | 'wouldRun';
      readonly step: string;
      readonly title: string;
    }
  | { readonly type: 'error'; readonly step: string; readonly title?: string; readonly message: string }
  /** An optional check that failed (Test-Cluster): said, and the deployment goes on. */
  | { readonly type: 'warning'; readonly step: string; readonly title: string; readonly message: string }
  | { readonly type: 'result'; readonly done: number; readonly skipped: number; readonly whatIf: boolean }
  | { readonly type: 'text'; readonly text: string };

export interface DeploySummary {
  readonly done: number;
  readonly skipped: number;
  readonly wouldRun: number;
  readonly failed?: { readonly step: string; readonly message: string };
  /** Optional checks that failed without stopping the deployment. */
  readonly warnings: readonly { readonly step: string; readonly message: string }[];
  readonly stopped?: 'cancelled' | 'timeout';
  readonly exitCode: number | null;
  readonly stderr: string;
}

/** The names of the secrets a plan needs, in the order its steps need them. */
export function secretsOf(plan: DeploymentPlan): string[] {
  const names = new Set<string>();
  const visit = (value: PlanValue) => {
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'secret' in value) {
      names.add(value.secret);
    }
  };
  for (const step of plan.steps) for (const value of Object.values(step.parameters)) visit(value);
  return [...names];
}

/**
 * Runs a plan with the executor script: the plan goes to a JSON file whose path is the only
 * argument, secrets go to standard input, and each step's report comes back as it happens. A
 * second run after a failure or a cancel continues where the first stopped: the executor
 * probes each step first.
 */
export async function deployPlan(options: DeployOptions): Promise<DeploySummary> {
  mkdirSync(options.workFolder, { recursive: true });
  // A name of our own making: nothing from the definition reaches a file name or a command line.
  const planFile = path.join(options.workFolder, `plan-${randomUUID()}.json`);
  writeFileSync(planFile, JSON.stringify(options.plan), { encoding: 'utf8', mode: 0o600 });
  let done = 0;
  let skipped = 0;
  let wouldRun = 0;
  let failed: DeploySummary['failed'];
  const warnings: { step: string; message: string }[] = [];
  const hidden = hiddenValues(options.secrets, options.credential);
  try {
    const result = await runScript({
      executable: options.executable,
      script: path.join(options.scriptsFolder, 'Invoke-GclusterPlan.ps1'),
      args: ['-PlanPath', planFile, ...(options.whatIf ? ['-WhatIf'] : [])],
      input: `${JSON.stringify({ secrets: options.secrets, ...(options.credential ? { credential: options.credential } : {}) })}\n`,
      timeoutMs: options.timeoutMs,
      ...(options.signal ? { signal: options.signal } : {}),
      onEvent: (raw: ScriptEvent) => {
        // Redacted here, once, so that no caller can show a secret the script echoed.
        const event = redactEvent(raw as DeployEvent, hidden);
        if (event.type === 'done') done++;
        else if (event.type === 'skipped') skipped++;
        else if (event.type === 'wouldRun') wouldRun++;
        else if (event.type === 'error') failed = { step: event.step, message: event.message };
        else if (event.type === 'warning') warnings.push({ step: event.step, message: event.message });
        options.onEvent?.(event);
      },
    });
    return {
      done,
      skipped,
      wouldRun,
      warnings,
      ...(failed ? { failed } : {}),
      ...(result.stopped ? { stopped: result.stopped } : {}),
      exitCode: result.exitCode,
      stderr: redact(result.stderr, hidden),
    };
  } finally {
    rmSync(planFile, { force: true });
  }
}

/** An event with every text in it redacted. */
function redactEvent(event: DeployEvent, hidden: Readonly<Record<string, string>>): DeployEvent {
  const copy: Record<string, unknown> = { ...event };
  for (const [key, value] of Object.entries(copy)) {
    if (typeof value === 'string') copy[key] = redact(value, hidden);
  }
  return copy as DeployEvent;
}
