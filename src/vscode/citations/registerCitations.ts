import * as vscode from 'vscode';
import type { Paper } from '../../core/library/paper';
import { topClaims as extractTopClaims } from '../../core/cite/topClaims';
import { CitationLibrary, type PaperSource, type TopClaims } from './citationLibrary';
import { CitationCompletionProvider, CITATION_TRIGGER_CHARACTERS } from './citationCompletionProvider';
import { CitationDefinitionProvider, PaperDocumentProvider, PaperViewRedirect, PAPER_SCHEME } from './citationDefinitionProvider';
import { CitationDiagnostics, UnknownKeyCodeActions } from './citationDiagnostics';
import { CitationHoverProvider } from './citationHoverProvider';
import { CitationReferenceProvider } from './citationReferenceProvider';
import { DocumentCitations, MARKDOWN_SELECTOR } from './documentCitations';
import { ExportBibliographyCommand } from './exportBibliographyCommand';
import { InsertCitationCommand } from './insertCitationCommand';
import { MarkdownValidationSettings } from './markdownValidationSettings';
import type { CslStyleService } from '../csl/cslStyleService';
import { UpdateReferencesCommand } from './updateReferencesCommand';
import { WorkspaceCitationIndex } from './workspaceCitationIndex';

/** A command as one small object; `execute` receives the command's arguments. */
export interface Command {
  readonly id: string;
  execute(...args: never[]): unknown;
}

/** Registers commands, refusing a duplicate id (VS Code would otherwise fail later and less clearly). */
export function registerCommands(commands: readonly Command[]): vscode.Disposable[] {
  const seen = new Set<string>();
  return commands.map((command) => {
    if (seen.has(command.id)) throw new Error(`Command ${command.id} is registered twice.`);
    seen.add(command.id);
    return vscode.commands.registerCommand(command.id, (...args: unknown[]) => (command.execute as (...rest: unknown[]) => unknown)(...args));
  });
}

/** What other features use from citations: the library view of papers, and "cited in N notes". */
export interface CitationServices {
  readonly library: CitationLibrary;
  readonly workspaceIndex: WorkspaceCitationIndex;
}

/** Top claims from the claim extractor, computed once per paper object (papers are immutable). */
function cachedTopClaims(): TopClaims {
  const cache = new WeakMap<Paper, readonly string[]>();
  return (paper) => {
    let claims = cache.get(paper);
    if (!claims) cache.set(paper, (claims = extractTopClaims(paper.abstract)));
    return claims;
  };
}

/** Builds every citation feature once and hands each disposable to the context. */
export function registerCitations(context: vscode.ExtensionContext, source: PaperSource, styles: CslStyleService, topClaims: TopClaims = cachedTopClaims()): CitationServices {
  const library = new CitationLibrary(source, topClaims);
  const citations = new DocumentCitations();
  const workspaceIndex = new WorkspaceCitationIndex();
  const validation = new MarkdownValidationSettings();
  const paperDocuments = new PaperDocumentProvider(library);
  // Why Update References refused a note (ambiguous markers), at the line, until it succeeds there.
  const referenceProblems = vscode.languages.createDiagnosticCollection('paperNotes.references');
  context.subscriptions.push(
    referenceProblems,
    library,
    workspaceIndex,
    validation,
    paperDocuments,
    new CitationDiagnostics(library, citations),
    new PaperViewRedirect(),
    vscode.workspace.registerTextDocumentContentProvider(PAPER_SCHEME, paperDocuments),
    vscode.languages.registerCompletionItemProvider(MARKDOWN_SELECTOR, new CitationCompletionProvider(library), ...CITATION_TRIGGER_CHARACTERS),
    vscode.languages.registerHoverProvider(MARKDOWN_SELECTOR, new CitationHoverProvider(library, citations)),
    vscode.languages.registerDefinitionProvider(MARKDOWN_SELECTOR, new CitationDefinitionProvider(library, citations)),
    vscode.languages.registerReferenceProvider(MARKDOWN_SELECTOR, new CitationReferenceProvider(citations, workspaceIndex)),
    vscode.languages.registerCodeActionsProvider(MARKDOWN_SELECTOR, new UnknownKeyCodeActions(library), { providedCodeActionKinds: UnknownKeyCodeActions.kinds }),
    ...registerCommands([new InsertCitationCommand(library), new UpdateReferencesCommand(library, styles, referenceProblems), new ExportBibliographyCommand(library, citations)]),
  );
  void validation.apply();
  // Index the workspace's notes in the background, so "cited in N notes" is ready when the tree asks.
  void workspaceIndex.ready();
  return { library, workspaceIndex };
}
