import * as vscode from 'vscode';
import type { DocumentCitations } from './documentCitations';
import type { WorkspaceCitationIndex } from './workspaceCitationIndex';

/** Find All References on a citation: every place in the workspace's Markdown notes that cites the same key. */
export class CitationReferenceProvider implements vscode.ReferenceProvider {
  constructor(private readonly citations: DocumentCitations, private readonly workspaceIndex: WorkspaceCitationIndex) {}

  async provideReferences(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location[] | undefined> {
    const match = this.citations.at(document, position);
    if (!match) return undefined;
    return this.workspaceIndex.locations(match.key);
  }
}
