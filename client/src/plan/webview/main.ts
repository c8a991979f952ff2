/**
 * The Plan webview's script: the steps of a deployment plan by phase, each with its target,
 * where it runs, the call it makes and how a resumed run knows it is done. Everything from the
 * definition is set as text, never as markup.
 */
import type { DeploymentPlan, PlanPhase, PlanStep } from '../../../../server/src/protocol';
import type { FromPlanWebview, ToPlanWebview } from '../messages';
import { element } from '../../webviewDom/element';
import { callText, probeText, valueText } from '../planText';

declare function acquireVsCodeApi(): { postMessage(message: FromPlanWebview): void };

const vscode = acquireVsCodeApi();
const root = document.getElementById('root')!;

const phaseTitles: Record<PlanPhase, string> = {
  check: 'Check the host cluster',
  disks: 'Shared disks',
  vms: 'Virtual machines',
  attach: 'Attach the shared disks',
  highAvailability: 'High availability, anti-affinity and start',
  guestCluster: 'Inside the guests: the guest cluster',
};

window.addEventListener('message', (event: MessageEvent<ToPlanWebview>) => {
  const message = event.data;
  if (message.type === 'plan') render(message.plan, message.fileName);
  else markStatus(message.done, message.toRun);
});
vscode.postMessage({ type: 'ready' });

function render(plan: DeploymentPlan, fileName: string): void {
  const page = element('div', 'page');
  const heading = element('header', 'heading');
  heading.append(element('h1', '', `Deployment plan: ${plan.definition || fileName}`));
  const open = element('button', '', 'Open plan JSON');
  open.addEventListener('click', () => vscode.postMessage({ type: 'openJson' }));
  heading.append(open);
  const check = element('button', 'secondary', 'Check against the cluster');
  check.title = 'A dry run: probes every step on the cluster and marks those already done. Changes nothing.';
  check.addEventListener('click', () => vscode.postMessage({ type: 'checkCluster' }));
  heading.append(check);
  page.append(heading);
  page.append(
    element(
      'p',
      'summary',
      `${plan.steps.length} steps: host cluster ${plan.hostCluster}, guest cluster ${plan.guestCluster}. ` +
        'Each step is probed first; a step already done is skipped, so a second run continues where the first stopped. Nothing is ever deleted.',
    ),
  );
  let number = 0;
  for (const phase of Object.keys(phaseTitles) as PlanPhase[]) {
    const steps = plan.steps.filter((step) => step.phase === phase);
    if (steps.length === 0) continue;
    const section = element('section', 'phase');
    section.append(element('h2', '', phaseTitles[phase]));
    const list = element('ol', 'steps');
    list.start = number + 1;
    for (const step of steps) list.append(stepItem(step));
    number += steps.length;
    section.append(list);
    page.append(section);
  }
  root.replaceChildren(page);
}

/** Marks each step with what the dry run found. */
function markStatus(done: readonly string[], toRun: readonly string[]): void {
  for (const item of root.querySelectorAll<HTMLElement>('li.step')) {
    const id = item.dataset.id ?? '';
    item.querySelector('.status')?.remove();
    const state = done.includes(id) ? 'already done' : toRun.includes(id) ? 'to run' : '';
    if (!state) continue;
    item.classList.toggle('done', state === 'already done');
    item
      .querySelector('.title')
      ?.append(element('span', `status ${state === 'already done' ? 'done' : 'todo'}`, state));
  }
}

function stepItem(step: PlanStep): HTMLElement {
  const item = element('li', `step${step.optional ? ' optional' : ''}`);
  item.dataset.id = step.id;
  const title = element('div', 'title', step.title);
  if (step.optional) title.append(element('span', 'tag', 'optional'));
  item.append(title);
  const where = step.runOn.kind === 'local' ? 'from this machine' : `inside ${step.runOn.computerName}`;
  item.append(element('div', 'where', `${step.target.name} · runs ${where} · ${step.os}`));
  item.append(element('code', 'call', callText(step)));
  if (step.set) {
    const sets = Object.entries(step.set).map(([name, value]) => `.${name} = ${valueText(value)}`);
    item.append(element('code', 'call', `then sets ${sets.join(', ')}`));
  }
  item.append(
    element(
      'div',
      'probe',
      step.probe ? probeText(step.probe) : 'Run every time: running it again changes nothing.',
    ),
  );
  return item;
}
