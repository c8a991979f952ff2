import { EventEmitter, type Disposable, type Event } from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import {
  DefinitionsChangedNotification,
  DefinitionsRequest,
  type DefinitionOverview,
  type DefinitionsChangedParams,
  type DefinitionsParams,
  type DefinitionsResult,
} from '../../../server/src/protocol';

/**
 * The definitions as the language server's model has them: the one source of the Definitions
 * and Topology views (the client has no parser of its own). It tells its listeners which files
 * changed, a quarter of a second after the server said so, so that typing refreshes the views
 * a few times a second at most.
 */
export class DefinitionsSource implements Disposable {
  private readonly changed = new EventEmitter<readonly string[] | 'all'>();
  /** Fires with the URIs whose overview may have changed, or `all` after a (re)start. */
  readonly onDidChange: Event<readonly string[] | 'all'> = this.changed.event;
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: Disposable[] = [];

  constructor(private readonly client: LanguageClient) {
    this.subscriptions.push(
      client.onNotification(DefinitionsChangedNotification.method, (params: DefinitionsChangedParams) =>
        this.schedule(params.uris),
      ),
      client.onDidChangeState((event) => {
        if (event.newState === State.Running) this.changed.fire('all');
      }),
    );
  }

  /** The overviews of the given files, or of every definition in the workspace; undefined while the server is down. */
  async fetch(uris?: readonly string[]): Promise<readonly DefinitionOverview[] | undefined> {
    if (!this.client.isRunning()) return undefined;
    const params: DefinitionsParams = uris ? { uris } : {};
    const result = await this.client.sendRequest<DefinitionsResult>(DefinitionsRequest.method, params);
    return result.definitions;
  }

  private schedule(uris: readonly string[]): void {
    for (const uri of uris) this.pending.add(uri);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      const batch = [...this.pending];
      this.pending.clear();
      this.changed.fire(batch);
    }, 250);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }
}
