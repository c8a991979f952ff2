/**
 * Checks that look at the page as a person would, after the suites of the same window have run.
 * To add one, append it to `browserChecks`; throw to fail, and save screenshots with `workbench.screenshot`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SuiteMode } from '../results';
import { webviewFrame, type Workbench } from './workbench';

/** Names that are markup: shown right, they read as these characters and run nothing. */
const hostileVm = '<img src=x onerror=alert(1)>';
const hostileDisk = '<b>SqlLog</b>';

export interface BrowserCheck {
  readonly name: string;
  /** The window it runs in. */
  readonly mode: SuiteMode;
  /** Adds what the check needs to the window's workspace folder, before the window opens. */
  prepare?(workspace: string): void;
  run(workbench: Workbench): Promise<void>;
}

export const browserChecks: BrowserCheck[] = [
  {
    name: 'the Problems panel lists STOR001 for the broken example',
    mode: 'trusted',
    async run(workbench) {
      await workbench.openFile('broken.gcluster.yaml');
      const panel = await workbench.openProblems();
      await panel.getByText('STOR001').first().waitFor({ timeout: 30_000 });
      await panel.getByText("Shared disk 'AppData' is a .vhd", { exact: false }).first().waitFor();
      await workbench.screenshot('problems');
    },
  },
  {
    name: 'hovering sharedDisks shows its documentation',
    mode: 'trusted',
    async run(workbench) {
      await workbench.openFile('broken.gcluster.yaml');
      const key = workbench.editorLine('sharedDisks:').locator('span > span').first();
      await workbench.hover(key, 'The virtual hard disks that every node of the guest cluster attaches');
      await workbench.screenshot('hover-sharedDisks');
    },
  },
  {
    name: 'the Definitions view shows the example VMs',
    mode: 'trusted',
    async run(workbench) {
      await workbench.runCommand('Focus on Definitions View');
      const sidebar = workbench.page.locator('.part.sidebar');
      const rows = sidebar.locator('.monaco-list-row');
      // One definition open at a time, so that its rows fit the view (the list draws only what shows).
      await sidebar.getByRole('button', { name: 'Collapse All' }).click();
      for (const [definition, vms] of [
        ['sql-prod', ['SQLVM01', 'SQLVM02']],
        ['files-hq', ['FSVM01', 'FSVM02', 'FSVM03']],
      ] as const) {
        const twistie = rows.filter({ hasText: definition }).first().locator('.monaco-tl-twistie');
        await twistie.click();
        // Collapse All closed the lists inside too; the only one shown now is this definition's.
        await rows.filter({ hasText: 'Virtual machines' }).first().locator('.monaco-tl-twistie').click();
        for (const vm of vms) await rows.filter({ hasText: vm }).first().waitFor({ timeout: 30_000 });
        await workbench.screenshot(`definitions-${definition}`);
        await twistie.click();
      }
    },
  },
  {
    name: 'the language status shows the problem counts, and Show Output the log',
    mode: 'trusted',
    async run(workbench) {
      await workbench.openFile('broken.gcluster.yaml');
      const page = workbench.page;
      await page.locator('[id="status.languageStatus"]').click();
      const hover = page.locator('.monaco-hover-content', { hasText: 'Guest cluster definition validated' });
      await hover.first().waitFor({ state: 'visible', timeout: 20_000 });
      const text = (await hover.first().textContent()) ?? '';
      if (!/13\D+3/.test(text)) throw new Error(`language status: ${text}`);
      await workbench.screenshot('language-status');
      await page.keyboard.press('Escape');
      await workbench.runCommand('Guest Cluster: Show Output');
      // The channel's latest lines: the log of the language server and of the commands the suites ran.
      await page
        .locator('.part.panel .monaco-editor .view-lines', { hasText: /\[info\]/ })
        .first()
        .waitFor({ timeout: 20_000 });
      const channel = await page.locator('.part.panel select.monaco-select-box').first().inputValue();
      if (!/Guest Cluster/.test(channel)) throw new Error(`the Output view shows ${channel}`);
      await workbench.screenshot('output');
    },
  },
  {
    name: 'the Topology view draws the VMs and disks, and a hostile name as text',
    mode: 'trusted',
    prepare(workspace) {
      // The SQL example with markup for names, and nothing else it shares with the example.
      const example = fs.readFileSync(path.join(workspace, 'sql-csv-2012r2.gcluster.yaml'), 'utf8');
      const hostile = example
        .replaceAll('SQLVM01', hostileVm)
        .replaceAll('SQLVM02', 'HOSTVM02')
        .replaceAll('SqlLog', hostileDisk)
        .replaceAll('SQLCLUS01', 'HOSTCLUS01')
        .replaceAll('\\Shared\\', '\\Hostile\\')
        .replace('name: sql-prod', 'name: <script>alert(2)</script>');
      fs.writeFileSync(path.join(workspace, 'hostile.gcluster.yaml'), hostile);
    },
    async run(workbench) {
      let dialogs = 0;
      workbench.page.on('dialog', (dialog) => {
        dialogs++;
        void dialog.dismiss();
      });
      await workbench.openFile('hostile.gcluster.yaml');
      await workbench.runCommand('Guest Cluster: Show Topology');
      const frame = webviewFrame(workbench.page);
      const vms = frame.locator('.box.virtualMachine .name');
      await vms.first().waitFor({ timeout: 30_000 });
      const vmNames = await vms.allTextContents();
      if (!vmNames.includes(hostileVm) || !vmNames.includes('HOSTVM02')) {
        throw new Error(`VM shapes: ${JSON.stringify(vmNames)}`);
      }
      const diskNames = await frame.locator('.box.sharedDisk .name').allTextContents();
      for (const disk of ['SqlData', hostileDisk, 'Witness']) {
        if (!diskNames.includes(disk)) throw new Error(`disk shapes: ${JSON.stringify(diskNames)}`);
      }
      const heading = await frame.locator('h1').textContent();
      if (heading !== '<script>alert(2)</script>') throw new Error(`heading: ${heading}`);
      const injected = await frame.locator('img, b, .page script').count();
      if (injected > 0) throw new Error(`${injected} elements were made from names in the file`);
      // Problems are marked on the shapes: a VM named like that breaks the computer-name rules.
      await frame.locator('.box.virtualMachine.error .badge').first().waitFor({ timeout: 10_000 });
      if (dialogs > 0) throw new Error('a name from the file ran script');
      await workbench.screenshot('topology-hostile');
    },
  },
  {
    name: 'Simulate Failures shows the table in the Markdown preview and outlines the failure in Topology',
    mode: 'trusted',
    async run(workbench) {
      // Opened from its row in the Definitions view (the Topology of the hostile copy is open beside).
      await workbench.openFromDefinitions('sql-prod', 'sql-csv-2012r2.gcluster.yaml');
      await workbench.runCommand('Guest Cluster: Simulate Failures');
      // Two webviews open (Topology, then the Markdown preview): look in each for what it shows.
      const frames = () =>
        workbench.page
          .locator('iframe.webview')
          .all()
          .then((all) => all.map((f) => f.contentFrame().frameLocator('iframe#active-frame')));
      const deadline = Date.now() + 30_000;
      let outlined: string[] = [];
      let banner = '';
      let table = false;
      while (Date.now() < deadline && (outlined.length === 0 || !table)) {
        for (const frame of await frames()) {
          const shapes = await frame
            .locator('.box.affected .name')
            .allTextContents()
            .catch(() => []);
          if (shapes.length > 0) {
            outlined = shapes;
            banner =
              (await frame
                .locator('.failure')
                .textContent()
                .catch(() => '')) ?? '';
          }
          if (
            (await frame
              .locator('table td', { hasText: 'SQLVM01 restarts on HV03' })
              .count()
              .catch(() => 0)) > 0
          )
            table = true;
        }
        await workbench.page.waitForTimeout(250);
      }
      // The worst single failure of the SQL example is HV01: SQLVM01 restarts elsewhere.
      if (JSON.stringify(outlined.sort()) !== JSON.stringify(['HV01', 'SQLVM01'])) {
        throw new Error(`outlined shapes: ${JSON.stringify(outlined)}`);
      }
      if (!banner.startsWith('Simulated: HV01 fails.')) throw new Error(`banner: ${banner}`);
      if (!table) throw new Error('the Markdown preview does not show the failure table');
      await workbench.screenshot('simulate-failures');
    },
  },
  {
    name: 'the Command Palette offers no deployment command in Restricted Mode',
    mode: 'restricted',
    async run(workbench) {
      const page = workbench.page;
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: 15_000 });
      await input.fill('>Guest Cluster: ');
      const rows = page.locator('.quick-input-list .monaco-list-row');
      await rows.filter({ hasText: 'Show Topology' }).first().waitFor({ timeout: 15_000 });
      const titles = await rows.allTextContents();
      if (titles.some((title) => /Plan Deployment|Guest Cluster: Deploy|Check Prerequisites/.test(title))) {
        throw new Error(`the palette offers Plan Deployment: ${titles.join(' | ')}`);
      }
      await workbench.screenshot('palette-restricted');
      await page.keyboard.press('Escape');
    },
  },
  {
    name: 'the Plan view lists the steps, and marks those already done after a check against the cluster',
    mode: 'trusted',
    async run(workbench) {
      // The suites deployed the SQL example to the simulated cluster: every step is done there.
      await workbench.openFromDefinitions('sql-prod', 'sql-csv-2012r2.gcluster.yaml');
      await workbench.runCommand('Guest Cluster: Plan Deployment');
      const frame = webviewFrame(workbench.page);
      await frame.locator('li.step').first().waitFor({ timeout: 30_000 });
      const steps = await frame.locator('li.step').count();
      await frame.getByRole('button', { name: 'Check against the cluster' }).click();
      await frame.locator('.status.done').first().waitFor({ timeout: 30_000 });
      await workbench.page.waitForTimeout(500);
      const done = await frame.locator('.status.done').count();
      if (done !== steps) throw new Error(`${done} of ${steps} steps marked done`);
      await workbench.screenshot('plan-checked');
    },
  },
];
