import * as vscode from 'vscode';
import { buildLibrary, Library, type LibraryInput } from '../../core/library/library';
import type { Paper } from '../../core/library/paper';
import { EMBEDDED_CORPUS } from '../../node/corpusFiles';

/**
 * The extension's current Library: the embedded corpus, read through `workspace.fs` and built by the core.
 * A new Library is built on every (re)load and announced through `onDidChange`, so every feature can drop
 * what it derived from the old one.
 */
export class LibraryService implements vscode.Disposable {
  private library = new Library([], []);
  private loading: Promise<void> | undefined;
  private readonly changed = new vscode.EventEmitter<Library>();

  /** Fires with the new Library after each load. */
  readonly onDidChange = this.changed.event;
  /** The same event, for consumers that only need to know that papers changed. */
  readonly onDidChangePapers = this.changed.event;

  constructor(private readonly extensionUri: vscode.Uri, private readonly output: vscode.OutputChannel) {}

  get current(): Library {
    return this.library;
  }

  papers(): readonly Paper[] {
    return this.library.papers;
  }

  /** Resolves once the first load finished (successfully or not). */
  whenReady(): Promise<void> {
    return this.loading ?? this.reload();
  }

  /** Reads the library files again and builds a new Library; problems go to the output channel, never throw. */
  reload(): Promise<void> {
    const loading = (async () => {
      const inputs: LibraryInput[] = [];
      for (const entry of EMBEDDED_CORPUS) {
        const uri = vscode.Uri.joinPath(this.extensionUri, 'corpus', entry.name);
        try {
          inputs.push({ file: entry.name, text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), format: entry.format });
        } catch (error) {
          this.output.appendLine(`${entry.name}:1: error: cannot read the embedded corpus (${error instanceof Error ? error.message : String(error)})`);
        }
      }
      const library = buildLibrary(inputs);
      for (const diagnostic of library.diagnostics) this.output.appendLine(`${diagnostic.file}:${diagnostic.line}: ${diagnostic.severity}: ${diagnostic.message}`);
      this.library = library;
      this.changed.fire(library);
    })();
    this.loading = loading;
    return loading;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
