import * as vscode from 'vscode';
import { inertText } from '../../core/view/inertText';
import type { Paper } from '../../core/library/paper';
import type { Claim } from '../../core/claims/claim';
import { isSafeExternalUrl } from '../../core/view/html';
import { arxivUrl } from '../../core/view/paperHtml';
import { claimQuotation } from '../../core/claims/claimQuotation';
import type { PaperSource } from './paperSource';
import type { InsertionTarget, MarkdownEditorTracker } from './markdownEditorTracker';
import { formatCitation, planCitationInsertion } from '../../core/cite/formatCitation';
import { citationStyleFor } from '../citations/citationSettings';
import { insertCitation } from '../citations/insertCitationCommand';

/** The actions a paper offers in the tree, the search and the paper view, in one place so they behave the same. */
export class PaperActions {
  constructor(
    private readonly source: PaperSource,
    private readonly markdown: MarkdownEditorTracker,
    private readonly log: vscode.LogOutputChannel | vscode.OutputChannel,
  ) {}

  /**
   * Inserts the citation at the cursors of the last active Markdown editor, in the citation style its settings ask
   * for, through the Citations feature's own insertion (Pandoc group merging, footnote definitions). A note that
   * is not visible is edited in the background, so the paper view the user clicked in stays in front.
   */
  async insertCitation(paper: Paper): Promise<boolean> {
    const target = this.target();
    if (!target) return false;
    const style = citationStyleFor(target.document);
    if (target.editor) return this.done(await insertCitation(target.editor, [paper], style), `Inserted ${formatCitation([paper], style)}`, target);
    const text = target.document.getText();
    const plan = planCitationInsertion(text, target.selections.map((selection) => target.document.offsetAt(selection.start)), [paper], style);
    return this.done(await this.applyInBackground(target, plan.atCursors, plan.atEnd), `Inserted ${formatCitation([paper], style)}`, target);
  }

  /**
   * Inserts the claim's sentence as a `>` quotation ending in the citation, on a line of its own (plus a footnote
   * definition when the note cites in footnotes).
   */
  async citeClaim(paper: Paper, claim: Claim): Promise<boolean> {
    const target = this.target();
    if (!target) return false;
    const style = citationStyleFor(target.document);
    const text = target.document.getText();
    const plan = planCitationInsertion(text, [text.length], [paper], style);
    const quotation = claimQuotation(claim, formatCitation([paper], style));
    const atCursors = target.selections.map((selection) => (selection.start.character > 0 ? `\n\n${quotation}` : quotation));
    if (target.editor) {
      const editor = target.editor;
      const ok = await editor.edit((edit) => {
        editor.selections.forEach((selection, index) => edit.replace(selection, atCursors[index] ?? quotation));
        if (plan.atEnd !== '') edit.insert(target.document.positionAt(text.length), plan.atEnd);
      });
      return this.done(ok, `Quoted a claim from ${paper.key}`, target);
    }
    return this.done(await this.applyInBackground(target, atCursors, plan.atEnd), `Quoted a claim from ${paper.key}`, target);
  }

  private target(): InsertionTarget | undefined {
    const target = this.markdown.target();
    if (!target) void vscode.window.showInformationMessage('Open a Markdown file first: the citation goes into the last active Markdown editor.');
    return target;
  }

  /** Edits a note that is not visible with a workspace edit, then moves its remembered cursors past the text. */
  private async applyInBackground(target: InsertionTarget, atCursors: readonly string[], atEnd: string): Promise<boolean> {
    const { document, selections } = target;
    const before = document.getText();
    const edit = new vscode.WorkspaceEdit();
    selections.forEach((selection, index) => edit.replace(document.uri, selection, atCursors[index] ?? ''));
    if (atEnd !== '') edit.insert(document.uri, document.positionAt(before.length), atEnd);
    const ok = await vscode.workspace.applyEdit(edit);
    if (ok && document.getText() !== before) this.markdown.advancePast(document, selections, atCursors);
    return ok;
  }

  private done(ok: boolean, message: string, target: InsertionTarget): boolean {
    if (ok) vscode.window.setStatusBarMessage(`${message} into ${vscode.workspace.asRelativePath(target.document.uri)}`, 4000);
    return ok;
  }

  async copyBibtex(paper: Paper): Promise<void> {
    await vscode.env.clipboard.writeText(this.source.bibtex(paper));
    vscode.window.setStatusBarMessage(`Copied BibTeX for ${paper.key}`, 3000);
  }

  async copyKey(paper: Paper): Promise<void> {
    await vscode.env.clipboard.writeText(paper.key);
    vscode.window.setStatusBarMessage(`Copied ${paper.key}`, 3000);
  }

  async openOnArxiv(paper: Paper): Promise<boolean> {
    const url = arxivUrl(paper.arxivId) ?? paper.url;
    if (!url) {
      void vscode.window.showInformationMessage(`${inertText(paper.key)} has no arXiv id or web page.`);
      return false;
    }
    return this.openLink(url);
  }

  /** Opens a web link, but only an http(s) one: corpus text decides the URL, so anything else is refused and logged. */
  async openLink(url: string): Promise<boolean> {
    if (!isSafeExternalUrl(url)) {
      this.log.appendLine(`Refused to open a link that is not http(s): ${JSON.stringify(url.slice(0, 200))}`);
      return false;
    }
    return vscode.env.openExternal(vscode.Uri.parse(url, true));
  }
}
