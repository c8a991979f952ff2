/**
 * Decides when to validate a document after a change. A small file is validated at once (on the
 * next turn of the event loop, so a burst of changes arriving together is validated once); a file
 * whose last validation was slow waits about as long as that took, so typing stays responsive.
 */
export class ValidationScheduler {
  private readonly pending = new Map<string, NodeJS.Timeout | NodeJS.Immediate>();
  private readonly lastDuration = new Map<string, number>();

  constructor(
    private readonly validate: (uri: string) => Promise<void>,
    private readonly cheapMs = 100,
    private readonly maxDelayMs = 300,
  ) {}

  schedule(uri: string): void {
    this.cancel(uri);
    const run = () => {
      this.pending.delete(uri);
      const started = performance.now();
      void this.validate(uri).finally(() => this.lastDuration.set(uri, performance.now() - started));
    };
    const last = this.lastDuration.get(uri) ?? 0;
    this.pending.set(
      uri,
      last <= this.cheapMs ? setImmediate(run) : setTimeout(run, Math.min(last, this.maxDelayMs)),
    );
  }

  cancel(uri: string): void {
    const handle = this.pending.get(uri);
    if (handle === undefined) return;
    clearTimeout(handle as NodeJS.Timeout);
    clearImmediate(handle as NodeJS.Immediate);
    this.pending.delete(uri);
  }

  forget(uri: string): void {
    this.cancel(uri);
    this.lastDuration.delete(uri);
  }
}
