import type { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { isMap, isScalar, type Node, type Pair } from 'yaml';
import type { Analysis } from './analysis';
import { diskFormat } from './domain';
import type {
  Attachment,
  GuestCluster,
  HostCluster,
  Network,
  Quorum,
  ScaleOutFileServer,
  SharedDisk,
  Storage,
  StorageLocation,
  VirtualMachine,
} from './model';
import type { Span } from './problem';
import { deref, spanOf, type Field } from './yamlAccess';

/**
 * The outline of a definition: the host cluster (its nodes, storage and networks), the shared
 * disks, the virtual machines with their disk attachments, and the guest cluster (its nodes and
 * quorum). Each symbol's range is its whole mapping and its selection range its name (or, for a
 * section, its key).
 *
 * Read from the tolerant model, so a half-typed definition gets the outline of what is there:
 * a missing section is simply absent, and so is a list item without a name yet.
 */
export function findDocumentSymbols(document: TextDocument, analysis: Analysis): DocumentSymbol[] {
  const outline = new Outline(document, analysis);
  const model = analysis.model;
  const symbols: (DocumentSymbol | undefined)[] = [
    model.hostCluster && outline.hostCluster(model.hostCluster),
    outline.list(['sharedDisks'], 'Shared disks', model.sharedDisks, (disk) => outline.sharedDisk(disk)),
    outline.list(['virtualMachines'], 'Virtual machines', model.virtualMachines, (vm) =>
      outline.virtualMachine(vm),
    ),
    model.guestCluster && outline.guestCluster(model.guestCluster),
  ];
  return present(symbols);
}

/** Builds the symbols of one document; holds what every symbol needs to turn spans into ranges. */
class Outline {
  private readonly text: string;

  constructor(
    private readonly document: TextDocument,
    private readonly analysis: Analysis,
  ) {
    this.text = analysis.parsed.text;
  }

  hostCluster(host: HostCluster): DocumentSymbol {
    const children = [
      this.list(['hostCluster', 'nodes'], 'Nodes', host.nodes, (node) =>
        this.named(node, node.name, SymbolKind.Struct),
      ),
      host.storage && this.storage(host.storage),
      this.list(['hostCluster', 'networks'], 'Networks', host.networks ?? [], (network) =>
        this.network(network),
      ),
    ];
    return this.symbol('Host cluster', SymbolKind.Namespace, host, host.keySpan, host.name?.value, children);
  }

  sharedDisk(disk: SharedDisk): DocumentSymbol | undefined {
    const format = disk.path && diskFormat(disk.path.value);
    const detail = words([
      disk.sizeGB && `${disk.sizeGB.value} GB`,
      format && format !== 'other' ? `.${format}` : undefined,
      disk.type?.value,
    ]);
    return this.named(disk, disk.name, SymbolKind.File, detail);
  }

  virtualMachine(vm: VirtualMachine): DocumentSymbol | undefined {
    const memory = vm.memory;
    const detail = [
      vm.generation && `Gen ${vm.generation.value}`,
      vm.processors && `${vm.processors.value} vCPU`,
      memory?.startupGB && `${memory.startupGB.value} GB${memory.dynamic?.value === true ? ' dynamic' : ''}`,
    ]
      .filter((part) => part !== undefined)
      .join(' · ');
    const children = vm.attachments.map((attachment) => this.attachment(attachment));
    return this.named(vm, vm.name, SymbolKind.Class, detail || undefined, children);
  }

  guestCluster(guest: GuestCluster): DocumentSymbol {
    const children = [
      this.list(['guestCluster', 'nodes'], 'Nodes', guest.nodes, (node) =>
        this.reference(node, SymbolKind.Class),
      ),
      guest.quorum && this.quorum(guest.quorum),
    ];
    return this.symbol(
      'Guest cluster',
      SymbolKind.Namespace,
      guest,
      guest.keySpan,
      guest.name?.value,
      children,
    );
  }

  /**
   * A section that is a list (`nodes`, `sharedDisks`, …): shown as soon as its key is written,
   * even before it has items, and spanning from its key to the end of its value.
   */
  list<T>(
    path: readonly string[],
    title: string,
    items: readonly T[],
    each: (item: T) => DocumentSymbol | undefined,
  ): DocumentSymbol | undefined {
    const pair = this.pairAt(path);
    if (!pair) return undefined;
    return this.symbol(title, SymbolKind.Array, pair, pair.keySpan, undefined, items.map(each));
  }

  private storage(storage: Storage): DocumentSymbol {
    const children = [
      ...storage.volumes.map((volume) => this.location(volume)),
      storage.sofs && this.scaleOutFileServer(storage.sofs),
    ];
    return this.symbol('Storage', SymbolKind.Object, storage, storage.keySpan, storage.kind?.value, children);
  }

  private scaleOutFileServer(sofs: ScaleOutFileServer): DocumentSymbol {
    const shares = sofs.shares.map((share) => this.location(share));
    return this.symbol(
      'Scale-Out File Server',
      SymbolKind.Module,
      sofs,
      sofs.keySpan,
      sofs.name?.value,
      shares,
    );
  }

  private location(location: StorageLocation): DocumentSymbol | undefined {
    return this.named(location, location.name, SymbolKind.Package, location.path?.value);
  }

  private network(network: Network): DocumentSymbol | undefined {
    return this.named(network, network.name, SymbolKind.Interface, network.role?.value);
  }

  /** An attachment shows the disk it names, with the slot it takes when the long form says so. */
  private attachment(attachment: Attachment): DocumentSymbol | undefined {
    const { disk, controller, controllerNumber, location } = attachment;
    if (!disk) return undefined;
    const slot = controllerNumber && location ? `${controllerNumber.value}:${location.value}` : undefined;
    const detail = words([controller?.value, slot]);
    return this.named(attachment, disk, SymbolKind.File, detail);
  }

  private quorum(quorum: Quorum): DocumentSymbol {
    const detail = words([quorum.witness?.value, witnessTarget(quorum)?.value]);
    return this.symbol('Quorum', SymbolKind.Object, quorum, quorum.keySpan, detail);
  }

  /** A scalar that names a declared thing, shown with the kind of what it names. */
  private reference(field: Field<string>, kind: SymbolKind): DocumentSymbol | undefined {
    return this.named({ span: field.span }, field, kind);
  }

  /** A list item known by its name; one without a (non-blank) name yet is left out. */
  private named(
    item: { readonly span: Span },
    name: Field<string> | undefined,
    kind: SymbolKind,
    detail?: string,
    children: readonly (DocumentSymbol | undefined)[] = [],
  ): DocumentSymbol | undefined {
    if (!name || name.value.trim() === '') return undefined;
    return this.symbol(name.value, kind, item, name.span, detail, children);
  }

  private symbol(
    name: string,
    kind: SymbolKind,
    whole: { readonly span: Span; readonly keySpan?: Span },
    selection: Span,
    detail: string | undefined,
    children: readonly (DocumentSymbol | undefined)[] = [],
  ): DocumentSymbol {
    // The range must contain the selection: a section's key stands before its mapping.
    const span = cover([this.trimmed(whole.span), whole.keySpan ?? selection, selection]);
    const symbol: DocumentSymbol = {
      name,
      kind,
      range: this.rangeOf(span),
      selectionRange: this.rangeOf(selection),
    };
    if (detail) symbol.detail = detail;
    const shown = present(children);
    if (shown.length > 0) symbol.children = shown;
    return symbol;
  }

  /** The key and value of a pair reached through mappings by keys, as the model reads it. */
  private pairAt(path: readonly string[]): { keySpan: Span; span: Span } | undefined {
    const yaml = this.analysis.parsed.yaml;
    if (!yaml || this.analysis.parsed.refused) return undefined;
    let pair: Pair | undefined;
    let node: unknown = yaml.contents;
    for (const key of path) {
      const map = deref(yaml, node);
      if (!isMap(map)) return undefined;
      // The first pair with the key, as the model reads a repeated key.
      pair = map.items.find((item) => isScalar(item.key) && item.key.value === key);
      if (!pair) return undefined;
      node = pair.value;
    }
    if (!pair) return undefined;
    const keySpan = spanOf(pair.key as Node | null, { start: 0, end: 0 });
    return { keySpan, span: spanOf(deref(yaml, pair.value) as Node | null, keySpan) };
  }

  /** A block collection's span runs on to the next line; the outline stops at its last character. */
  private trimmed(span: Span): Span {
    let end = span.end;
    while (end > span.start && /\s/.test(this.text[end - 1] ?? '')) end--;
    return { start: span.start, end };
  }

  private rangeOf(span: Span) {
    return { start: this.document.positionAt(span.start), end: this.document.positionAt(span.end) };
  }
}

function cover(spans: readonly Span[]): Span {
  return {
    start: Math.min(...spans.map((span) => span.start)),
    end: Math.max(...spans.map((span) => span.end)),
  };
}

function present(symbols: readonly (DocumentSymbol | undefined)[]): DocumentSymbol[] {
  return symbols.filter((symbol): symbol is DocumentSymbol => symbol !== undefined);
}

/** What the witness is: the disk, the file share or the storage account its kind calls for. */
function witnessTarget(quorum: Quorum): Field<string> | undefined {
  switch (quorum.witness?.value) {
    case 'disk':
      return quorum.disk;
    case 'fileShare':
      return quorum.path;
    case 'cloud':
      return quorum.storageAccount;
    default:
      return undefined;
  }
}

function words(parts: readonly (string | undefined)[]): string | undefined {
  const shown = parts.filter((part): part is string => part !== undefined && part !== '');
  return shown.length > 0 ? shown.join(' ') : undefined;
}
