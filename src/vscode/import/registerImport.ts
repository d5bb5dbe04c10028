import * as vscode from 'vscode';
import { addPaperCommand } from './addPaperCommand';
import { importDailyPapersCommand } from './importDailyPapersCommand';
import { PaperImporter, type PaperImporterHost } from './paperImporter';
import { CITATION_PASTE_KIND, CitationPasteProvider, citePaperLinkCommand, CitePaperLinkCodeActions } from './pasteAsCitation';

const MARKDOWN: vscode.DocumentSelector = { language: 'markdown' };

/** Add Paper, Import Daily Papers, "Paste as citation" and "Cite this paper". */
export function registerImport(context: vscode.ExtensionContext, host: Omit<PaperImporterHost, 'storageUri'>): PaperImporter {
  const importer = new PaperImporter({ ...host, storageUri: context.globalStorageUri });
  const commands = [addPaperCommand(importer), importDailyPapersCommand(importer), citePaperLinkCommand(importer)];
  const ids = new Set<string>();
  for (const command of commands) {
    if (ids.has(command.id)) throw new Error(`duplicate command ${command.id}`);
    ids.add(command.id);
    context.subscriptions.push(vscode.commands.registerCommand(command.id, command.execute));
  }
  context.subscriptions.push(
    importer,
    vscode.languages.registerDocumentPasteEditProvider(MARKDOWN, new CitationPasteProvider(importer, () => host.library().papers), {
      providedPasteEditKinds: [CITATION_PASTE_KIND],
      pasteMimeTypes: ['text/plain'],
    }),
    vscode.languages.registerCodeActionsProvider(MARKDOWN, new CitePaperLinkCodeActions(), { providedCodeActionKinds: CitePaperLinkCodeActions.kinds }),
  );
  return importer;
}
