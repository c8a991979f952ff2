/**
 * What the runner does the moment it starts: listen for diagnostics, then open the broken example,
 * so that a suite can tell how long the first diagnostics took (see suite/activation.test.ts).
 */
import * as vscode from 'vscode';
import { brokenExample, gclusterDiagnostics, workspaceFile } from '../helpers';

interface Probe {
  readonly startedAt: number;
  /** Epoch ms of the first gcluster diagnostics of the broken example. */
  readonly firstDiagnostics: Promise<number>;
  /** Whether the diagnostics were there before the probe began listening (then the time is an upper bound). */
  readonly alreadyPresent: boolean;
}

let probe: Probe | undefined;

export function startStartupProbe(): void {
  if (probe) return;
  const uri = workspaceFile(brokenExample);
  const startedAt = Date.now();
  const alreadyPresent = gclusterDiagnostics(uri).length > 0;
  const firstDiagnostics = alreadyPresent
    ? Promise.resolve(startedAt)
    : new Promise<number>((resolve) => {
        const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
          if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
          if (gclusterDiagnostics(uri).length === 0) return;
          subscription.dispose();
          resolve(Date.now());
        });
      });
  probe = { startedAt, firstDiagnostics, alreadyPresent };
  void vscode.window.showTextDocument(uri, { preview: false }).then(undefined, (error: unknown) => {
    console.error(`gcluster tests: could not open ${uri.fsPath}:`, error);
  });
}

/** When the probe started, and when the broken example first had diagnostics. */
export async function startupTimes(
  timeoutMs = 60_000,
): Promise<{ probeStartedAt: number; firstDiagnosticsAt: number; alreadyPresent: boolean }> {
  if (!probe)
    throw new Error('The startup probe did not run: the suites must be started by test/vscode/runner.');
  const current = probe;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new Error(`No diagnostics for ${brokenExample} within ${timeoutMs} ms of the runner's start.`),
        ),
      timeoutMs,
    );
  });
  try {
    const firstDiagnosticsAt = await Promise.race([current.firstDiagnostics, timeout]);
    return { probeStartedAt: current.startedAt, firstDiagnosticsAt, alreadyPresent: current.alreadyPresent };
  } finally {
    clearTimeout(timer);
  }
}
