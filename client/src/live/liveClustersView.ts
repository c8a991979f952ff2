import {
  Diagnostic,
  DiagnosticSeverity,
  languages,
  Range,
  Uri,
  EventEmitter,
  ThemeColor,
  ThemeIcon,
  TreeItem,
  TreeItemCollapsibleState,
  window,
  workspace,
  type Disposable,
  type ExtensionContext,
  type TreeDataProvider,
} from 'vscode';
import { restrictedMessage } from '../commands/planDeployment';
import { locateConfiguredPowerShell } from '../commands/powerShellPath';
import type { Logger } from '../logger';
import { askRemotingCredential } from '../commands/remotingCredential';
import { inspectCluster, type Inventory, type RemotingCredential } from '../powershell/inspect';
import { exportDefinition, guestGroups } from './exportDefinition';
import type { DefinitionOverview } from '../../../server/src/protocol';
import { findDrift, type DriftFinding } from './drift';
import { liveClusterNode, type LiveHealth, type LiveNode, type LiveState } from './liveNodes';

export const liveClustersViewId = 'gcluster.liveClusters';
const connectionsKey = 'gcluster.liveConnections';

const colors: Record<Exclude<LiveHealth, undefined>, ThemeColor> = {
  ok: new ThemeColor('testing.iconPassed'),
  warning: new ThemeColor('list.warningForeground'),
  error: new ThemeColor('list.errorForeground'),
  off: new ThemeColor('disabledForeground'),
};

/** A cluster or host name as a user types it: a DNS or NetBIOS name, nothing else. */
const clusterName = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*$/;

/**
 * The Live Clusters view: host clusters the user added (kept in the extension's global state,
 * never in the workspace), each read on demand with one PowerShell process.
 */
export class LiveClustersView implements TreeDataProvider<LiveNode>, Disposable {
  private readonly states = new Map<string, LiveState>();
  /** Credentials for the guests, by connection: memory only, gone when the window closes. */
  private readonly credentials = new Map<string, RemotingCredential>();
  private readonly changed = new EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view = window.createTreeView(liveClustersViewId, {
    treeDataProvider: this,
    showCollapseAll: true,
  });
  /** Drift shows as diagnostics on the definition, beside (not mixed with) the language server's. */
  private readonly drift = languages.createDiagnosticCollection('gcluster-drift');

  constructor(
    private readonly context: ExtensionContext,
    private readonly log: Logger,
  ) {}

  get connections(): string[] {
    return this.context.globalState.get<string[]>(connectionsKey, []);
  }

  /** Adds a connection (asked for when not given) and reads it. */
  async add(name?: unknown): Promise<Inventory | undefined> {
    if (!workspace.isTrusted) {
      void window.showWarningMessage(restrictedMessage);
      return undefined;
    }
    const given =
      typeof name === 'string'
        ? name
        : await window.showInputBox({
            title: 'Add a Live Cluster',
            prompt: 'The host cluster name (or a host node) to read with PowerShell',
            placeHolder: 'HVCLUS01',
            validateInput: (value) =>
              clusterName.test(value.trim())
                ? undefined
                : 'A computer or DNS name: letters, digits, hyphens and dots.',
          });
    if (given === undefined || !clusterName.test(given.trim())) return undefined;
    const connection = given.trim();
    if (!this.connections.some((c) => c.toLowerCase() === connection.toLowerCase())) {
      await this.context.globalState.update(connectionsKey, [...this.connections, connection]);
    }
    this.changed.fire();
    return this.refresh(connection);
  }

  async remove(node?: unknown): Promise<void> {
    const connection = this.connectionOf(node);
    if (!connection) return;
    await this.context.globalState.update(
      connectionsKey,
      this.connections.filter((c) => c.toLowerCase() !== connection.toLowerCase()),
    );
    this.states.delete(connection.toLowerCase());
    this.credentials.delete(connection.toLowerCase());
    this.changed.fire();
  }

  /**
   * Sign In to the Guests: asks for a user name and password (a task or a test may pass them),
   * keeps them in memory for this window, and reads the cluster again with them.
   */
  async signIn(target?: unknown): Promise<Inventory | undefined> {
    if (!workspace.isTrusted) {
      void window.showWarningMessage(restrictedMessage);
      return undefined;
    }
    const given = target as { connection?: unknown; credential?: RemotingCredential } | undefined;
    const connection = typeof given?.connection === 'string' ? given.connection : this.connectionOf(target);
    if (!connection) return undefined;
    const credential =
      given?.credential ?? (await askRemotingCredential(`Sign in to the guests on ${connection}`));
    if (!credential) return undefined;
    this.credentials.set(connection.toLowerCase(), credential);
    return this.refresh(connection);
  }

  /**
   * Export Live Cluster: writes a definition of one guest cluster as it runs, from the last
   * reading of its host cluster (or a new one), to a file the user picks, and opens it.
   */
  async export(target?: unknown): Promise<string | undefined> {
    if (!workspace.isTrusted) {
      void window.showWarningMessage(restrictedMessage);
      return undefined;
    }
    const given = target as { connection?: unknown; target?: unknown } | undefined;
    const connection =
      typeof given?.connection === 'string'
        ? given.connection
        : (this.connectionOf(target) ??
          (this.connections.length === 1
            ? this.connections[0]
            : await window.showQuickPick(this.connections, { title: 'Export which live cluster?' })));
    if (!connection) {
      if (this.connections.length === 0) void window.showInformationMessage('Add a live cluster first.');
      return undefined;
    }
    const inventory = this.states.get(connection.toLowerCase())?.inventory ?? (await this.add(connection));
    if (!inventory) return undefined;
    const groups = guestGroups(inventory);
    if (groups.length === 0) {
      void window.showInformationMessage(
        `No two VMs on ${connection} share a disk: there is no guest cluster to export.`,
      );
      return undefined;
    }
    const label = (index: number) =>
      groups[index]!.guest?.name ?? `Guest cluster in ${groups[index]!.vms.map((vm) => vm.name).join(', ')}`;
    const picked =
      groups.length === 1
        ? 0
        : (
            await window.showQuickPick(
              groups.map((group, index) => ({
                label: label(index),
                description: group.vms.map((vm) => vm.name).join(', '),
                index,
              })),
              { title: `Export which guest cluster of ${connection}?` },
            )
          )?.index;
    if (picked === undefined) return undefined;
    const exported = exportDefinition(inventory, groups[picked]!);
    const folder = workspace.workspaceFolders?.[0]?.uri;
    const fileName = `${(groups[picked]!.guest?.name ?? groups[picked]!.vms[0]!.name).replace(/[^A-Za-z0-9._-]/g, '_')}.gcluster.yaml`;
    const uri =
      typeof given?.target === 'string'
        ? Uri.parse(given.target)
        : await window.showSaveDialog({
            title: `Export ${label(picked)} as a definition`,
            filters: { 'Guest cluster definition': ['gcluster.yaml', 'yaml'] },
            ...(folder ? { defaultUri: Uri.joinPath(folder, fileName) } : {}),
          });
    if (!uri) return undefined;
    await workspace.fs.writeFile(uri, new TextEncoder().encode(exported.text));
    await window.showTextDocument(uri);
    this.log.info(`Exported ${label(picked)} from ${connection} to ${uri.toString(true)}.`);
    if (exported.guesses.length > 0) {
      void window.showInformationMessage(
        `${exported.guesses.length} values could not be read from ${connection} and are marked with a comment in the file: ${exported.guesses[0]}`,
      );
    }
    return uri.toString();
  }

  /** The connection a row belongs to (its id starts with it). */
  private connectionOf(node: unknown): string | undefined {
    if (typeof node === 'string') return node;
    const key = (node as LiveNode | undefined)?.id?.split('\u0000')[1];
    return key ? (this.connections.find((c) => c.toLowerCase() === key) ?? key) : undefined;
  }

  /** Reads one connection (or every one) again: one PowerShell process per connection. */
  async refresh(target?: unknown): Promise<Inventory | undefined> {
    if (!workspace.isTrusted) {
      void window.showWarningMessage(restrictedMessage);
      return undefined;
    }
    const named = this.connectionOf(target);
    const connections = named
      ? this.connections.filter((c) => c.toLowerCase() === named.toLowerCase())
      : this.connections;
    let last: Inventory | undefined;
    for (const connection of connections) last = await this.read(connection);
    return last;
  }

  private async read(connection: string): Promise<Inventory | undefined> {
    const key = connection.toLowerCase();
    const located = locateConfiguredPowerShell();
    if ('missing' in located) {
      this.states.set(key, { error: located.missing });
      this.changed.fire();
      return undefined;
    }
    return window.withProgress({ location: { viewId: liveClustersViewId } }, async () => {
      try {
        const inventory = await inspectCluster({
          executable: located.executable,
          scriptsFolder: this.context.asAbsolutePath('client/powershell'),
          clusterName: connection,
          timeoutMs: 5 * 60 * 1000,
          ...(this.credentials.has(key) ? { credential: this.credentials.get(key)! } : {}),
        });
        this.states.set(key, { inventory, refreshedAt: new Date() });
        this.log.info(`Read ${connection}: ${inventory.nodes.length} nodes, ${inventory.vms.length} VMs.`);
        return inventory;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.states.set(key, { error: message });
        this.log.warn(message);
        return undefined;
      } finally {
        this.changed.fire();
      }
    });
  }

  /**
   * Compare with Definition: reads the definition's host cluster (adding it to the view if it is
   * not there yet), and shows what differs as rows under the cluster and as diagnostics on the file.
   */
  async compare(uri: string, overview: DefinitionOverview | undefined): Promise<DriftFinding[] | undefined> {
    if (!workspace.isTrusted) {
      void window.showWarningMessage(restrictedMessage);
      return undefined;
    }
    const clusterName = overview?.hostCluster?.name;
    if (!overview || !clusterName || clusterName === '(unnamed)') {
      void window.showInformationMessage(
        'Open a definition whose hostCluster has a name to compare it with the live cluster.',
      );
      return undefined;
    }
    const inventory = await this.add(clusterName);
    if (!inventory) return undefined;
    const findings = findDrift(overview, inventory);
    const key = clusterName.toLowerCase();
    this.states.set(key, {
      ...this.states.get(key),
      drift: { definition: overview.name ?? clusterName, findings },
    });
    this.drift.set(
      Uri.parse(uri),
      findings.map((finding) => {
        const { start, end } = finding.range;
        const severity =
          finding.severity === 'error'
            ? DiagnosticSeverity.Error
            : finding.severity === 'warning'
              ? DiagnosticSeverity.Warning
              : DiagnosticSeverity.Information;
        const diagnostic = new Diagnostic(
          new Range(start.line, start.character, end.line, end.character),
          finding.message,
          severity,
        );
        diagnostic.source = 'gcluster drift';
        diagnostic.code = finding.code;
        return diagnostic;
      }),
    );
    this.changed.fire();
    void window.showInformationMessage(
      findings.length === 0
        ? `${clusterName} is as ${overview.name ?? 'the definition'} describes it.`
        : `${clusterName} differs from ${overview.name ?? 'the definition'} in ${findings.length} ways: see the Problems panel and the Live Clusters view.`,
    );
    return findings;
  }

  getChildren(node?: LiveNode): LiveNode[] {
    if (node) return [...node.children];
    if (!workspace.isTrusted) return [];
    return this.connections.map((connection) =>
      liveClusterNode(connection, this.states.get(connection.toLowerCase()) ?? {}),
    );
  }

  getTreeItem(node: LiveNode): TreeItem {
    const item = new TreeItem(
      node.label,
      node.children.length === 0
        ? TreeItemCollapsibleState.None
        : node.contextValue === 'liveCluster'
          ? TreeItemCollapsibleState.Expanded
          : TreeItemCollapsibleState.Collapsed,
    );
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.iconPath = new ThemeIcon(node.icon, node.health ? colors[node.health] : undefined);
    item.contextValue = node.contextValue;
    return item;
  }

  dispose(): void {
    this.drift.dispose();
    this.view.dispose();
    this.changed.dispose();
  }
}
