import * as vscode from 'vscode';

/** Where text goes: a document and the selections its editor had when the user left it. */
export interface InsertionTarget {
  readonly document: vscode.TextDocument;
  readonly selections: readonly vscode.Selection[];
  /** The editor, when it is still visible. */
  readonly editor?: vscode.TextEditor;
}

/**
 * Remembers the Markdown editor that was active last and its selections, so commands run from a sidebar or a
 * webview (which take the focus away from the editor) still insert where the user was writing.
 */
export class MarkdownEditorTracker implements vscode.Disposable {
  private lastUri: vscode.Uri | undefined;
  private lastSelections: readonly vscode.Selection[] = [];
  private readonly subscriptions: vscode.Disposable[];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor() {
    this.remember(vscode.window.activeTextEditor);
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor((editor) => this.remember(editor)),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor.document.uri.toString() === this.lastUri?.toString()) this.lastSelections = event.selections;
      }),
    ];
  }

  private remember(editor: vscode.TextEditor | undefined): void {
    if (editor?.document.languageId !== 'markdown') return;
    this.lastUri = editor.document.uri;
    this.lastSelections = editor.selections;
    this.changed.fire();
  }

  get hasTarget(): boolean {
    return this.document() !== undefined;
  }

  private document(): vscode.TextDocument | undefined {
    const uri = this.lastUri?.toString();
    return uri === undefined ? undefined : vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri && !doc.isClosed);
  }

  /** The last Markdown document with its selections; undefined when it was closed or none was ever active. */
  target(): InsertionTarget | undefined {
    const document = this.document();
    if (!document) return undefined;
    const editor = vscode.window.visibleTextEditors.find((visible) => visible.document === document);
    if (editor) return { document, selections: editor.selections, editor };
    const selections = this.lastSelections.length > 0 ? this.lastSelections : [new vscode.Selection(0, 0, 0, 0)];
    return { document, selections };
  }

  /**
   * After text went into a hidden editor, moves the remembered cursors past it, so the next insertion follows the
   * previous one as it would in a visible editor. `inserted` is the text put at each selection, in document order.
   */
  advancePast(document: vscode.TextDocument, selections: readonly vscode.Selection[], inserted: readonly string[]): void {
    if (document.uri.toString() !== this.lastUri?.toString()) return;
    let shift = 0;
    const sorted = selections.map((selection, index) => ({ selection, text: inserted[index] ?? '' }))
      .sort((a, b) => document.offsetAt(a.selection.start) - document.offsetAt(b.selection.start));
    this.lastSelections = sorted.map(({ selection, text }) => {
      // Offsets in the edited document: earlier insertions moved this one by their length minus what they replaced.
      const end = document.offsetAt(selection.start) + shift + text.length;
      shift += text.length - (document.offsetAt(selection.end) - document.offsetAt(selection.start));
      const position = document.positionAt(end);
      return new vscode.Selection(position, position);
    });
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }
}
