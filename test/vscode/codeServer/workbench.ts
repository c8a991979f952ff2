/**
 * The workbench as a person sees it in the browser: helpers for checks that click, type, hover and
 * look (see browserChecks.ts). Every wait has a timeout; every check can save a screenshot.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath))
    throw new Error(`${chromiumPath} is missing: run scripts/code-server-setup.sh.`);
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export class Workbench {
  constructor(
    readonly page: Page,
    /** Folder for screenshots (test-artifacts/). */
    readonly artifacts: string,
    /** Prefix of screenshot names, e.g. the suite mode. */
    readonly prefix: string,
    /** The window's workspace folder on disk (a copy of examples/), for checks that add files. */
    readonly workspace: string,
  ) {}

  /** Saves a screenshot of the whole page and returns its path. */
  async screenshot(name: string): Promise<string> {
    const file = path.join(this.artifacts, `${this.prefix}-${name}.png`);
    await this.page.screenshot({ path: file, timeout: 15_000 });
    return file;
  }

  /** Waits for the workbench to be drawn. */
  async waitForWorkbench(timeoutMs = 90_000): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor({ timeout: timeoutMs });
  }

  /** Answers "Do you trust the authors of the files in this folder?". */
  async answerTrustPrompt(trust: boolean, timeoutMs = 90_000): Promise<void> {
    const label = trust ? 'Yes, I trust the authors' : "No, I don't trust the authors";
    const button = this.page.getByRole('button', { name: label });
    await button.waitFor({ timeout: timeoutMs });
    await this.screenshot('trust-prompt');
    await button.click();
    await button.waitFor({ state: 'detached', timeout: 15_000 });
  }

  /** Runs a command from the Command Palette by its title, as a person types it. */
  async runCommand(title: string): Promise<void> {
    // Keys typed while a webview has the focus go to its frame: give the focus back to the workbench.
    await this.page.locator('.part.sidebar .composite.title').first().click();
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 15_000 });
    await input.fill(`>${title}`);
    await this.page
      .locator('.quick-input-list .monaco-list-row', { hasText: title })
      .first()
      .waitFor({ timeout: 15_000 });
    await input.press('Enter');
  }

  /** Opens a file of the workspace with Quick Open and waits for its editor tab. */
  async openFile(name: string): Promise<void> {
    await this.runCommand('Go to File');
    const input = this.page.locator('.quick-input-widget input');
    await input.fill(name);
    await this.page
      .locator('.quick-input-list .monaco-list-row', { hasText: name })
      .first()
      .waitFor({ timeout: 15_000 });
    await input.press('Enter');
    await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 15_000 });
  }

  /** Opens a definition from its row in the Definitions view, as a person would. */
  async openFromDefinitions(row: string, fileName: string): Promise<void> {
    await this.runCommand('Focus on Definitions View');
    await this.page.locator('.part.sidebar .monaco-list-row', { hasText: row }).first().click();
    await this.page
      .locator('.tabs-container .tab.active', { hasText: fileName })
      .first()
      .waitFor({ timeout: 15_000 });
  }

  /** Opens the Problems panel and returns it. */
  async openProblems(): Promise<Locator> {
    await this.runCommand('Problems: Focus on Problems View');
    const panel = this.page.locator('.markers-panel');
    await panel.waitFor({ timeout: 15_000 });
    return panel;
  }

  /** The first line of the active editor whose whole text is `text` (spaces as typed). */
  editorLine(text: string): Locator {
    return this.page
      .locator('.editor-group-container.active .monaco-editor .view-lines .view-line')
      .filter({ hasText: new RegExp(`^${escapeRegExp(text).replace(/ /g, '[ \\u00a0]')}$`) })
      .first();
  }

  /**
   * Moves the mouse over `target` and waits for a hover that contains `expected`.
   * `.monaco-hover` first matches a hidden, empty element, so the wait is for the content.
   */
  async hover(target: Locator, expected: string | RegExp, timeoutMs = 20_000): Promise<Locator> {
    await this.page.mouse.move(0, 0);
    await target.hover();
    const content = this.page.locator('.monaco-hover-content', { hasText: expected }).first();
    await content.waitFor({ state: 'visible', timeout: timeoutMs });
    return content;
  }
}

/** The page inside the newest webview panel: VS Code nests it in two frames. */
export function webviewFrame(page: Page) {
  return page.locator('iframe.webview').last().contentFrame().frameLocator('iframe#active-frame');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
