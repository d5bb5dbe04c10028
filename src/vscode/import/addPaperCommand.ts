import * as vscode from 'vscode';
import { ImportError } from '../../core/import/metadataService';
import { parsePaperReferences } from '../../core/import/paperReference';
import type { AddOutcome, PaperImporter } from './paperImporter';

export const ADD_PAPER_COMMAND = 'paperNotes.addPaper';

/** Why an input cannot be read, for the input box; undefined when every word is a reference. */
export function validateReferences(text: string): string | undefined {
  if (text.trim() === '') return undefined;
  const { unrecognised } = parsePaperReferences(text);
  return unrecognised.length === 0 ? undefined : `Not an arXiv id, DOI or paper link: ${unrecognised.join(', ')}`;
}

/**
 * Paper Notes: Add Paper — arXiv ids, arXiv or Hugging Face links and DOIs, one or several, typed or passed as an
 * argument. New papers go to the import file, show in the tree at once and the first opens in its paper view;
 * a paper already in the library is announced and opened. Resolves with the outcome (undefined when cancelled or failed).
 */
export function addPaperCommand(importer: PaperImporter): { id: string; execute: (input?: unknown) => Promise<AddOutcome | undefined> } {
  return {
    id: ADD_PAPER_COMMAND,
    async execute(input?: unknown) {
      const text = typeof input === 'string' ? input : await vscode.window.showInputBox({
        title: 'Add Paper',
        prompt: 'arXiv ids, arXiv or Hugging Face paper links, DOIs — several separated by spaces',
        placeHolder: '2312.00752  https://huggingface.co/papers/2405.21060  10.1145/3530811',
        ignoreFocusOut: true,
        validateInput: validateReferences,
      });
      if (text === undefined || text.trim() === '') return undefined;
      const { references, unrecognised } = parsePaperReferences(text);
      if (unrecognised.length > 0) {
        void vscode.window.showErrorMessage(`Paper Notes: not an arXiv id, DOI or paper link: ${unrecognised.join(', ')}`);
        return undefined;
      }
      let outcome: AddOutcome;
      try {
        outcome = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: `Paper Notes: looking up ${references.length === 1 ? references[0].input : `${references.length} papers`}…` },
          () => importer.add(references),
        );
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
        void vscode.window.showErrorMessage(`Paper Notes: ${error.message}. Nothing was written.`);
        return undefined;
      }
      const first = outcome.added[0] ?? outcome.existing[0];
      if (outcome.existing.length > 0) {
        void vscode.window.showInformationMessage(`Paper Notes: already in the library: ${outcome.existing.map((paper) => `${paper.key} (${paper.title})`).join('; ')}.`);
      }
      if (outcome.added.length > 0) {
        void vscode.window.showInformationMessage(`Paper Notes: added ${outcome.added.map((paper) => paper.key).join(', ')} to ${vscode.workspace.asRelativePath(outcome.file!)}.`);
      }
      if (first) await vscode.commands.executeCommand('paperNotes.openPaper', first.key);
      return outcome;
    },
  };
}
