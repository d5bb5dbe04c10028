import * as vscode from 'vscode';
import { CitationScanCache, scanCitations, type CitationMatch } from '../../core/cite/scanCitations';

/** Markdown documents this feature works on. */
export const MARKDOWN_SELECTOR: vscode.DocumentSelector = [{ language: 'markdown' }];

export function isMarkdown(document: vscode.TextDocument): boolean {
  return vscode.languages.match(MARKDOWN_SELECTOR, document) > 0;
}

/**
 * Citations of open documents, computed once per document version. Scans reuse per-chunk results, so after an
 * edit only the changed part of a long note is parsed again.
 */
export class DocumentCitations {
  private readonly cache = new CitationScanCache();
  private readonly byDocument = new Map<string, { version: number; citations: readonly CitationMatch[] }>();

  get(document: vscode.TextDocument): readonly CitationMatch[] {
    const key = document.uri.toString();
    const cached = this.byDocument.get(key);
    if (cached && cached.version === document.version) return cached.citations;
    const citations = scanCitations(document.getText(), this.cache);
    this.byDocument.set(key, { version: document.version, citations });
    return citations;
  }

  /**
   * The citation under a position: the `@key`, `[^key]` or key inside `\cite{…}` itself, or — anywhere on a
   * `[…]` group or `\cite{…}` command that holds a single key — that key.
   */
  at(document: vscode.TextDocument, position: vscode.Position): CitationMatch | undefined {
    const offset = document.offsetAt(position);
    const citations = this.get(document);
    const exact = citations.find((match) => offset >= match.start && offset <= match.end);
    if (exact) return exact;
    const inGroup = citations.filter((match) => match.group && offset >= match.group.start && offset <= match.group.end);
    return inGroup.length === 1 ? inGroup[0] : undefined;
  }

  forget(document: vscode.TextDocument): void {
    this.byDocument.delete(document.uri.toString());
  }

  /** The editor range of a citation's key. */
  static keyRange(document: vscode.TextDocument, match: CitationMatch): vscode.Range {
    return new vscode.Range(document.positionAt(match.keyStart), document.positionAt(match.keyEnd));
  }
}
