import * as vscode from 'vscode';
import { inertText } from '../../core/view/inertText';
import { randomBytes } from 'node:crypto';
import type { HostMessage, PaperViewState, WebviewMessage } from '../../../shared/protocol';
import { parsePaperViewState, parseWebviewMessage } from '../../../shared/protocol';
import { renderPaperBody } from '../../core/view/paperHtml';
import { escapeHtml } from '../../core/view/html';
import { renderWebviewDocument } from '../../core/view/webviewDocument';
import type { Paper } from '../../core/library/paper';
import type { PaperSource } from '../papers/paperSource';
import type { PaperActions } from '../papers/paperActions';
import type { MarkdownEditorTracker } from '../papers/markdownEditorTracker';
import { displayText } from '../../core/text/readingText';

export const PAPER_VIEW_TYPE = 'paperNotes.paper';

/** How long one open took, from the command to the content handed to the webview. */
export interface PaperViewTiming {
  readonly key: string;
  /** True when an existing panel was revealed instead of a new one built. */
  readonly reused: boolean;
  readonly milliseconds: number;
}

/** One webview panel showing one paper. */
class PaperPanel implements vscode.Disposable {
  private ready = false;
  /** Counts the `ready`s received: which document a post went to. */
  private readyCount = 0;
  private pending: HostMessage[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private readonly created = performance.now();
  focusClaim: number | undefined;
  /** The body of the current document: a library change that leaves it the same keeps the document. */
  shown: string | undefined;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly key: string,
    private readonly owner: PaperViewPanels,
    origin: 'new' | 'restored',
  ) {
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      panel.onDidChangeViewState(() => {
        this.trace(`view state: ${panel.visible ? 'visible' : 'hidden'}${panel.active ? ', active' : ''}`);
        // A hidden panel's document is discarded (no retainContextWhenHidden) and built again from the HTML when it
        // shows: a message posted in between would be lost, so hold messages until that document says ready.
        if (!panel.visible) this.ready = false;
      }),
      panel.onDidDispose(() => {
        this.trace('disposed');
        this.owner.forget(this);
      }),
    );
    this.trace(`panel created (${origin})`);
  }

  /** A lifecycle line in the output channel, so a view that stays blank shows where it stopped. */
  trace(event: string): void {
    this.owner.log.appendLine(`Paper view ${this.key}: ${event} (+${(performance.now() - this.created).toFixed(0)} ms).`);
  }

  /** Sets the document; the webview announces itself again with `ready`, so queued messages wait for it. */
  render(html: string): void {
    this.ready = false;
    this.panel.webview.html = html;
    this.trace(`document set (${Math.round(html.length / 1024)} KB)`);
  }

  post(message: HostMessage): void {
    if (this.ready) this.send(message);
    else this.queue(message);
  }

  /** Posts now; a webview that was not live (hidden, being rebuilt) gets the message once its next document is ready. */
  private send(message: HostMessage): void {
    const sentTo = this.readyCount;
    void this.panel.webview.postMessage(message).then(
      (delivered) => {
        if (delivered) return;
        this.trace(`${message.type} not delivered, held for the next ready`);
        // A newer document may have said ready meanwhile: then it takes the message now.
        if (sentTo === this.readyCount) this.ready = false;
        this.post(message);
      },
      () => undefined, // the panel was disposed
    );
  }

  private queue(message: HostMessage): void {
    // Each message type carries state (capabilities, the focused claim): only the latest of a type matters.
    this.pending = [...this.pending.filter((queued) => queued.type !== message.type), message];
  }

  private receive(raw: unknown): void {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      this.owner.log.appendLine(`Paper view ${this.key}: ignored a malformed message (${parsed.error}).`);
      return;
    }
    const message = parsed.value;
    if (message.type === 'ready') {
      if (message.key !== this.key) {
        this.trace(`ignored ready for another key`);
        return;
      }
      this.trace('ready received');
      this.ready = true;
      this.readyCount++;
      const queued = this.pending;
      this.pending = [];
      void this.owner.capabilities().then((capabilities) => this.post(capabilities));
      for (const queuedMessage of queued) this.send(queuedMessage);
      return;
    }
    void this.owner.handle(this, message);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
    this.panel.dispose();
  }
}

/**
 * The paper views: one panel per paper, reused when the paper is opened again, restored after a window reload
 * through the serializer. The webview only renders host-built, escaped HTML and asks for actions through the
 * typed protocol; the host validates every message.
 */
export class PaperViewPanels implements vscode.WebviewPanelSerializer<unknown>, vscode.Disposable {
  private readonly panels = new Map<string, PaperPanel>();
  private readonly recentTimings: PaperViewTiming[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private readonly mediaRoot: vscode.Uri;

  constructor(
    extensionUri: vscode.Uri,
    private readonly source: PaperSource,
    private readonly actions: PaperActions,
    private readonly markdown: MarkdownEditorTracker,
    readonly log: vscode.OutputChannel,
    /** Resolves once the library has loaded; a panel restored at startup waits for it. */
    private readonly whenReady: () => Promise<unknown> = () => Promise.resolve(),
  ) {
    this.mediaRoot = vscode.Uri.joinPath(extensionUri, 'media');
    if (source.onDidChange) this.disposables.push(source.onDidChange(() => this.refreshAll()));
    this.disposables.push(markdown.onDidChange(() => void this.broadcastCapabilities()));
  }

  /** Timings of the last opens, newest last (for tests and the performance report). */
  timings(): readonly PaperViewTiming[] {
    return [...this.recentTimings];
  }

  /** Keys of the papers with an open panel. */
  openKeys(): string[] {
    return [...this.panels.keys()];
  }

  /**
   * Opens (or reveals) the paper's panel, focusing claim `claimIndex` if given. Returns false for an unknown key.
   * `started` is when the command began, so the recorded timing covers command to content handed to the webview.
   */
  open(key: string, claimIndex?: number, started = performance.now()): boolean {
    const paper = this.source.paper(key);
    if (!paper) {
      void vscode.window.showWarningMessage(`No paper with the key "${inertText(key)}" in the library.`);
      return false;
    }
    const existing = this.panels.get(key);
    if (existing) {
      existing.trace('revealed again');
      existing.panel.reveal(undefined, false);
      if (claimIndex !== undefined) {
        existing.focusClaim = claimIndex;
        existing.post({ type: 'focusClaim', claimIndex });
      }
      this.recordTiming(key, true, started);
      return true;
    }
    // Beside the note being written, so the paper and the note show together; in the active group otherwise.
    const column = vscode.window.activeTextEditor?.document.languageId === 'markdown' ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel(PAPER_VIEW_TYPE, this.panelTitle(paper), column, this.webviewOptions());
    this.adopt(panel, paper, claimIndex, 'new');
    this.recordTiming(key, false, started);
    return true;
  }

  /** Restores a panel after a window reload from the state the webview saved. */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    panel.webview.options = this.webviewOptions();
    await this.whenReady();
    const parsed = parsePaperViewState(state);
    const paper = parsed.ok ? this.source.paper(parsed.value.key) : undefined;
    if (!parsed.ok || !paper) {
      const reason = parsed.ok ? `The paper "${parsed.value.key}" is no longer in the library.` : 'This paper view could not be restored.';
      panel.webview.html = this.messageDocument(panel.webview, reason);
      return;
    }
    if (this.panels.has(paper.key)) {
      panel.dispose();
      return;
    }
    panel.title = this.panelTitle(paper);
    this.adopt(panel, paper, parsed.value.focusClaim, 'restored');
  }

  private adopt(panel: vscode.WebviewPanel, paper: Paper, claimIndex: number | undefined, origin: 'new' | 'restored'): void {
    const entry = new PaperPanel(panel, paper.key, this, origin);
    entry.focusClaim = claimIndex;
    this.panels.set(paper.key, entry);
    entry.shown = this.body(paper);
    entry.render(this.document(panel.webview, paper, claimIndex, entry.shown));
  }

  forget(entry: PaperPanel): void {
    if (this.panels.get(entry.key) === entry) this.panels.delete(entry.key);
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      enableForms: false,
      localResourceRoots: [this.mediaRoot],
      enableFindWidget: true,
    };
  }

  private panelTitle(paper: Paper): string {
    const title = inertText(displayText(paper.title)).replace(/\s+/g, ' ').trim();
    return title.length > 48 ? `${title.slice(0, 47)}…` : title || paper.key;
  }

  /** The paper view's body for a paper: the same for the same paper, claims and labels (no nonce, no URIs). */
  private body(paper: Paper): string {
    return renderPaperBody({
      paper,
      claims: this.source.claims(paper),
      extractorNotes: this.source.extractorNotes?.(paper) ?? [],
      ...(this.source.categoryLabel ? { categoryLabel: (id) => this.source.categoryLabel!(id) } : {}),
    });
  }

  private document(webview: vscode.Webview, paper: Paper, claimIndex: number | undefined, bodyHtml: string): string {
    const state: PaperViewState = claimIndex === undefined ? { key: paper.key } : { key: paper.key, focusClaim: claimIndex };
    const media = (...path: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, ...path)).toString();
    return renderWebviewDocument({
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      title: displayText(paper.title),
      styleUris: [media('webview', 'codicons', 'codicon.css'), media('paperView.css')],
      scriptUri: media('webview', 'paperView.js'),
      bodyHtml,
      state,
    });
  }

  private messageDocument(webview: vscode.Webview, message: string): string {
    return renderWebviewDocument({
      cspSource: webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      title: 'Paper Notes',
      styleUris: [webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, 'paperView.css')).toString()],
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.mediaRoot, 'webview', 'paperView.js')).toString(),
      bodyHtml: `<main class="paper"><p class="notes">${escapeHtml(message)}</p></main>`,
      state: null,
    });
  }

  /**
   * After a library change, rebuilds only the views whose paper reads differently: setting a document reloads the view
   * (its scroll position, focus and frame), so a change to another file must leave an open paper alone.
   */
  private refreshAll(): void {
    for (const entry of [...this.panels.values()]) {
      const paper = this.source.paper(entry.key);
      const shown = paper ? this.body(paper) : undefined;
      if (shown !== undefined && shown === entry.shown) continue;
      entry.shown = shown;
      if (paper && shown !== undefined) entry.render(this.document(entry.panel.webview, paper, entry.focusClaim, shown));
      else entry.render(this.messageDocument(entry.panel.webview, `The paper "${entry.key}" is no longer in the library.`));
    }
  }

  async capabilities(): Promise<HostMessage> {
    const commands = await vscode.commands.getCommands(true);
    return { type: 'capabilities', canInsert: this.markdown.hasTarget, canOpenNote: commands.includes('paperNotes.openNote') };
  }

  private async broadcastCapabilities(): Promise<void> {
    if (this.panels.size === 0) return;
    const message = await this.capabilities();
    for (const entry of this.panels.values()) entry.post(message);
  }

  /** Carries out a validated message from a panel. */
  async handle(entry: PaperPanel, message: Exclude<WebviewMessage, { type: 'ready' }>): Promise<void> {
    const paper = this.source.paper(entry.key);
    if (!paper) return;
    switch (message.type) {
      case 'insertCitation':
        await this.actions.insertCitation(paper);
        break;
      case 'citeClaim': {
        const claim = this.source.claims(paper)[message.claimIndex];
        if (claim) await this.actions.citeClaim(paper, claim);
        else this.log.appendLine(`Paper view ${entry.key}: no claim ${message.claimIndex} to cite.`);
        break;
      }
      case 'copyBibtex':
        await this.actions.copyBibtex(paper);
        break;
      case 'copyKey':
        await this.actions.copyKey(paper);
        break;
      case 'openNote':
        await vscode.commands.executeCommand('paperNotes.openNote', paper.key);
        break;
      case 'openLink':
        await this.actions.openLink(message.url);
        break;
      case 'focusChanged':
        entry.focusClaim = message.claimIndex ?? undefined;
        break;
    }
  }

  private recordTiming(key: string, reused: boolean, started: number): void {
    const milliseconds = performance.now() - started;
    this.recentTimings.push({ key, reused, milliseconds });
    this.log.appendLine(`Paper view ${key}: content posted ${milliseconds.toFixed(1)} ms after the command (${reused ? 'panel reused' : 'new panel'}).`);
    if (this.recentTimings.length > 50) this.recentTimings.shift();
  }

  dispose(): void {
    for (const entry of [...this.panels.values()]) entry.dispose();
    this.panels.clear();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
