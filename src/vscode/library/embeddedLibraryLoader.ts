import * as path from 'node:path';
import type * as vscode from 'vscode';
import { buildLibrary, Library } from '../../core/library/library';
import { readEmbeddedCorpus } from '../../node/corpusFiles';

/** Loads the corpus shipped in the extension's `corpus/` folder and logs the count and load time. */
export class EmbeddedLibraryLoader {
  private current = new Library([], []);

  constructor(private readonly extensionPath: string, private readonly log: vscode.OutputChannel) {}

  /** The last loaded library; empty until `load` finishes or when loading failed. */
  get library(): Library {
    return this.current;
  }

  /** Reads, merges and classifies the embedded corpus. Never rejects: a failure is logged and the library stays empty. */
  async load(): Promise<Library> {
    const started = performance.now();
    try {
      const inputs = await readEmbeddedCorpus(path.join(this.extensionPath, 'corpus'));
      const library = buildLibrary(inputs);
      this.current = library;
      const ms = (performance.now() - started).toFixed(1);
      this.log.appendLine(`Loaded ${library.size} papers from the embedded corpus in ${ms} ms.`);
      for (const d of library.diagnostics) this.log.appendLine(`${d.file}:${d.line}: ${d.severity}: ${d.message}`);
    } catch (error) {
      this.log.appendLine(`Could not load the embedded corpus: ${error instanceof Error ? error.message : String(error)}`);
    }
    return this.current;
  }
}
