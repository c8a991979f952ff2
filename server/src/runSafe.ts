import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';

export type Logger = (message: string) => void;

/**
 * Runs a handler so that an exception is logged and answered as an error, never taking the
 * server down, and a request cancelled before or while it runs is answered as cancelled.
 */
export async function runSafe<T>(
  log: Logger,
  what: string,
  token: CancellationToken | undefined,
  handler: () => T | Promise<T>,
): Promise<T | ResponseError<void>> {
  if (token?.isCancellationRequested) return cancelled();
  try {
    const result = await handler();
    return token?.isCancellationRequested ? cancelled() : result;
  } catch (error) {
    // A refused rename is an answer for the user, not a failure of the server.
    if (error instanceof RenameRefused) return new ResponseError(ErrorCodes.InvalidRequest, error.message);
    log(`${what} failed: ${describeError(error)}`);
    return new ResponseError(
      ErrorCodes.InternalError,
      `${what} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** A rename the user asked for that cannot be done; its message is shown to the user as it is. */
export class RenameRefused extends Error {}

/** The same protection for notifications and background work, which have no one to answer. */
export function runSafeVoid(log: Logger, what: string, handler: () => void | Promise<void>): void {
  try {
    const result = handler();
    if (result instanceof Promise)
      result.catch((error: unknown) => log(`${what} failed: ${describeError(error)}`));
  } catch (error) {
    log(`${what} failed: ${describeError(error)}`);
  }
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
