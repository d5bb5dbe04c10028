import * as vscode from 'vscode';
import { cslReferenceList } from '../../core/cite/csl/renderNote';
import { inertText } from '../../core/view/inertText';
import { updateReferences } from '../../core/cite/referencesSection';
import type { CslStyleService } from '../csl/cslStyleService';
import type { CitationLibrary } from './citationLibrary';
import { referenceOrderFor } from './citationSettings';
import { isMarkdown } from './documentCitations';

/**
 * Paper Notes: Update References. Writes or refreshes the managed `## References` list of the active note in the
 * chosen CSL style, as a single edit (one undo step); running it again changes nothing. When the markers are ambiguous
 * it changes nothing and puts the reason in the Problems panel at its line, until a run succeeds.
 */
export class UpdateReferencesCommand {
  readonly id = 'paperNotes.updateReferences';

  constructor(
    private readonly library: CitationLibrary,
    private readonly styles: CslStyleService,
    private readonly problems: vscode.DiagnosticCollection,
  ) {}

  async execute(): Promise<boolean> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isMarkdown(editor.document)) {
      void vscode.window.showWarningMessage('Paper Notes: open a Markdown note to update its references.');
      return false;
    }
    await this.library.whenReady();
    const document = editor.document;
    const index = this.library.current();
    const list = cslReferenceList(this.styles.formatterFor(document.uri));
    const result = updateReferences(document.getText(), (key) => index.get(key), referenceOrderFor(document), list);
    if (result.problem) {
      const line = result.problem.line - 1;
      const problem = new vscode.Diagnostic(document.lineAt(Math.min(line, document.lineCount - 1)).range, result.problem.message, vscode.DiagnosticSeverity.Error);
      problem.source = 'Paper Notes';
      this.problems.set(document.uri, [problem]);
      void vscode.window.showErrorMessage(`Paper Notes: ${document.uri.path.split('/').pop()}:${result.problem.line}: ${result.problem.message}`);
      return false;
    }
    this.problems.delete(document.uri);
    if (result.unknownKeys.length > 0) {
      void vscode.window.showWarningMessage(`Paper Notes: not in the library, so not listed: ${inertText(result.unknownKeys.join(', '))}.`);
    }
    if (!result.edit) return true;
    const { start, end, newText } = result.edit;
    return editor.edit((builder) => builder.replace(new vscode.Range(document.positionAt(start), document.positionAt(end)), newText));
  }
}
