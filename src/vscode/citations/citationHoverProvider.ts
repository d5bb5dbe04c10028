import * as vscode from 'vscode';
import { paperSummaryMarkdown } from '../../core/cite/paperSummary';
import { visibleText } from '../../core/view/inertText';
import type { CitationLibrary } from './citationLibrary';
import { DocumentCitations } from './documentCitations';

/** Hover on `@key`, `[@key]`, `\cite{key}` or `[^key]`: the paper's title, authors, year, venue, top claims and links. */
export class CitationHoverProvider implements vscode.HoverProvider {
  constructor(private readonly library: CitationLibrary, private readonly citations: DocumentCitations) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const match = this.citations.at(document, position);
    if (!match) return undefined;
    const index = this.library.current();
    const paper = index.get(match.key);
    const range = new vscode.Range(document.positionAt(match.start), document.positionAt(match.end));
    if (paper) return new vscode.Hover(new vscode.MarkdownString(paperSummaryMarkdown(paper, this.library.topClaims(paper))), range);
    if (match.syntax === 'footnote') return undefined;
    const suggestions = index.suggestKeys(match.key);
    const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.map((key) => `\`${key}\``).join(', ')}?` : '';
    return new vscode.Hover(new vscode.MarkdownString(`Unknown citation key \`${visibleText(match.key).replace(/`/g, '')}\`.${hint}`), range);
  }
}
