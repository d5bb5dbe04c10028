import * as vscode from 'vscode';
import type { Library } from '../../core/library/library';
import type { Paper } from '../../core/library/paper';
import type { Claim } from '../../core/claims/claim';
import { claimLimitNotes, type ClaimExtraction } from '../../core/claims/extractClaims';
import type { CategoryId } from '../../core/categories/category';
import { toBibtex } from '../../core/cite/export';
import type { PaperSource } from './paperSource';

export interface LibraryPaperSourceOptions {
  /** The current library (it is replaced, not mutated, on reload). */
  readonly library: () => Library;
  /** Fires after the library was replaced. */
  readonly onDidChangeLibrary?: vscode.Event<unknown>;
  readonly extractClaims: (abstract: string) => ClaimExtraction;
  readonly categoryLabel?: (id: CategoryId) => string;
}

/** Adapts the core Library to what the Papers views read, extracting claims once per paper object. */
export class LibraryPaperSource implements PaperSource, vscode.Disposable {
  private readonly claimCache = new WeakMap<Paper, ClaimExtraction>();
  private readonly failures = new WeakMap<ClaimExtraction, string>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable | undefined;

  constructor(private readonly options: LibraryPaperSourceOptions) {
    this.subscription = options.onDidChangeLibrary?.(() => this.changed.fire());
  }

  /** Tells the views the library was replaced (for loaders without an event of their own). */
  notifyChanged(): void {
    this.changed.fire();
  }

  papers(): readonly Paper[] {
    return this.options.library().papers;
  }

  paper(key: string): Paper | undefined {
    return this.options.library().get(key);
  }

  claims(paper: Paper): readonly Claim[] {
    return this.extraction(paper).claims;
  }

  /** What the claim limits did to this paper (merged repeats, the per-paper cap), for the paper view's notes. */
  extractorNotes(paper: Paper): readonly string[] {
    const extraction = this.extraction(paper);
    return [...(this.failures.has(extraction) ? [this.failures.get(extraction)!] : []), ...claimLimitNotes(extraction)];
  }

  private extraction(paper: Paper): ClaimExtraction {
    let extraction = this.claimCache.get(paper);
    if (!extraction) {
      try {
        extraction = this.options.extractClaims(paper.abstract);
      } catch (error) {
        // One abstract the extractor fails on shows no claims; every other view and paper keeps working.
        extraction = { claims: [], found: 0, cap: 0, merged: 0 };
        this.failures.set(extraction, `The claim extractor failed on this abstract, so no claims are shown: ${error instanceof Error ? error.message : String(error)}`);
      }
      this.claimCache.set(paper, extraction);
    }
    return extraction;
  }

  bibtex(paper: Paper): string {
    return toBibtex([paper]);
  }

  categoryLabel(id: CategoryId): string {
    return this.options.categoryLabel?.(id) ?? id;
  }

  dispose(): void {
    this.subscription?.dispose();
    this.changed.dispose();
  }
}
