// Helpers for the paper views' UI suites: the paper view's webview frame, hovers, the extension's log.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import type { Workbench } from './workbench';

/** Settings that keep view title actions visible (no hover needed to reach the grouping menu). */
export const paperViewSettings = { 'workbench.view.alwaysShowHeaderActions': true, 'workbench.editor.enablePreview': false };

/**
 * The frame of the paper view whose title starts with `titleStart`. VS Code nests each webview in two iframes;
 * the inner one holds our document (`#root`). Polls until it has loaded and VS Code has swapped it in as the
 * webview's active frame: VS Code writes the document into a hidden pending frame first and hands it the keyboard
 * focus only at that swap, so a test that moves on earlier (say, to the command palette) has its quick pick closed
 * by that late focus. On a timeout the error says what the webview frames held and what the extension logged.
 */
export async function paperFrame(workbench: Workbench, titleStart: string, timeoutMs = 20_000): Promise<Frame> {
  const { page } = workbench;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (!frame.url().includes('/webview/')) continue;
      const shown = await frame
        .evaluate(() => ({ title: document.querySelector('#root h1')?.textContent ?? null, loaded: document.readyState === 'complete' }))
        .catch(() => null);
      if (shown?.title?.startsWith(titleStart) && shown.loaded && (await frameElementId(frame)) === 'active-frame') return frame;
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`no paper view titled "${titleStart}…" appeared\n${await webviewDiagnostics(workbench)}`);
}

/** The id VS Code gave the iframe element holding `frame` ('pending-frame' until it swaps it in as 'active-frame'). */
async function frameElementId(frame: Frame): Promise<string | null> {
  const element = await frame.frameElement().catch(() => null);
  return element ? element.getAttribute('id').catch(() => null) : null;
}

/** What each webview frame holds and the extension's paper view log lines: where a view that stayed blank stopped. */
export async function webviewDiagnostics(workbench: Workbench): Promise<string> {
  const frames: string[] = [];
  for (const frame of workbench.page.frames()) {
    if (!frame.url().includes('/webview/')) continue;
    const shown = await frame
      .evaluate(() => ({
        readyState: document.readyState,
        h1: document.querySelector('#root h1')?.textContent?.slice(0, 40) ?? null,
        bodyChars: document.body?.innerHTML.length ?? 0,
        visible: document.visibilityState,
      }))
      .catch((error: unknown) => ({ error: String(error).slice(0, 120) }));
    const id = await frameElementId(frame);
    frames.push(`  ${frame.url().replace(/^.*\/webview\//, '…/webview/').slice(0, 90)} #${id ?? '?'} ${JSON.stringify(shown)}`);
  }
  const log = extensionLog(workbench)
    .split('\n')
    .filter((line) => line.includes('Paper view') || line.includes('Search: '))
    .slice(-40);
  return [`webview frames (${frames.length}):`, ...frames, 'Paper view log:', ...log].join('\n');
}

/** Every frame's value of a global the hostile corpus would set if any of its scripts ran. */
export async function pwnedValues(page: Page): Promise<string[]> {
  const values: string[] = [];
  for (const frame of page.frames()) {
    const value = await frame.evaluate(() => (window as unknown as { __paperNotesPwned?: unknown }).__paperNotesPwned).catch(() => undefined);
    if (value !== undefined) values.push(`${frame.url().slice(0, 80)}: ${String(value)}`);
  }
  return values;
}

/** The text of the hover widget that shows after pointing at `target`. */
export async function hoverText(workbench: Workbench, target: Locator, pattern: RegExp): Promise<string> {
  await target.hover();
  const hover = workbench.page.locator('.monaco-hover, .workbench-hover').filter({ visible: true }).first();
  await hover.waitFor({ timeout: 10_000 });
  return workbench.waitForText(hover, pattern, 10_000);
}

/**
 * Opens a paper the way a user does: Paper Notes: Search Papers, type, Enter. Returns the quick pick's first row label.
 * A quick pick closes when the focus leaves it, and VS Code hands a webview the focus late (after it loads, after a
 * dialog); when the extension logs that the search closed without a choice, the user's move is to search again, and so
 * does this (opening a paper twice only brings its panel to the front).
 */
export async function searchAndOpen(workbench: Workbench, query: string, expectedTitle: string): Promise<string> {
  const outcome = /Search: (opening \S+|closed without a choice)\./g;
  const outcomes = (): number => [...extensionLog(workbench).matchAll(outcome)].length;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const before = outcomes();
    const label = await searchOnce(workbench, query, expectedTitle, () => outcomes() > before).catch(async (error: unknown) => {
      throw new Error(`${String(error)}\n${await webviewDiagnostics(workbench)}`);
    });
    if (label !== undefined && (await waitForLogLine(workbench, outcome, before))[1]!.startsWith('opening')) return label;
    console.log(`      (the search for "${query}" closed without a choice, the focus moved; searching again)`);
  }
  throw new Error(`the search for "${query}" closed without a choice 3 times\n${await webviewDiagnostics(workbench)}`);
}

/** One try: undefined when the search closed (`closed()`) before Enter could choose. */
async function searchOnce(workbench: Workbench, query: string, expectedTitle: string, closed: () => boolean): Promise<string | undefined> {
  const { page } = workbench;
  await workbench.runCommand('Paper Notes: Search Papers');
  const title = page.locator('.quick-input-widget .quick-input-title', { hasText: 'Search Papers' });
  const input = page.locator('.quick-input-widget input');
  const first = page.locator('.quick-input-widget .monaco-list-row').first();
  const expected = new RegExp(escapeRegExp(expectedTitle.slice(0, 30)));
  let typed = false;
  for (const deadline = Date.now() + 30_000; ; await page.waitForTimeout(200)) {
    if (closed()) return undefined;
    if (Date.now() > deadline) throw new Error(`the search did not list "${expectedTitle.slice(0, 30)}" first for "${query}"`);
    if (!typed) typed = (await title.isVisible()) && (await input.fill(query, { timeout: 5000 }).then(() => true, () => false));
    else if (expected.test(((await first.innerText({ timeout: 1000 }).catch(() => '')) ?? '').replace(/\u00a0/g, ' '))) break;
  }
  const label = ((await first.locator('.label-name').first().textContent()) ?? '').trim();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  return label;
}

/** The extension's output channel as code-server logged it on disk (the whole log, not the visible lines). */
export function extensionLog(workbench: Workbench): string {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/Paper Notes\.log$/.test(name)) found.push(full);
    }
  };
  walk(path.join(workbench.server.userDataDir, 'logs'));
  return found.map((file) => readFileSync(file, 'utf8')).join('\n');
}

/**
 * Waits for a line of the extension's log matching `pattern` (the `nth` match, 0-based, among those `accept`
 * lets through) and returns its groups.
 */
export async function waitForLogLine(
  workbench: Workbench,
  pattern: RegExp,
  nth = 0,
  timeoutMs = 60_000,
  accept: (match: RegExpMatchArray) => boolean = () => true,
): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs;
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  while (Date.now() < deadline) {
    const matches = [...extensionLog(workbench).matchAll(global)].filter(accept);
    if (matches.length > nth) return matches[nth]!;
    await workbench.page.waitForTimeout(250);
  }
  throw new Error(`timed out waiting for ${pattern} in the Paper Notes log:\n${extensionLog(workbench).slice(-3000)}`);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
