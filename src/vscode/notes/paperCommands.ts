import * as vscode from 'vscode';
import { inertText } from '../../core/view/inertText';
import type { Claim } from '../../core/claims/claim';
import type { Library } from '../../core/library/library';
import type { Paper } from '../../core/library/paper';
import { planComparisonTableInsertion } from '../../core/notes/comparisonTable';
import { citationStyleFor } from '../citations/citationSettings';
import { paperKeysFrom } from './commandArguments';
import type { NoteService } from './noteService';
import { displayText } from '../../core/text/readingText';

export interface PaperCommandsOptions {
  readonly library: () => Library;
  readonly notes: NoteService;
  readonly claimsOf: (paper: Paper) => readonly Claim[];
  readonly categoryLabel: (id: string) => string;
}

export interface PaperCommand {
  readonly id: string;
  readonly execute: (...args: unknown[]) => Promise<unknown>;
}

interface PaperPick extends vscode.QuickPickItem {
  readonly paper: Paper;
}

function pickItem(paper: Paper, picked = false): PaperPick {
  return { label: inertText(displayText(paper.title)), description: inertText([paper.key, paper.year].filter((part) => part !== undefined).join(' · ')), detail: inertText(paper.authors.join(', ')), paper, picked };
}

function papersFor(args: readonly unknown[], library: Library): Paper[] {
  return paperKeysFrom(args).map((key) => library.get(key)).filter((paper): paper is Paper => paper !== undefined);
}

/** Paper Notes: Open Note — the paper's literature note, created from the template if it does not exist yet. */
export function openNoteCommand(options: PaperCommandsOptions): PaperCommand {
  return {
    id: 'paperNotes.openNote',
    async execute(...args) {
      let [paper] = papersFor(args, options.library());
      if (paper === undefined) {
        const pick = await vscode.window.showQuickPick(options.library().papers.map((candidate) => pickItem(candidate)), {
          title: 'Open Note',
          placeHolder: 'Paper to open or create the note for',
          matchOnDescription: true,
          matchOnDetail: true,
        });
        if (pick === undefined) return undefined;
        paper = pick.paper;
      }
      try {
        return await options.notes.openNote(paper);
      } catch (error) {
        void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
        return undefined;
      }
    },
  };
}

/**
 * Paper Notes: Compare Papers — inserts a GFM comparison table (one row per paper, every cell cited) at the cursor
 * of the active Markdown editor as one undoable edit, or opens it in a new Markdown document. The papers come from the
 * tree's selection or from a multi-pick.
 */
export function comparePapersCommand(options: PaperCommandsOptions): PaperCommand {
  return {
    id: 'paperNotes.comparePapers',
    async execute(...args) {
      const library = options.library();
      let papers = papersFor(args, library);
      if (papers.length < 2) {
        const chosen = new Set(papers.map((paper) => paper.key));
        const picks = await vscode.window.showQuickPick(library.papers.map((paper) => pickItem(paper, chosen.has(paper.key))), {
          title: 'Compare Papers',
          placeHolder: 'Papers to compare (pick two or more)',
          canPickMany: true,
          matchOnDescription: true,
        });
        if (picks === undefined || picks.length === 0) return undefined;
        papers = picks.map((pick) => pick.paper);
      }
      const editor = vscode.window.activeTextEditor;
      if (editor !== undefined && editor.document.languageId === 'markdown') {
        const { document, selection } = editor;
        const context = { ...options, style: citationStyleFor(document) };
        const text = document.getText();
        const [start, end] = [document.offsetAt(selection.start), document.offsetAt(selection.end)];
        const plan = planComparisonTableInsertion(text, start, end, papers, context);
        // One edit, so one undo step; a table at the very end takes the footnote definitions after it.
        await editor.edit((edit) => {
          if (plan.atEnd !== '' && end === text.length) {
            edit.replace(selection, plan.atRange + plan.atEnd);
            return;
          }
          edit.replace(selection, plan.atRange);
          if (plan.atEnd !== '') edit.insert(document.positionAt(text.length), plan.atEnd);
        });
        return plan.table;
      }
      const plan = planComparisonTableInsertion('', 0, 0, papers, { ...options, style: citationStyleFor() });
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: plan.atRange + plan.atEnd });
      await vscode.window.showTextDocument(document);
      return plan.table;
    },
  };
}
