import * as vscode from 'vscode';
import { inertText } from '../../core/view/inertText';
import type { Paper } from '../../core/library/paper';
import { planCitationInsertion } from '../../core/cite/formatCitation';
import { CITATION_STYLES, type CitationStyle } from '../../core/cite/citationStyle';
import { yearAndVenue } from '../../core/cite/paperSummary';
import type { CitationLibrary } from './citationLibrary';
import { citationStyleFor } from './citationSettings';
import { displayText } from '../../core/text/readingText';

/** Arguments for scripted use (tests, other commands): skip the picker, or force a style. */
export interface InsertCitationArgs {
  readonly keys?: readonly string[];
  readonly style?: CitationStyle;
}

interface PaperItem extends vscode.QuickPickItem {
  readonly paper: Paper;
}

const PICK_LIMIT = 100;

/**
 * Paper Notes: Insert Citation. A multi-select quick pick ranked by the library's fuzzy index; the chosen papers
 * are inserted at every cursor as one citation (grouped when several), in one undoable edit.
 */
export class InsertCitationCommand {
  readonly id = 'paperNotes.insertCitation';

  constructor(private readonly library: CitationLibrary) {}

  async execute(args?: InsertCitationArgs): Promise<boolean> {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showWarningMessage('Paper Notes: open a Markdown note to insert a citation.');
      return false;
    }
    await this.library.whenReady();
    const style = args?.style && (CITATION_STYLES as readonly string[]).includes(args.style) ? args.style : citationStyleFor(editor.document);
    const papers = args?.keys ? this.papersFor(args.keys) : await this.pick();
    if (!papers || papers.length === 0) return false;
    return insertCitation(editor, papers, style);
  }

  private papersFor(keys: readonly string[]): Paper[] | undefined {
    const index = this.library.current();
    const missing = keys.filter((key) => !index.get(key));
    if (missing.length > 0) {
      void vscode.window.showErrorMessage(`Paper Notes: no paper with key ${inertText(missing.join(', '))} in the library.`);
      return undefined;
    }
    return keys.map((key) => index.get(key)!);
  }

  private pick(): Promise<Paper[] | undefined> {
    const index = this.library.current();
    const quickPick = vscode.window.createQuickPick<PaperItem>();
    quickPick.title = 'Insert Citation';
    quickPick.placeholder = 'Search papers by key, title, author or year; select several for a grouped citation';
    quickPick.canSelectMany = true;
    quickPick.matchOnDescription = true;
    quickPick.matchOnDetail = true;
    const chosen = new Map<string, PaperItem>();
    const toItem = (paper: Paper): PaperItem => {
      const claims = this.library.topClaims(paper).slice(0, 2);
      // alwaysShow: the index already ranked and filtered; VS Code must not hide what it ranked.
      return { label: inertText(displayText(paper.title)), description: inertText(paper.key), detail: inertText([yearAndVenue(paper), ...claims].filter(Boolean).join(' · ')), alwaysShow: true, paper };
    };
    const refresh = (query: string): void => {
      const hits = index.search(query, PICK_LIMIT).map((hit) => chosen.get(hit.paper.key) ?? toItem(hit.paper));
      const keep = [...chosen.values()].filter((item) => !hits.includes(item));
      quickPick.items = [...keep, ...hits];
      quickPick.selectedItems = quickPick.items.filter((item) => chosen.has(item.paper.key));
      // Enter with nothing checked takes the best match: make it the active row even in multi-select mode.
      if (hits[0]) quickPick.activeItems = [hits[0]];
    };
    return new Promise((resolve) => {
      quickPick.onDidChangeValue(refresh);
      quickPick.onDidChangeSelection((items) => {
        chosen.clear();
        for (const item of items) chosen.set(item.paper.key, item);
      });
      quickPick.onDidAccept(() => {
        const picked = quickPick.selectedItems.length > 0 ? quickPick.selectedItems : quickPick.activeItems;
        resolve(picked.map((item) => item.paper));
        quickPick.hide();
      });
      quickPick.onDidHide(() => {
        resolve(undefined);
        quickPick.dispose();
      });
      refresh('');
      quickPick.show();
    });
  }
}

/**
 * Inserts a citation of `papers` at every selection of `editor` (replacing selected text), adding footnote
 * definitions once at the end for the footnote style. One `editor.edit`, so one undo step; each cursor ends
 * after its citation.
 */
export async function insertCitation(editor: vscode.TextEditor, papers: readonly Paper[], style: CitationStyle): Promise<boolean> {
  const document = editor.document;
  const text = document.getText();
  const selections = [...editor.selections].sort((a, b) => document.offsetAt(a.start) - document.offsetAt(b.start));
  const plan = planCitationInsertion(text, selections.map((selection) => document.offsetAt(selection.start)), papers, style);
  const edits = selections.map((selection, index) => ({ start: document.offsetAt(selection.start), end: document.offsetAt(selection.end), text: plan.atCursors[index]! }));
  if (plan.atEnd !== '') {
    const last = edits[edits.length - 1];
    // A cursor at the very end takes the definitions after its citation, so the two inserts cannot swap.
    if (last && last.end === text.length) last.text += plan.atEnd;
    else edits.push({ start: text.length, end: text.length, text: plan.atEnd });
  }
  const applied = await editor.edit((builder) => {
    for (const edit of edits) builder.replace(new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.text);
  });
  if (!applied) return false;
  let shift = 0;
  const cursors: vscode.Selection[] = [];
  edits.forEach((edit, index) => {
    if (index < selections.length) {
      const citationLength = plan.atCursors[index]!.length;
      const position = editor.document.positionAt(edit.start + shift + citationLength);
      cursors.push(new vscode.Selection(position, position));
    }
    shift += edit.text.length - (edit.end - edit.start);
  });
  editor.selections = cursors;
  return true;
}
