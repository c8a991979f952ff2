import {
  commands,
  EventEmitter,
  ThemeColor,
  ThemeIcon,
  TreeItem,
  TreeItemCollapsibleState,
  Uri,
  window,
  workspace,
  type Disposable,
  type TreeDataProvider,
  type TreeView,
} from 'vscode';
import type { DefinitionOverview } from '../../../server/src/protocol';
import type { Logger } from '../logger';
import { definitionNode, problemText, type DefinitionNode } from './definitionNodes';
import type { DefinitionsSource } from './definitionsSource';

export const definitionsViewId = 'gcluster.definitions';

const severityColors = {
  error: new ThemeColor('list.errorForeground'),
  warning: new ThemeColor('list.warningForeground'),
  info: new ThemeColor('problemsInfoIcon.foreground'),
};

/**
 * The Definitions view: every definition of the workspace, from the server's model, kept up to
 * date file by file as the server reports changes.
 */
export class DefinitionsView implements TreeDataProvider<DefinitionNode>, Disposable {
  private readonly overviews = new Map<string, DefinitionOverview>();
  private roots: DefinitionNode[] = [];
  private readonly changed = new EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: TreeView<DefinitionNode>;
  private readonly subscriptions: Disposable[] = [];

  constructor(
    private readonly source: DefinitionsSource,
    private readonly log: Logger,
  ) {
    this.view = window.createTreeView(definitionsViewId, { treeDataProvider: this, showCollapseAll: true });
    this.subscriptions.push(
      this.view,
      this.changed,
      source.onDidChange((uris) => void this.refresh(uris === 'all' ? undefined : uris)),
    );
  }

  /**
   * Asks the server again: for the given files, or for the whole workspace. One refresh at a
   * time, in order, so that a slow full listing never overwrites a newer answer about one file.
   */
  refresh(uris?: readonly string[]): Promise<void> {
    this.queue = this.queue.then(() => this.load(uris));
    return this.queue;
  }

  private queue: Promise<void> = Promise.resolve();

  private async load(uris?: readonly string[]): Promise<void> {
    try {
      const overviews = await this.source.fetch(uris);
      // The server is down (restarting): keep what is shown until it answers again.
      if (!overviews) return;
      if (!uris) this.overviews.clear();
      for (const uri of uris ?? []) this.overviews.delete(uri);
      for (const overview of overviews) this.overviews.set(overview.uri, overview);
    } catch (error) {
      this.log.warn(
        `Could not list the definitions: ${error instanceof Error ? error.message : String(error)}`,
      );
      return;
    }
    this.roots = [...this.overviews.values()]
      .map((overview) => ({ path: relativePath(overview.uri), overview }))
      .sort((a, b) => a.path.localeCompare(b.path))
      .map(({ path, overview }) => definitionNode(overview, path));
    const errors = this.roots.reduce((total, root) => total + root.problems.errors, 0);
    this.view.badge = errors > 0 ? { value: errors, tooltip: problemText({ ...zero, errors }) } : undefined;
    await commands.executeCommand('setContext', 'gcluster.definitionsLoaded', true);
    this.changed.fire();
  }

  /** The definitions shown, for commands that act on "the current definition". */
  get definitions(): readonly DefinitionOverview[] {
    return [...this.overviews.values()];
  }

  getChildren(node?: DefinitionNode): DefinitionNode[] {
    return node ? [...node.children] : this.roots;
  }

  getTreeItem(node: DefinitionNode): TreeItem {
    const item = new TreeItem(
      node.label,
      node.children.length === 0
        ? TreeItemCollapsibleState.None
        : expandedAtFirst.has(node.contextValue) && this.roots.length <= expandedUpTo
          ? TreeItemCollapsibleState.Expanded
          : TreeItemCollapsibleState.Collapsed,
    );
    item.id = node.id;
    item.description = node.description;
    // A plain string, so that a name from the file can never render as Markdown or a link.
    item.tooltip = node.tooltip;
    item.iconPath = new ThemeIcon(node.icon, node.severity ? severityColors[node.severity] : undefined);
    item.contextValue = node.contextValue;
    if (node.contextValue === 'definition') item.resourceUri = Uri.parse(node.uri);
    if (node.selection || node.contextValue === 'definition') {
      item.command = {
        command: 'gcluster.revealInEditor',
        title: 'Reveal in Editor',
        arguments: [node.uri, node.selection],
      };
    }
    return item;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

/** Rows open when first shown: a definition, and its lists of disks and VMs (what one looks for first). */
const expandedAtFirst = new Set(['definition', 'sharedDisks', 'virtualMachines']);

/**
 * With more definitions than this, every row starts closed: a refresh redraws the open rows,
 * and a workspace of hundreds of open definitions would redraw thousands of them as one types.
 */
const expandedUpTo = 12;

const zero = { errors: 0, warnings: 0, infos: 0, hints: 0 };

function relativePath(uri: string): string {
  const parsed = Uri.parse(uri);
  return parsed.scheme === 'file' ? workspace.asRelativePath(parsed, true) : parsed.path;
}
