import * as vscode from 'vscode';
import { paperSummaryMarkdown } from '../../core/cite/paperSummary';
import type { CitationLibrary } from './citationLibrary';
import type { DocumentCitations } from './documentCitations';

/** Scheme of the read-only paper summaries that Go to Definition targets. */
export const PAPER_SCHEME = 'paper-notes-paper';
/** The paper view's command (owned by the paper view feature); takes the citation key. */
export const OPEN_PAPER_COMMAND = 'paperNotes.openPaper';

export function paperUri(key: string): vscode.Uri {
  return vscode.Uri.from({ scheme: PAPER_SCHEME, path: `/${encodeURIComponent(key)}.md` });
}

export function keyOfPaperUri(uri: vscode.Uri): string {
  return decodeURIComponent(uri.path.replace(/^\//, '').replace(/\.md$/, ''));
}

/**
 * Go to Definition on a citation. A definition provider can only return locations, and VS Code also asks it on
 * Ctrl+hover (to underline and preview), so it returns a read-only summary document of the paper — which is what
 * the Ctrl+hover preview shows — and {@link PaperViewRedirect} turns a real navigation into that document into
 * the paper view.
 */
export class CitationDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly library: CitationLibrary, private readonly citations: DocumentCitations) {}

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.DefinitionLink[] | undefined {
    const match = this.citations.at(document, position);
    if (!match || !this.library.current().get(match.key)) return undefined;
    const origin = new vscode.Range(document.positionAt(match.start), document.positionAt(match.end));
    const top = new vscode.Range(0, 0, 0, 0);
    return [{ originSelectionRange: origin, targetUri: paperUri(match.key), targetRange: new vscode.Range(0, 0, 6, 0), targetSelectionRange: top }];
  }
}

/** Serves the read-only paper summaries (Markdown) behind {@link paperUri}. */
export class PaperDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly library: CitationLibrary) {
    this.subscription = library.onDidChange(() => {
      for (const document of vscode.workspace.textDocuments) if (document.uri.scheme === PAPER_SCHEME) this.changed.fire(document.uri);
    });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const paper = this.library.current().get(keyOfPaperUri(uri));
    if (!paper) return `No paper with key "${keyOfPaperUri(uri)}" in the library.\n`;
    return `${paperSummaryMarkdown(paper, this.library.topClaims(paper))}\n`;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/**
 * When Go to Definition opens a paper summary in an editor (a real navigation, not a hover preview), replace it
 * with the paper view through {@link OPEN_PAPER_COMMAND}. If that command is not available the summary stays open.
 */
export class PaperViewRedirect implements vscode.Disposable {
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (editor?.document.uri.scheme === PAPER_SCHEME) void this.redirect(editor);
    });
  }

  private async redirect(editor: vscode.TextEditor): Promise<void> {
    const commands = await vscode.commands.getCommands(true);
    if (!commands.includes(OPEN_PAPER_COMMAND)) return;
    const key = keyOfPaperUri(editor.document.uri);
    const tab = vscode.window.tabGroups.all
      .flatMap((group) => group.tabs)
      .find((candidate) => candidate.input instanceof vscode.TabInputText && candidate.input.uri.toString() === editor.document.uri.toString());
    if (tab) await vscode.window.tabGroups.close(tab);
    await vscode.commands.executeCommand(OPEN_PAPER_COMMAND, key);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
