import * as vscode from 'vscode';
import { utcDay } from '../../core/import/huggingFace';
import { ImportError } from '../../core/import/metadataService';
import type { PaperImporter } from './paperImporter';

export const IMPORT_DAILY_PAPERS_COMMAND = 'paperNotes.importDailyPapers';

function validateDate(text: string): string | undefined {
  const value = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) return 'Write the date as YYYY-MM-DD';
  if (value > utcDay(new Date())) return `${value} is in the future (today is ${utcDay(new Date())} in UTC)`;
  return undefined;
}

/**
 * Paper Notes: Import Daily Papers — a day's Hugging Face Daily Papers (default today in UTC) saved under `papers/`
 * with its metadata; the new papers show in the tree. Resolves with the page written (undefined when cancelled or failed).
 */
export function importDailyPapersCommand(importer: PaperImporter): { id: string; execute: (date?: unknown) => Promise<vscode.Uri | undefined> } {
  return {
    id: IMPORT_DAILY_PAPERS_COMMAND,
    async execute(date?: unknown) {
      const today = utcDay(new Date());
      const day = typeof date === 'string' ? date : await vscode.window.showInputBox({
        title: 'Import Daily Papers',
        prompt: 'The day of Hugging Face Daily Papers to import (UTC, as Hugging Face counts days)',
        value: today,
        valueSelection: [0, 10],
        ignoreFocusOut: true,
        validateInput: validateDate,
      });
      if (day === undefined || day.trim() === '') return undefined;
      try {
        const result = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: `Paper Notes: fetching the Daily Papers of ${day.trim()}…` },
          () => importer.importDay(day.trim()),
        );
        void vscode.window.showInformationMessage(`Paper Notes: imported ${result.count} papers of ${day.trim()} into ${vscode.workspace.asRelativePath(result.page)}.`);
        return result.page;
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
        void vscode.window.showErrorMessage(`Paper Notes: ${error.message}. Nothing was written.`);
        return undefined;
      }
    },
  };
}
