import * as vscode from 'vscode';
import { exportPapers, type ExportFormat } from '../../core/cite/export';
import type { Paper } from '../../core/library/paper';
import type { CitationLibrary } from './citationLibrary';
import { DocumentCitations, isMarkdown } from './documentCitations';

export type ExportScope = 'all' | 'cited';

/** Arguments for scripted use: skip the pickers and the save dialog. */
export interface ExportBibliographyArgs {
  readonly format?: ExportFormat;
  readonly scope?: ExportScope;
  readonly target?: vscode.Uri;
}

const EXTENSIONS: Readonly<Record<ExportFormat, string>> = { bibtex: 'bib', 'csl-json': 'json' };

/**
 * Paper Notes: Export Bibliography. Writes BibTeX or CSL-JSON for the whole library or only the papers the
 * active note cites, for `pandoc --citeproc --bibliography`, LaTeX or a reference manager.
 */
export class ExportBibliographyCommand {
  readonly id = 'paperNotes.exportBibliography';

  constructor(private readonly library: CitationLibrary, private readonly citations: DocumentCitations) {}

  async execute(args?: ExportBibliographyArgs): Promise<vscode.Uri | undefined> {
    await this.library.whenReady();
    const note = vscode.window.activeTextEditor?.document;
    const noteIsMarkdown = note !== undefined && isMarkdown(note);
    const scope = args?.scope ?? (await this.pickScope(noteIsMarkdown));
    if (!scope) return undefined;
    if (scope === 'cited' && !noteIsMarkdown) {
      void vscode.window.showWarningMessage('Paper Notes: open a Markdown note to export the papers it cites.');
      return undefined;
    }
    const format = args?.format ?? (await this.pickFormat());
    if (!format) return undefined;

    const index = this.library.current();
    let papers: readonly Paper[] = index.papers;
    if (scope === 'cited') {
      const keys = [...new Set(this.citations.get(note!).map((match) => match.key))];
      papers = keys.map((key) => index.get(key)).filter((paper): paper is Paper => paper !== undefined);
      if (papers.length === 0) {
        void vscode.window.showWarningMessage('Paper Notes: this note cites no paper from the library.');
        return undefined;
      }
    }

    const base = noteIsMarkdown && note!.uri.scheme === 'file' ? vscode.Uri.joinPath(note!.uri, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
    const defaultUri = base ? vscode.Uri.joinPath(base, `references.${EXTENSIONS[format]}`) : undefined;
    const target = args?.target ?? (await vscode.window.showSaveDialog({
      title: 'Export Bibliography',
      ...(defaultUri ? { defaultUri } : {}),
      filters: format === 'bibtex' ? { BibTeX: ['bib'] } : { 'CSL-JSON': ['json'] },
    }));
    if (!target) return undefined;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(exportPapers(papers, format)));
    void vscode.window.showInformationMessage(`Paper Notes: exported ${papers.length} ${papers.length === 1 ? 'paper' : 'papers'} to ${vscode.workspace.asRelativePath(target)}.`);
    return target;
  }

  private async pickScope(noteIsMarkdown: boolean): Promise<ExportScope | undefined> {
    const items: Array<vscode.QuickPickItem & { scope: ExportScope }> = [
      ...(noteIsMarkdown ? [{ label: 'Papers cited in this note', scope: 'cited' as const }] : []),
      { label: 'All papers in the library', description: `${this.library.current().size} papers`, scope: 'all' },
    ];
    return (await vscode.window.showQuickPick(items, { title: 'Export Bibliography', placeHolder: 'Which papers?' }))?.scope;
  }

  private async pickFormat(): Promise<ExportFormat | undefined> {
    const items: Array<vscode.QuickPickItem & { format: ExportFormat }> = [
      { label: 'BibTeX', description: '.bib — pandoc, LaTeX, reference managers', format: 'bibtex' },
      { label: 'CSL-JSON', description: '.json — pandoc --citeproc, Zotero', format: 'csl-json' },
    ];
    return (await vscode.window.showQuickPick(items, { title: 'Export Bibliography', placeHolder: 'Which format?' }))?.format;
  }
}
