import * as vscode from 'vscode';
import { Library } from '../../core/library/library';
import type { Paper } from '../../core/library/paper';

/**
 * The extension's current Library plus the event every feature listens to: each (re)load builds a new immutable
 * Library and announces it through `onDidChange`, so nothing keeps showing what it derived from the old one.
 */
export class LibraryService implements vscode.Disposable {
  private library = new Library([], []);
  private loading: Promise<Library> | undefined;
  private readonly changed = new vscode.EventEmitter<Library>();

  /** Fires with the new Library after each load. */
  readonly onDidChange = this.changed.event;
  /** The same event, for consumers that only need to know that papers changed. */
  readonly onDidChangePapers = this.changed.event;

  /** `load` reads and builds a Library and never rejects (loaders log their own problems). */
  constructor(private readonly load: () => Promise<Library>) {}

  get current(): Library {
    return this.library;
  }

  papers(): readonly Paper[] {
    return this.library.papers;
  }

  /** Resolves once the first load finished. */
  async whenReady(): Promise<void> {
    await (this.loading ?? this.reload());
  }

  /** Loads again and announces the new Library. */
  reload(): Promise<Library> {
    this.loading = this.load().then((library) => {
      this.library = library;
      this.changed.fire(library);
      return library;
    });
    return this.loading;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
