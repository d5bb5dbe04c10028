import * as vscode from 'vscode';
import type { CitationMatch } from '../../core/cite/scanCitations';
import type { CitationLibrary } from './citationLibrary';
import { DocumentCitations, isMarkdown } from './documentCitations';
import { displayText } from '../../core/text/readingText';

export const UNKNOWN_KEY_CODE = 'unknown-citation-key';
const SOURCE = 'Paper Notes';
const DEBOUNCE_MS = 250;

/** Whether an unknown key is worth flagging, and how loudly. Footnotes are mostly not citations. */
function severityFor(match: CitationMatch): vscode.DiagnosticSeverity | undefined {
  switch (match.syntax) {
    case 'pandoc-bracket':
    case 'latex':
      return vscode.DiagnosticSeverity.Warning;
    case 'pandoc-inline':
      // A bare @word can be a handle in prose; Pandoc still reports it, so say so, quietly.
      return vscode.DiagnosticSeverity.Information;
    case 'footnote':
      return undefined;
  }
}

/**
 * Flags citation keys the library does not know, in every open Markdown document. Re-checks a document as it
 * changes (debounced) and every document when the library changes.
 */
export class CitationDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('paper-notes-citations');
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Until the library has loaded, every key would look unknown: check nothing before then. */
  private ready = false;

  constructor(private readonly library: CitationLibrary, private readonly citations: DocumentCitations) {
    this.subscriptions.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((document) => this.check(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document)),
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.collection.delete(document.uri);
        this.citations.forget(document);
      }),
      library.onDidChange(() => this.checkAll()),
    );
    void library.whenReady().then(() => {
      this.ready = true;
      this.checkAll();
    });
  }

  /** Checks every open Markdown document now. */
  checkAll(): void {
    for (const document of vscode.workspace.textDocuments) this.check(document);
  }

  check(document: vscode.TextDocument): void {
    if (!this.ready || !isMarkdown(document)) return;
    const index = this.library.current();
    const diagnostics: vscode.Diagnostic[] = [];
    for (const match of this.citations.get(document)) {
      if (index.get(match.key)) continue;
      const severity = severityFor(match);
      if (severity === undefined) continue;
      const diagnostic = new vscode.Diagnostic(DocumentCitations.keyRange(document, match), `Unknown citation key "${match.key}": no paper in the library has it.`, severity);
      diagnostic.code = UNKNOWN_KEY_CODE;
      diagnostic.source = SOURCE;
      diagnostics.push(diagnostic);
    }
    this.collection.set(document.uri, diagnostics);
  }

  private schedule(document: vscode.TextDocument): void {
    if (!isMarkdown(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(key, setTimeout(() => {
      this.pending.delete(key);
      this.check(document);
    }, DEBOUNCE_MS));
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

/** "Did you mean" quick fixes on unknown-key diagnostics: replace the key with a close one from the library. */
export class UnknownKeyCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly library: CitationLibrary) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const index = this.library.current();
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.code !== UNKNOWN_KEY_CODE || diagnostic.source !== SOURCE) continue;
      const key = document.getText(diagnostic.range);
      index.suggestKeys(key).forEach((suggestion, rank) => {
        const paper = index.get(suggestion);
        const action = new vscode.CodeAction(`Did you mean "${suggestion}"${paper ? ` (${displayText(paper.title)})` : ''}?`, vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, diagnostic.range, suggestion);
        action.diagnostics = [diagnostic];
        action.isPreferred = rank === 0;
        actions.push(action);
      });
    }
    return actions;
  }
}
