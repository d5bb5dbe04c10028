// Helpers shared by the integration suites (bundled into each suite; not a suite itself).
import * as vscode from 'vscode';
import type { PaperNotesApi } from '../../../src/extension';

export const extensionId = 'paper-notes.paper-notes';

/** The Paper Notes extension, activated; fails the test with a clear message when it is not installed. */
export async function activatePaperNotes(): Promise<{ extension: vscode.Extension<PaperNotesApi>; api: PaperNotesApi }> {
  const extension = vscode.extensions.getExtension<PaperNotesApi>(extensionId);
  if (!extension) throw new Error(`${extensionId} is not loaded in this VS Code`);
  const api = await extension.activate();
  return { extension, api };
}
