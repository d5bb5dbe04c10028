import * as vscode from 'vscode';
import { cslReferenceList } from '../../core/cite/csl/renderNote';
import { updateReferences } from '../../core/cite/referencesSection';
import type { CslStyleService } from '../csl/cslStyleService';
import type { CitationLibrary } from './citationLibrary';
import { referenceOrderFor } from './citationSettings';
import { isMarkdown } from './documentCitations';

/**
 * Paper Notes: Update References. Writes or refreshes the managed `## References` list of the active note in the
 * chosen CSL style, as a single edit (one undo step); running it again changes nothing.
 */
export class UpdateReferencesCommand {
  readonly id = 'paperNotes.updateReferences';

  constructor(private readonly library: CitationLibrary, private readonly styles: CslStyleService) {}

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
      void vscode.window.showErrorMessage(`Paper Notes: ${document.uri.path.split('/').pop()}:${result.problem.line}: ${result.problem.message}`);
      return false;
    }
    if (result.unknownKeys.length > 0) {
      void vscode.window.showWarningMessage(`Paper Notes: not in the library, so not listed: ${result.unknownKeys.join(', ')}.`);
    }
    if (!result.edit) return true;
    const { start, end, newText } = result.edit;
    return editor.edit((builder) => builder.replace(new vscode.Range(document.positionAt(start), document.positionAt(end)), newText));
  }
}
