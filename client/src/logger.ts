/**
 * What the client's parts need of the output channel. A plain interface, so that parts with no
 * `vscode` import (the PowerShell runner) log through it too, and tests pass a recorder.
 */
export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string | Error): void;
}
