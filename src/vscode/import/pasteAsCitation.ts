import * as vscode from 'vscode';
import { findInLibrary } from '../../core/import/addPapers';
import { ImportError } from '../../core/import/metadataService';
import { findPaperLinks, parsePaperReference, referenceId, type PaperReference } from '../../core/import/paperReference';
import { formatCitation, missingFootnoteDefinitions } from '../../core/cite/formatCitation';
import type { Paper } from '../../core/library/paper';
import { citationStyleFor } from '../citations/citationSettings';
import { importFileUri, type PaperImporter } from './paperImporter';

export const CITE_PAPER_LINK_COMMAND = 'paperNotes.citePaperLink';
export const CITATION_PASTE_KIND = vscode.DocumentDropOrPasteEditKind.Empty.append('paperNotes', 'citation');

/** The paper a reference names: from the library, or looked up and added to it. Throws ImportError. */
async function paperFor(reference: PaperReference, importer: PaperImporter): Promise<Paper> {
  const outcome = await importer.add([reference]);
  const paper = outcome.added[0] ?? outcome.existing[0];
  if (paper === undefined) throw new ImportError(`${referenceId(reference)} did not reach the library`);
  return paper;
}

/** The citation of `paper` in the document's style and, for footnotes, the definition the document still lacks. */
function citationEdits(document: vscode.TextDocument, paper: Paper): { citation: string; atEnd: string } {
  const style = citationStyleFor(document);
  return { citation: formatCitation([paper], style), atEnd: style === 'footnote' ? missingFootnoteDefinitions(document.getText(), [paper]) : '' };
}

class CitationPasteEdit extends vscode.DocumentPasteEdit {
  constructor(readonly document: vscode.TextDocument, readonly reference: PaperReference, readonly pasted: string, title: string) {
    super('', title, CITATION_PASTE_KIND);
    // Plain text stays the default paste; the citation is one choice away in the paste widget.
    this.yieldTo = [vscode.DocumentDropOrPasteEditKind.Text];
  }
}

/**
 * "Paste as citation" for an arXiv, DOI or Hugging Face paper link pasted into a Markdown note: the citation in
 * `paperNotes.citation.style`. The paper is looked up and added to the library only when this paste is chosen.
 */
export class CitationPasteProvider implements vscode.DocumentPasteEditProvider<CitationPasteEdit> {
  constructor(private readonly importer: PaperImporter, private readonly library: () => readonly Paper[]) {}

  async provideDocumentPasteEdits(document: vscode.TextDocument, _ranges: readonly vscode.Range[], dataTransfer: vscode.DataTransfer): Promise<CitationPasteEdit[] | undefined> {
    const pasted = (await dataTransfer.get('text/plain')?.asString())?.trim();
    if (pasted === undefined || pasted === '' || /\s/.test(pasted)) return undefined;
    const reference = parsePaperReference(pasted);
    if (reference === undefined) return undefined;
    const known = findInLibrary(reference, this.library());
    const file = importFileUri();
    const title = known
      ? `Paste as citation (${known.key})`
      : `Paste as citation (adds ${referenceId(reference)} to ${file ? vscode.workspace.asRelativePath(file) : 'the library'})`;
    return [new CitationPasteEdit(document, reference, pasted, title)];
  }

  async resolveDocumentPasteEdit(edit: CitationPasteEdit): Promise<CitationPasteEdit> {
    try {
      const paper = await paperFor(edit.reference, this.importer);
      const { citation, atEnd } = citationEdits(edit.document, paper);
      edit.insertText = citation;
      if (atEnd !== '') {
        const additional = new vscode.WorkspaceEdit();
        additional.insert(edit.document.uri, edit.document.positionAt(edit.document.getText().length), atEnd);
        edit.additionalEdit = additional;
      }
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      // The link is pasted as it was; the note loses nothing.
      edit.insertText = edit.pasted;
      void vscode.window.showErrorMessage(`Paper Notes: ${error.message}. Pasted the link as text.`);
    }
    return edit;
  }
}

/** "Cite this paper" on a bare arXiv, DOI or Hugging Face link in a note. */
export class CitePaperLinkCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.RefactorRewrite];

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    for (let line = range.start.line; line <= range.end.line && line < document.lineCount; line++) {
      const text = document.lineAt(line).text;
      for (const link of findPaperLinks(text)) {
        const linkRange = new vscode.Range(line, link.start, line, link.end);
        if (!linkRange.intersection(range) && !linkRange.contains(range.start)) continue;
        // A link that is already a Markdown link target, `[text](url)`, is not bare.
        if (text.slice(0, link.start).endsWith('](') || text.slice(0, link.start).endsWith('<')) continue;
        const action = new vscode.CodeAction(`Cite this paper (${referenceId(link.reference)})`, vscode.CodeActionKind.RefactorRewrite);
        action.command = { command: CITE_PAPER_LINK_COMMAND, title: 'Cite this paper', arguments: [document.uri, linkRange, text.slice(link.start, link.end)] };
        actions.push(action);
      }
    }
    return actions;
  }
}

/** Replaces a bare paper link with its citation (adding the paper to the library if it is new), as one edit. */
export function citePaperLinkCommand(importer: PaperImporter): { id: string; execute: (uri?: unknown, range?: unknown, link?: unknown) => Promise<boolean> } {
  return {
    id: CITE_PAPER_LINK_COMMAND,
    async execute(uri, range, link) {
      if (!(uri instanceof vscode.Uri) || !(range instanceof vscode.Range) || typeof link !== 'string') return false;
      const reference = parsePaperReference(link);
      if (reference === undefined) return false;
      let paper: Paper;
      try {
        paper = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Paper Notes: citing ${referenceId(reference)}` }, () => paperFor(reference, importer));
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
        void vscode.window.showErrorMessage(`Paper Notes: ${error.message}. The note is unchanged.`);
        return false;
      }
      const document = await vscode.workspace.openTextDocument(uri);
      if (document.getText(range) !== link) {
        void vscode.window.showWarningMessage('Paper Notes: the link changed meanwhile; the note is unchanged.');
        return false;
      }
      const { citation, atEnd } = citationEdits(document, paper);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(uri, range, citation);
      if (atEnd !== '') edit.insert(uri, document.positionAt(document.getText().length), atEnd);
      return vscode.workspace.applyEdit(edit);
    },
  };
}
