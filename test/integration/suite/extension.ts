// Helpers shared by the integration suites (bundled into each suite; not a suite itself).
import * as vscode from 'vscode';
import type { Library } from '../../../src/core/library/library';
import type { PaperNotesApi } from '../../../src/extension';

export const extensionId = 'paper-notes.paper-notes';

/**
 * The Paper Notes extension, activated, with its library loaded (`api.ready` resolved).
 * Fails the test with a clear message when the extension is not installed.
 */
export async function activatePaperNotes(): Promise<{ extension: vscode.Extension<PaperNotesApi>; api: PaperNotesApi; library: Library }> {
  const extension = vscode.extensions.getExtension<PaperNotesApi>(extensionId);
  if (!extension) throw new Error(`${extensionId} is not loaded in this VS Code`);
  const api = await extension.activate();
  const library = await api.ready;
  return { extension, api, library };
}
