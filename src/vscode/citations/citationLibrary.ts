import * as vscode from 'vscode';
import type { Paper } from '../../core/library/paper';
import { PaperIndex } from '../../core/cite/paperIndex';

/** Where citation features get papers from; the composition root adapts the Library to this. */
export interface PaperSource {
  papers(): readonly Paper[];
  /** Fires whenever the set of papers (or their metadata) changes. */
  readonly onDidChangePapers: vscode.Event<unknown>;
  /** Resolves once the papers are loaded, so a command run at startup does not see an empty library. */
  whenReady(): Promise<void>;
}

/** The top claims of a paper as short sentences, for hovers and completion details. */
export type TopClaims = (paper: Paper) => readonly string[];

/**
 * The papers citation features search, as a {@link PaperIndex} rebuilt lazily once per library version, plus an
 * event every feature listens to so nothing shows stale data after the library changes.
 */
export class CitationLibrary implements vscode.Disposable {
  private index: PaperIndex | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;

  /** Fires after the library changed; the next {@link current} call builds a fresh index. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly source: PaperSource, readonly topClaims: TopClaims = () => []) {
    this.subscription = source.onDidChangePapers(() => {
      this.index = undefined;
      this.changed.fire();
    });
  }

  /** Resolves once the source has loaded its papers. */
  whenReady(): Promise<void> {
    return this.source.whenReady();
  }

  /** The index of the current library version. */
  current(): PaperIndex {
    this.index ??= new PaperIndex(this.source.papers());
    return this.index;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
