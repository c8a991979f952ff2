import { ProgressLocation, window } from 'vscode';

/**
 * A notification with a Cancel button around work that takes an AbortSignal: Cancel aborts it
 * (for a PowerShell run, that ends its whole process tree).
 */
export function withCancellableProgress<T>(
  title: string,
  work: (signal: AbortSignal, report: (message: string, increment?: number) => void) => Promise<T>,
): Thenable<T> {
  return window.withProgress(
    { location: ProgressLocation.Notification, title, cancellable: true },
    (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      return work(controller.signal, (message, increment) =>
        progress.report(increment === undefined ? { message } : { message, increment }),
      );
    },
  );
}
