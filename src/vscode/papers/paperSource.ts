import type * as vscode from 'vscode';
import type { Paper } from '../../core/library/paper';
import type { Claim } from '../../core/claims/claim';
import type { CategoryId } from '../../core/categories/category';

/** What the Papers views and the paper view read: the current library, its claims and a change event. No I/O. */
export interface PaperSource {
  /** Every paper, in library order. */
  papers(): readonly Paper[];
  paper(key: string): Paper | undefined;
  /** The paper's claims, in abstract order (cached by the source). */
  claims(paper: Paper): readonly Claim[];
  /** Notes the claim extractor left about the paper, if it has any. */
  extractorNotes?(paper: Paper): readonly string[];
  /** The paper as a BibTeX entry. */
  bibtex(paper: Paper): string;
  categoryLabel?(id: CategoryId): string;
  /** Fires when the library is reloaded or changes. */
  readonly onDidChange?: vscode.Event<void>;
}
