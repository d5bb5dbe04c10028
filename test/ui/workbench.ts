// Drives the VS Code workbench (code-server in headless Chromium) for the UI suites.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser } from '../../scripts/vscode/browser';
import { installVsix, isHarmlessNoise, repoRoot, sampleWorkspace, startCodeServer, type CodeServer } from '../../scripts/vscode/codeServer';

/** Screenshots land here (ignored by git; CI keeps them as artifacts). */
export const artifactsDir = path.join(repoRoot, 'test-artifacts', 'ui');

export interface OpenOptions {
  /** Folder to open; the sample notes by default. */
  readonly folder?: string;
  /** Install this .vsix with `--install-extension` and open the folder with no development payload. */
  readonly vsix?: string;
  /** Extra user settings, e.g. a theme. */
  readonly settings?: Record<string, unknown>;
  /** Extra environment for code-server and its extension host, e.g. PAPER_NOTES_CORPUS_DIR. */
  readonly env?: NodeJS.ProcessEnv;
}

/** The Papers tree's groupings: the palette command of each, and what the pane header then says. */
export const PAPER_GROUPINGS = {
  method: { command: 'Paper Notes: Group Papers by Method Family', header: 'by method family' },
  domain: { command: 'Paper Notes: Group Papers by Application Domain', header: 'by application domain' },
  year: { command: 'Paper Notes: Group Papers by Year', header: 'by year' },
  all: { command: 'Paper Notes: Show All Papers', header: 'all papers' },
} as const;

/** One code-server, one Chromium, one page showing the workbench. Close it in `after()`. */
export class Workbench {
  /** Errors the page threw, minus known noise: a suite can assert there are none. */
  readonly pageErrors: string[] = [];
  /** Every console message of the page and its frames, as `type: text` (CSP violations are reported here). */
  readonly consoleMessages: string[] = [];

  private constructor(
    readonly server: CodeServer,
    readonly browser: BrowserContext,
    readonly page: Page,
  ) {
    page.on('console', (message) => {
      this.consoleMessages.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => {
      if (!isHarmlessNoise(error.message)) {
        this.pageErrors.push(error.message);
        // Where it came from, for the failure report: the message alone rarely says whose code threw.
        console.log(`      [page error] ${(error.stack ?? error.message).split('\n').slice(0, 6).join(' | ')}`);
      }
    });
  }

  /** Starts code-server, loads Paper Notes (from source, or from a VSIX), opens the folder and waits for the workbench. */
  static async open(options: OpenOptions = {}): Promise<Workbench> {
    const { vsix } = options;
    const server = await startCodeServer({
      ...(options.settings ? { settings: options.settings } : {}),
      ...(options.env ? { env: options.env } : {}),
      ...(vsix ? { prepare: (dirs: { userDataDir: string; extensionsDir: string }) => installVsix(dirs, vsix) } : {}),
    });
    let browser: BrowserContext | undefined;
    try {
      browser = await launchBrowser(server.runDir);
      const page = browser.pages()[0] ?? (await browser.newPage());
      const workbench = new Workbench(server, browser, page);
      const folder = options.folder ?? sampleWorkspace;
      await page.goto(server.workbenchUrl(vsix ? { folder } : { folder, extensionDevelopmentPath: repoRoot }));
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      return workbench;
    } catch (error) {
      await browser?.close().catch(() => undefined);
      await server.stop();
      throw error;
    }
  }

  /** The activity-bar entry of a view container, by its title. */
  activityBarTab(title: string): Locator {
    return this.page.locator('.activitybar').getByRole('tab', { name: new RegExp(`^${escapeRegExp(title)}`) });
  }

  /** Clicks a view container's activity-bar icon and waits for its side bar to show. */
  async openViewContainer(title: string): Promise<void> {
    const tab = this.activityBarTab(title);
    await tab.waitFor({ timeout: 60_000 }); // appears once the extension's contributions are registered
    if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
    await this.page.locator('.sidebar .composite.title').getByText(title, { exact: false }).first().waitFor();
  }

  /** A row of any tree in the side bar, by its accessible name (label, then description). */
  treeItem(name: string | RegExp): Locator {
    return this.page.locator('.sidebar').getByRole('treeitem', { name });
  }

  /**
   * Expands a tree row if it is collapsed, and waits until its children show: a test that needs a category open opens
   * it itself, whatever ran before it.
   */
  async expandTreeItem(item: Locator): Promise<void> {
    await item.waitFor();
    if ((await item.getAttribute('aria-expanded')) !== 'true') await item.click();
    // The tree may redraw the row meanwhile: read the attribute through the locator, not a handle to the old node.
    for (const deadline = Date.now() + 20_000; Date.now() < deadline; await this.page.waitForTimeout(100)) {
      if ((await item.getAttribute('aria-expanded', { timeout: 1000 }).catch(() => undefined)) === 'true') return;
    }
    throw new Error(`the tree row ${item.toString()} did not expand`);
  }

  /**
   * Groups the Papers tree as asked, from the command palette, and returns the first row matching `firstRow`. The palette
   * offers only the groupings not in use (their enablement), so the pane header says first whether to run anything.
   */
  async groupPapers(grouping: keyof typeof PAPER_GROUPINGS, firstRow: RegExp): Promise<Locator> {
    const { command, header } = PAPER_GROUPINGS[grouping];
    await this.openViewContainer('Paper Notes');
    await this.treeItem(/./).first().waitFor({ timeout: 60_000 }); // the library is ready: the grouping commands are enabled
    const pane = this.page.locator('.sidebar .pane-header', { hasText: 'Papers' }).first();
    if (!new RegExp(header).test((await pane.innerText().catch(() => '')) ?? '')) {
      await this.runCommand(command);
      await this.waitForText(pane, new RegExp(header));
    }
    const row = this.treeItem(firstRow).first();
    await row.waitFor();
    return row;
  }

  /**
   * Waits until nothing under `selector` has been added or removed for `quietMs` (at most `timeoutMs`): a part of the
   * workbench that is still being rebuilt would drop a click or close a menu opened from it.
   */
  async untilStill(selector: string, quietMs = 1500, timeoutMs = 20_000): Promise<void> {
    await this.page.locator(selector).first().waitFor();
    // A script as text: the test bundler renames functions written here with a helper the page does not have.
    await this.page.evaluate(`new Promise((resolve) => {
      let timer;
      let deadline;
      const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(finish, ${quietMs}); });
      function finish() { observer.disconnect(); clearTimeout(timer); clearTimeout(deadline); resolve(); }
      timer = setTimeout(finish, ${quietMs});
      deadline = setTimeout(finish, ${timeoutMs});
      for (const element of document.querySelectorAll(${JSON.stringify(selector)})) {
        observer.observe(element.parentElement ?? element, { childList: true, subtree: true });
      }
    })`);
  }

  /** A tree row's label and description as shown. */
  async treeItemText(item: Locator): Promise<{ label: string; description: string }> {
    const text = async (selector: string): Promise<string> =>
      ((await item.locator(selector).first().textContent({ timeout: 5000 }).catch(() => '')) ?? '').trim();
    return { label: await text('.label-name'), description: await text('.label-description') };
  }

  /**
   * Runs a command by its palette title ("Paper Notes: Show Output") the way a user does: F1, type, Enter. The palette
   * closes when a webview takes the focus late; then it opens it again, as a user would.
   */
  async runCommand(title: string): Promise<void> {
    const widget = this.page.locator('.quick-input-widget');
    const row = this.page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
    for (let attempt = 1; attempt <= 3; attempt++) {
      await this.page.locator('.monaco-workbench').click({ position: { x: 700, y: 10 } }); // focus the window, not a webview
      await this.page.keyboard.press('F1');
      const input = this.page.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill(`>${title}`);
      // Both waits settle (no stray rejection); the first to settle says whether the row showed or the palette closed.
      const shown = await Promise.race([
        row.waitFor({ timeout: 30_000 }).then(() => true, () => undefined),
        widget.waitFor({ state: 'hidden', timeout: 30_000 }).then(() => false, () => undefined),
      ]);
      if (shown === undefined) throw new Error(`the command palette did not list "${title}"`);
      if (shown) {
        await this.page.keyboard.press('Enter');
        // The palette goes away, or the command's own quick input takes its place (no longer a `>` command query).
        for (const deadline = Date.now() + 30_000; Date.now() < deadline; await this.page.waitForTimeout(100)) {
          if (!(await widget.isVisible())) return;
          if (!(await input.inputValue({ timeout: 1000 }).catch(() => '>')).startsWith('>')) return;
        }
        throw new Error(`the command palette stayed open after choosing "${title}"`);
      }
      console.log(`      (the command palette closed before "${title}" could run, the focus moved; opening it again)`);
    }
    throw new Error(`the command palette kept closing before "${title}" could run`);
  }

  /**
   * Opens a workspace file with Quick Open (Ctrl+P, type, Enter) and waits until its editor is the active tab. Quick Open
   * closes when the focus leaves it (VS Code hands a webview the focus late, e.g. back after a dialog); opening the same
   * file again only brings it to the front, so the user's move, trying again, is safe and is what this does.
   */
  async openFile(name: string): Promise<void> {
    const { page } = this;
    const activeTab = page.locator('.editor-group-container .tabs-container .tab.active', { hasText: name });
    for (let attempt = 1; attempt <= 3; attempt++) {
      await page.locator('.monaco-workbench').click({ position: { x: 700, y: 10 } });
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill(name);
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
      if (await activeTab.waitFor({ timeout: 10_000 }).then(() => true, () => false)) {
        await page.locator('.editor-group-container .monaco-editor').first().waitFor();
        return;
      }
      console.log(`      (Quick Open closed without opening ${name}; opening it again)`);
    }
    throw new Error(`Quick Open did not open ${name}`);
  }

  /** Waits until the locator's text matches, then returns it; fails with the last text seen. */
  async waitForText(locator: Locator, pattern: RegExp, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      // Monaco renders spaces as no-break spaces.
      last = (await locator.allInnerTexts().catch(() => [])).join('\n').replace(/\u00a0/g, ' ');
      if (pattern.test(last)) return last;
      await this.page.waitForTimeout(200);
    }
    throw new Error(`timed out waiting for ${pattern} in:\n${last.slice(0, 2000)}`);
  }

  /** Saves a full-window screenshot as test-artifacts/ui/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(artifactsDir, { recursive: true });
    const file = path.join(artifactsDir, `${name}.png`);
    await this.page.mouse.move(900, 300); // no hover tooltip over what the picture is meant to show
    await this.page.screenshot({ path: file });
    return file;
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.server.stop();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
