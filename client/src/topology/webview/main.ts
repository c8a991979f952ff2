/**
 * The Topology webview's script: draws a definition as lanes — the host nodes, the guest
 * cluster's VMs (with the witness), the VMs outside it, and the storage locations with the
 * shared disks on them — and lines for what connects them (a VM attaches a disk; a VM prefers a
 * host). Every name from the file is set with `textContent` or as an attribute value: never as
 * markup, so a name like `<img onerror=…>` shows as those characters.
 */
import type {
  DefinitionOverview,
  FailureHighlight,
  OverviewItem,
  SharedDiskOverview,
  TextRange,
  VirtualMachineOverview,
} from '../../../../server/src/protocol';
import { problemText, worstSeverity } from '../../definitions/definitionNodes';
import { element } from '../../webviewDom/element';
import type { FromWebview, ToWebview } from '../messages';

declare function acquireVsCodeApi(): { postMessage(message: FromWebview): void };

const vscode = acquireVsCodeApi();
const root = document.getElementById('root')!;
const svgNamespace = 'http://www.w3.org/2000/svg';

/** Boxes by kind and lower-cased name, for drawing the lines between them. */
let boxes = new Map<string, HTMLElement>();
let links: { from: string; to: string; kind: 'attach' | 'prefers' }[] = [];

/** The failure "Simulate failures" last showed: its shapes stay marked across redraws. */
let highlighted: FailureHighlight | undefined;

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message.type === 'overview') render(message.overview, message.fileName);
  else if (message.type === 'highlight') {
    highlighted = message.highlight;
    markFailure();
  } else {
    root.replaceChildren(
      element('p', 'empty', `${message.fileName} is no longer a definition in this workspace.`),
    );
  }
});
new ResizeObserver(() => drawLinks()).observe(root);
vscode.postMessage({ type: 'ready' });

function render(overview: DefinitionOverview, fileName: string): void {
  boxes = new Map();
  links = [];
  const page = element('div', 'page');
  const heading = element('header', 'heading');
  heading.append(element('h1', '', overview.name ?? fileName), element('span', 'file', fileName));
  const total = problemText(overview.problems);
  heading.append(
    element('span', `status ${worstSeverity(overview.problems) ?? 'ok'}`, total || 'No problems'),
  );
  page.append(heading);
  if (overview.unreadable) {
    page.append(element('p', 'empty', overview.unreadable));
    root.replaceChildren(page);
    return;
  }

  const host = overview.hostCluster;
  const hostLane = lane('Host cluster', host);
  for (const node of host?.nodes ?? []) hostLane.body.append(box('hostNode', node, 'Host node'));
  page.append(hostLane.lane);

  const guest = overview.guestCluster;
  const guestLane = lane('Guest cluster', guest);
  const others: VirtualMachineOverview[] = [];
  for (const vm of overview.virtualMachines) {
    if (vm.guestNode) guestLane.body.append(vmBox(vm));
    else others.push(vm);
    for (const attachment of vm.attachments) {
      links.push({
        from: key('virtualMachine', vm.name),
        to: key('sharedDisk', attachment.disk),
        kind: 'attach',
      });
    }
    if (vm.preferredHost) {
      links.push({
        from: key('virtualMachine', vm.name),
        to: key('hostNode', vm.preferredHost),
        kind: 'prefers',
      });
    }
  }
  if (guest?.witness) {
    const witness = box('witness', guest.witness, 'Quorum witness');
    guestLane.body.append(witness);
    if (guest.witness.witnessKind === 'disk' && guest.witness.target) {
      links.push({
        from: key('witness', guest.witness.name),
        to: key('sharedDisk', guest.witness.target),
        kind: 'attach',
      });
    }
  }
  page.append(guestLane.lane);
  if (others.length > 0) {
    const otherLane = lane('Other virtual machines', undefined);
    for (const vm of others) otherLane.body.append(vmBox(vm));
    page.append(otherLane.lane);
  }

  page.append(storageLane(overview));
  const legend = element('footer', 'legend');
  legend.append(
    element('span', 'attach', 'attaches a shared disk'),
    element('span', 'prefers', 'prefers a host'),
    element('span', 'hint', 'Click a shape to show it in the editor.'),
  );
  page.append(legend);

  const svg = document.createElementNS(svgNamespace, 'svg');
  svg.classList.add('links');
  svg.setAttribute('aria-hidden', 'true');
  page.append(svg);
  root.replaceChildren(page);
  markFailure();
  drawLinks();
}

function storageLane(overview: DefinitionOverview): HTMLElement {
  const storage = overview.hostCluster?.storage;
  const title =
    storage?.storageKind === 'sofs'
      ? 'Scale-Out File Server'
      : storage?.storageKind === 'csv'
        ? 'Cluster Shared Volumes'
        : 'Storage';
  const { lane: storageLaneElement, body } = lane(
    title,
    storage && { ...storage, name: storage.sofsName ?? '' },
  );
  const byLocation = new Map<string, SharedDiskOverview[]>();
  for (const disk of overview.sharedDisks) {
    const where = disk.location?.toLowerCase() ?? '';
    byLocation.set(where, [...(byLocation.get(where) ?? []), disk]);
  }
  for (const location of storage?.locations ?? []) {
    const group = box(
      location.kind,
      location,
      location.kind === 'volume' ? 'Cluster Shared Volume' : 'SOFS share',
    );
    group.classList.add('location');
    const disks = element('div', 'disks');
    for (const disk of byLocation.get(location.name.toLowerCase()) ?? [])
      disks.append(box('sharedDisk', disk, 'Shared disk'));
    byLocation.delete(location.name.toLowerCase());
    group.append(disks);
    body.append(group);
  }
  const elsewhere = [...byLocation.values()].flat();
  if (elsewhere.length > 0) {
    const group = element('div', 'box location unplaced');
    group.append(element('span', 'kind', 'Not on declared storage'));
    const disks = element('div', 'disks');
    for (const disk of elsewhere) disks.append(box('sharedDisk', disk, 'Shared disk'));
    group.append(disks);
    body.append(group);
  }
  return storageLaneElement;
}

function vmBox(vm: VirtualMachineOverview): HTMLElement {
  return box('virtualMachine', vm, vm.guestNode ? 'Guest node' : 'Virtual machine');
}

function lane(title: string, item: OverviewItem | undefined): { lane: HTMLElement; body: HTMLElement } {
  const section = element('section', 'lane');
  const header = element('h2', '', title);
  if (item) {
    if (item.name) header.append(element('span', 'name', ` ${item.name}`));
    if (item.detail) header.append(element('span', 'detail', ` · ${item.detail}`));
    decorate(header, item);
    header.classList.add('clickable');
    header.addEventListener('click', () => reveal(item.selectionRange));
  }
  const body = element('div', 'lane-body');
  section.append(header, body);
  return { lane: section, body };
}

function box(kind: string, item: OverviewItem, what: string): HTMLElement {
  const shape = element('div', `box ${kind}`);
  shape.tabIndex = 0;
  shape.setAttribute('role', 'button');
  shape.dataset.kind = kind;
  shape.append(element('span', 'kind', what), element('span', 'name', item.name));
  if (item.detail) shape.append(element('span', 'detail', item.detail));
  decorate(shape, item);
  shape.addEventListener('click', (event) => {
    event.stopPropagation();
    reveal(item.selectionRange);
  });
  shape.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') reveal(item.selectionRange);
  });
  boxes.set(key(kind, item.name), shape);
  return shape;
}

/** Marks a shape with its worst problem: a class for the colour, a badge with the count, a tooltip. */
function decorate(shape: HTMLElement, item: OverviewItem): void {
  const severity = worstSeverity(item.problems);
  const summary = problemText(item.problems);
  shape.title = [item.name, item.detail, summary || 'No problems'].filter((line) => line !== '').join('\n');
  if (!severity) return;
  shape.classList.add(severity);
  const count = item.problems.errors + item.problems.warnings + item.problems.infos;
  const badge = element('span', `badge ${severity}`, String(count));
  badge.setAttribute('aria-label', summary);
  shape.append(badge);
}

function drawLinks(): void {
  const svg = root.querySelector<SVGSVGElement>('svg.links');
  const page = root.querySelector<HTMLElement>('.page');
  if (!svg || !page) return;
  const origin = page.getBoundingClientRect();
  svg.setAttribute('width', String(page.scrollWidth));
  svg.setAttribute('height', String(page.scrollHeight));
  svg.replaceChildren();
  for (const link of links) {
    const from = boxes.get(link.from)?.getBoundingClientRect();
    const to = boxes.get(link.to)?.getBoundingClientRect();
    if (!from || !to) continue;
    const [x1, y1] = [from.left + from.width / 2 - origin.left, from.top + from.height / 2 - origin.top];
    const [x2, y2] = [to.left + to.width / 2 - origin.left, to.top + to.height / 2 - origin.top];
    const path = document.createElementNS(svgNamespace, 'path');
    const bend = (y2 - y1) / 2;
    path.setAttribute('d', `M ${x1} ${y1} C ${x1} ${y1 + bend}, ${x2} ${y2 - bend}, ${x2} ${y2}`);
    path.classList.add(link.kind);
    svg.append(path);
  }
}

function reveal(range: TextRange): void {
  vscode.postMessage({ type: 'reveal', range });
}

/** Outlines what the simulated failure takes down, and says which failure that is. */
function markFailure(): void {
  for (const shape of boxes.values()) shape.classList.remove('affected');
  root.querySelector('.failure')?.remove();
  if (!highlighted) return;
  const marked = [
    ...highlighted.virtualMachines.map((name) => key('virtualMachine', name)),
    ...highlighted.sharedDisks.map((name) => key('sharedDisk', name)),
    ...highlighted.hostNodes.map((name) => key('hostNode', name)),
  ].flatMap((k) => boxes.get(k) ?? []);
  for (const shape of marked) shape.classList.add('affected');
  const banner = element(
    'p',
    'failure',
    `Simulated: ${highlighted.failure}. ${marked.length} outlined ${marked.length === 1 ? 'shape goes' : 'shapes go'} down or move.`,
  );
  root.querySelector('.heading')?.after(banner);
}

function key(kind: string, name: string): string {
  return `${kind}\u0000${name.toLowerCase()}`;
}
