import * as vscode from 'vscode';

/**
 * Remembers the Markdown editor that was active last, so commands run from a sidebar or a webview (which take the
 * focus away from the editor) still insert where the user was writing.
 */
export class MarkdownEditorTracker implements vscode.Disposable {
  private lastUri: vscode.Uri | undefined;
  private lastColumn: vscode.ViewColumn | undefined;
  private readonly subscription: vscode.Disposable;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor() {
    this.remember(vscode.window.activeTextEditor);
    this.subscription = vscode.window.onDidChangeActiveTextEditor((editor) => this.remember(editor));
  }

  private remember(editor: vscode.TextEditor | undefined): void {
    if (editor?.document.languageId !== 'markdown') return;
    this.lastUri = editor.document.uri;
    this.lastColumn = editor.viewColumn;
    this.changed.fire();
  }

  get hasTarget(): boolean {
    return this.lastUri !== undefined && vscode.workspace.textDocuments.some((doc) => doc.uri.toString() === this.lastUri?.toString() && !doc.isClosed);
  }

  /** The last Markdown editor, shown again (without stealing focus from a webview longer than needed) if it is hidden. */
  async editor(): Promise<vscode.TextEditor | undefined> {
    const uri = this.lastUri;
    if (!uri) return undefined;
    const visible = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === uri.toString());
    if (visible) return visible;
    const document = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri.toString());
    if (!document || document.isClosed) return undefined;
    return vscode.window.showTextDocument(document, { viewColumn: this.lastColumn, preserveFocus: false });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
