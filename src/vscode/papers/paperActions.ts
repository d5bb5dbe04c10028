import * as vscode from 'vscode';
import type { Paper } from '../../core/library/paper';
import type { Claim } from '../../core/claims/claim';
import { isSafeExternalUrl } from '../../core/view/html';
import { arxivUrl } from '../../core/view/paperHtml';
import { claimQuotation } from '../../core/claims/claimQuotation';
import type { PaperSource } from './paperSource';
import type { MarkdownEditorTracker } from './markdownEditorTracker';

/** The actions a paper offers in the tree, the search and the paper view, in one place so they behave the same. */
export class PaperActions {
  constructor(
    private readonly source: PaperSource,
    private readonly markdown: MarkdownEditorTracker,
    private readonly log: vscode.LogOutputChannel | vscode.OutputChannel,
  ) {}

  /** Inserts the citation at the selection of the last active Markdown editor. */
  async insertCitation(paper: Paper): Promise<boolean> {
    return this.insert(this.source.citation(paper.key), `Inserted ${this.source.citation(paper.key)}`);
  }

  /** Inserts the claim's sentence as a quotation followed by the citation. */
  async citeClaim(paper: Paper, claim: Claim): Promise<boolean> {
    return this.insert(claimQuotation(claim, this.source.citation(paper.key)), `Quoted a claim from ${paper.key}`, true);
  }

  /**
   * Replaces each selection of the last Markdown editor with `text`. A visible editor is edited in place; a hidden
   * one through a workspace edit, so the paper view the user clicked in stays in front. A `block` (a quotation)
   * starts on a line of its own.
   */
  private async insert(text: string, done: string, block = false): Promise<boolean> {
    const target = this.markdown.target();
    if (!target) {
      void vscode.window.showInformationMessage('Open a Markdown file first: the citation goes into the last active Markdown editor.');
      return false;
    }
    const textAt = (selection: vscode.Selection): string => (block && selection.start.character > 0 ? `\n\n${text}` : text);
    let ok: boolean;
    if (target.editor) {
      const editor = target.editor;
      ok = await editor.edit((edit) => {
        for (const selection of editor.selections) edit.replace(selection, textAt(selection));
      });
    } else {
      const before = target.document.getText();
      const edit = new vscode.WorkspaceEdit();
      for (const selection of target.selections) edit.replace(target.document.uri, selection, textAt(selection));
      ok = await vscode.workspace.applyEdit(edit);
      if (ok && target.document.getText() !== before) this.markdown.advancePast(target.document, target.selections, target.selections.map(textAt));
    }
    if (ok) vscode.window.setStatusBarMessage(`${done} into ${vscode.workspace.asRelativePath(target.document.uri)}`, 4000);
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
      void vscode.window.showInformationMessage(`${paper.key} has no arXiv id or web page.`);
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
