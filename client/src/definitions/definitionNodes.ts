import type {
  DefinitionOverview,
  OverviewItem,
  ProblemCount,
  SharedDiskOverview,
  TextRange,
  VirtualMachineOverview,
} from '../../../server/src/protocol';

/** The worst severity among an item's problems, which colours its icon. */
export type WorstSeverity = 'error' | 'warning' | 'info' | undefined;

/**
 * One row of the Definitions view, as data: the view turns it into a `TreeItem`. Kept free of
 * the `vscode` module so that what the tree shows is tested in plain Node.
 */
export interface DefinitionNode {
  /** Stable across refreshes, so that expanded rows stay expanded. */
  readonly id: string;
  readonly label: string;
  readonly description: string;
  /** Plain text, never Markdown: names from the file must not become links or markup. */
  readonly tooltip: string;
  /** A codicon id. */
  readonly icon: string;
  readonly severity: WorstSeverity;
  readonly problems: ProblemCount;
  readonly uri: string;
  /** What a click reveals; absent for rows that stand for nothing in the text. */
  readonly selection?: TextRange;
  /** `definition`, `virtualMachine`, … for menus (`viewItem == definition`). */
  readonly contextValue: string;
  readonly children: readonly DefinitionNode[];
}

const icons: Readonly<Record<string, string>> = {
  definition: 'symbol-file',
  hostCluster: 'server-environment',
  hostNode: 'server',
  storage: 'database',
  volume: 'layers',
  share: 'folder-library',
  sharedDisks: 'files',
  sharedDisk: 'file-binary',
  virtualMachines: 'vm',
  virtualMachine: 'vm',
  attachedVm: 'link',
  guestCluster: 'organization',
  witness: 'law',
};

export function worstSeverity(problems: ProblemCount): WorstSeverity {
  if (problems.errors > 0) return 'error';
  if (problems.warnings > 0) return 'warning';
  if (problems.infos > 0) return 'info';
  return undefined;
}

/** "2 errors, 1 warning", or "" when there is nothing to say. Hints are not problems to count. */
export function problemText(problems: ProblemCount): string {
  const parts: string[] = [];
  const say = (count: number, noun: string) => {
    if (count > 0) parts.push(`${count} ${noun}${count === 1 ? '' : 's'}`);
  };
  say(problems.errors, 'error');
  say(problems.warnings, 'warning');
  say(problems.infos, 'info');
  return parts.join(', ');
}

const noProblems: ProblemCount = { errors: 0, warnings: 0, infos: 0, hints: 0 };

/**
 * The rows of one definition file: host cluster (nodes, storage), shared disks (with the VMs
 * they attach to), virtual machines, guest cluster (with its witness). `relativePath` is how the
 * file is named in the view.
 */
export function definitionNode(overview: DefinitionOverview, relativePath: string): DefinitionNode {
  const uri = overview.uri;
  const id = (...parts: string[]) => [uri, ...parts].join('\u0000');
  const children: DefinitionNode[] = [];
  const host = overview.hostCluster;
  if (host) {
    const storage = host.storage;
    children.push(
      itemNode(uri, id('host'), host, 'Host cluster', [
        ...host.nodes.map((node, i) => itemNode(uri, id('host', 'node', String(i)), node, 'Host node')),
        ...(storage
          ? [
              itemNode(
                uri,
                id('host', 'storage'),
                storage,
                'Storage',
                storage.locations.map((location, i) =>
                  itemNode(
                    uri,
                    id('host', 'storage', String(i)),
                    location,
                    location.kind === 'volume' ? 'Cluster Shared Volume' : 'SOFS share',
                  ),
                ),
              ),
            ]
          : []),
      ]),
    );
  }
  if (overview.sharedDisks.length > 0) {
    children.push(
      groupNode(
        uri,
        id('disks'),
        'Shared disks',
        'sharedDisks',
        overview.sharedDisks.map((disk, i) => diskNode(uri, id('disks', String(i)), disk, overview)),
      ),
    );
  }
  if (overview.virtualMachines.length > 0) {
    children.push(
      groupNode(
        uri,
        id('vms'),
        'Virtual machines',
        'virtualMachines',
        overview.virtualMachines.map((vm, i) => vmNode(uri, id('vms', String(i)), vm)),
      ),
    );
  }
  const guest = overview.guestCluster;
  if (guest) {
    const witness = guest.witness;
    children.push(
      itemNode(
        uri,
        id('guest'),
        guest,
        'Guest cluster',
        witness ? [itemNode(uri, id('guest', 'witness'), witness, 'Quorum witness')] : [],
      ),
    );
  }
  const label = overview.name ?? baseName(relativePath);
  const status = overview.unreadable ?? problemText(overview.problems);
  return {
    id: id(),
    label,
    description: [relativePath === label ? '' : relativePath, status]
      .filter((part) => part !== '')
      .join(' · '),
    tooltip: [`Definition ${label}`, relativePath, status || 'No problems'].join('\n'),
    icon: icons.definition!,
    severity: overview.unreadable ? 'error' : worstSeverity(overview.problems),
    problems: overview.problems,
    uri,
    contextValue: 'definition',
    children,
  };
}

function diskNode(
  uri: string,
  id: string,
  disk: SharedDiskOverview,
  overview: DefinitionOverview,
): DefinitionNode {
  const vms = disk.attachedTo.map((name, i) => {
    const vm = overview.virtualMachines.find((candidate) => candidate.name === name);
    return {
      id: `${id}\u0000vm\u0000${i}`,
      label: name,
      description: 'attached',
      tooltip: `${name} attaches ${disk.name}`,
      icon: icons.attachedVm!,
      severity: undefined,
      problems: noProblems,
      uri,
      ...(vm ? { selection: vm.selectionRange } : {}),
      contextValue: 'attachedVm',
      children: [],
    } satisfies DefinitionNode;
  });
  const node = itemNode(uri, id, disk, 'Shared disk', vms);
  const attached =
    disk.attachedTo.length === 0 ? 'attached to no VM' : `attached to ${disk.attachedTo.join(', ')}`;
  return { ...node, tooltip: `${node.tooltip}\n${disk.path ?? ''}\n${attached}`.replace(/\n\n/g, '\n') };
}

function vmNode(uri: string, id: string, vm: VirtualMachineOverview): DefinitionNode {
  const node = itemNode(
    uri,
    id,
    vm,
    vm.guestNode ? 'Guest node' : 'Virtual machine (not in the guest cluster)',
  );
  const disks = vm.attachments.map((a) => a.disk);
  return {
    ...node,
    tooltip: `${node.tooltip}\n${disks.length > 0 ? `Shared disks: ${disks.join(', ')}` : 'No shared disks'}`,
  };
}

function itemNode(
  uri: string,
  id: string,
  item: OverviewItem,
  what: string,
  children: readonly DefinitionNode[] = [],
): DefinitionNode {
  const problems = problemText(item.problems);
  return {
    id,
    label: item.name,
    description: [item.detail, problems].filter((part) => part !== '').join(' · '),
    tooltip: [`${what} ${item.name}`, item.detail, problems || 'No problems']
      .filter((l) => l !== '')
      .join('\n'),
    icon: icons[item.kind] ?? 'circle-outline',
    severity: worstSeverity(item.problems),
    problems: item.problems,
    uri,
    selection: item.selectionRange,
    contextValue: item.kind,
    children,
  };
}

function groupNode(
  uri: string,
  id: string,
  label: string,
  kind: string,
  children: readonly DefinitionNode[],
): DefinitionNode {
  const problems = sum(children);
  const status = problemText(problems);
  return {
    id,
    label,
    description: [String(children.length), status].filter((part) => part !== '').join(' · '),
    tooltip: `${children.length} ${label.toLowerCase()}${status ? `\n${status}` : ''}`,
    icon: icons[kind]!,
    severity: worstSeverity(problems),
    problems,
    uri,
    contextValue: kind,
    children,
  };
}

/** A group's problems: its children's, whose ranges never overlap. */
function sum(children: readonly DefinitionNode[]): ProblemCount {
  const total = { ...noProblems };
  for (const { problems } of children) {
    total.errors += problems.errors;
    total.warnings += problems.warnings;
    total.infos += problems.infos;
    total.hints += problems.hints;
  }
  return total;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
