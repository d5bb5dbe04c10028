import * as path from 'node:path';
import { inertText } from '../../core/view/inertText';
import * as vscode from 'vscode';
import { snapshotClassifier } from '../../core/categories/categorySnapshot';
import { createClassifier, DEFAULT_TAXONOMY, type Classifier } from '../../core/categories/classifier';
import { readBibtexInSlices } from '../../core/library/bibtexReader';
import { dailyPapersMetadataFile, readDailyPapersWithMetadata } from '../../core/library/dailyPapersWithMetadata';
import { IncrementalLibrary } from '../../core/library/incrementalLibrary';
import { Library, type LibraryFormat } from '../../core/library/library';
import { invalidUtf8Diagnostics } from '../../core/library/invalidUtf8';
import { libraryFormatOf } from '../../core/library/libraryFormats';
import { describeFailure } from '../../core/library/readFailure';
import { readSettled } from '../../core/library/settledRead';
import { EXCLUDED_FOLDERS, librarySettingsFrom, type LibrarySettings } from '../../core/library/librarySettings';
import type { LibraryDiagnostic, Paper, ReadResult } from '../../core/library/paper';
import { CORPUS_CATEGORIES_FILE, readCorpusCategories } from '../../node/corpusCategories';
import { readCorpusFolder, readEmbeddedCorpusSync } from '../../node/corpusFiles';

const EXCLUDE = `**/{${EXCLUDED_FOLDERS.join(',')}}/**`;
/** Files larger than this are read in slices with progress, so the extension host stays responsive. */
const SLICED_READ_CHARS = 1_000_000;
/** Libraries with more records than this show progress while they are merged and categorised. */
const LARGE_LIBRARY = 20_000;
/**
 * Libraries with fewer records than this (the bundled corpus has 106) are built in one go: a few milliseconds, where
 * a slice's pause would hand the event loop to whatever else is starting up before the first tree shows.
 */
const SMALL_LIBRARY = 250;
/** Changes to one file within this window are read once. */
const DEBOUNCE_MS = 150;

/** Values of the `paperNotes.libraryState` context key, for the Papers views' welcome content. */
export type LibraryLoadState = 'loading' | 'ready' | 'empty' | 'failed';

export function readLibrarySettings(): LibrarySettings {
  const config = vscode.workspace.getConfiguration('paperNotes.library');
  return librarySettingsFrom((name) => config.get<unknown>(name));
}

const yieldToHost = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function toVscodeSeverity(severity: LibraryDiagnostic['severity']): vscode.DiagnosticSeverity {
  return severity === 'error' ? vscode.DiagnosticSeverity.Error : severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
}

/**
 * The library of the workspace: the bibliography files the settings name (BibTeX, CSL-JSON, Daily Papers text) plus
 * the bundled corpus. Watches those files and re-reads only the one that changed; publishes problems to the Problems
 * panel, logs loads to the output channel, and fires `onDidChangeLibrary` after each change.
 */
export class WorkspaceLibraryService implements vscode.Disposable {
  private readonly incremental: IncrementalLibrary;
  private current = new Library([], []);
  private readonly changed = new vscode.EventEmitter<Library>();
  /** Fires with the new library after every (re)load. */
  readonly onDidChangeLibrary = this.changed.event;
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('paperNotes.library');
  private readonly disposables: vscode.Disposable[] = [this.changed, this.diagnostics];
  private watchers: vscode.Disposable[] = [];
  /** Library file name (workspace-relative) -> its URI, for the Problems panel. */
  private readonly uris = new Map<string, vscode.Uri>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** Every load and reload runs in this chain, one after the other. */
  private queue: Promise<unknown> = Promise.resolve();
  private state: LibraryLoadState = 'loading';
  private publishedOnce = false;
  /** Why the bundled corpus could not be read, in one line; undefined when it loaded (or is turned off). */
  failure: string | undefined;
  /** Resolves when the first load has finished. */
  readonly ready: Promise<Library>;

  constructor(private readonly extensionPath: string, private readonly log: vscode.OutputChannel) {
    this.incremental = new IncrementalLibrary({ classifier: this.classifier() });
    this.setState('loading');
    this.ready = this.enqueue(() => this.loadAll());
    this.disposables.push(vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('paperNotes.library')) void this.enqueue(() => this.loadAll());
    }));
    this.disposables.push(vscode.workspace.onDidChangeWorkspaceFolders(() => void this.enqueue(() => this.loadAll())));
  }

  /** The current library (replaced, never mutated, on each change). */
  get library(): Library {
    return this.current;
  }

  /** The current papers (the citation features read the library through these three members). */
  papers(): readonly Paper[] {
    return this.current.papers;
  }

  /** The same event as `onDidChangeLibrary`, for consumers that only need to know that papers changed. */
  get onDidChangePapers(): vscode.Event<Library> {
    return this.onDidChangeLibrary;
  }

  /** Resolves once the first load has finished. */
  async whenReady(): Promise<void> {
    await this.ready;
  }

  get loadState(): LibraryLoadState {
    return this.state;
  }

  /** Reads every library file again. */
  reload(): Promise<Library> {
    return this.enqueue(() => this.loadAll());
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    if (this.folderSearch !== undefined) clearTimeout(this.folderSearch);
    for (const disposable of [...this.watchers, ...this.disposables]) disposable.dispose();
  }

  /** The bundled papers' categories come precomputed by the build; any other paper wakes the real classifier. */
  private classifier(): Classifier {
    const snapshot = readCorpusCategories(path.join(this.extensionPath, 'dist', CORPUS_CATEGORIES_FILE));
    if ('problem' in snapshot) {
      this.log.appendLine(`Categorising the bundled papers at start-up: ${snapshot.problem}.`);
      return createClassifier();
    }
    return snapshotClassifier(snapshot, DEFAULT_TAXONOMY, () => createClassifier());
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** The state behind `libraryState()`; the Papers view sets the matching context key when it shows the library. */
  private setState(state: LibraryLoadState): void {
    this.state = state;
  }

  private displayName(uri: vscode.Uri): string {
    return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  }

  private async loadAll(): Promise<Library> {
    const started = performance.now();
    const settings = readLibrarySettings();
    for (const file of this.incremental.fileList()) this.incremental.deleteFile(file.file);
    this.uris.clear();
    this.failure = undefined;
    // A development and test hook: another corpus folder instead of the embedded one (see readCorpusFolder).
    const corpusFolder = process.env.PAPER_NOTES_CORPUS_DIR;
    if (settings.includeBundled) {
      try {
        const inputs = corpusFolder ? await readCorpusFolder(corpusFolder) : readEmbeddedCorpusSync(path.join(this.extensionPath, 'corpus'));
        for (const input of inputs) this.incremental.setFile(input, true);
      } catch (error) {
        this.failure = error instanceof Error ? error.message : String(error);
        this.log.appendLine(`Could not load the bundled papers: ${this.failure}`);
      }
      // The bundled papers show at once; searching the workspace for library files takes far longer.
      if (!this.publishedOnce && this.incremental.fileList().length > 0) await this.publish();
    }
    // Watching starts before the search, so no library file created meanwhile is missed.
    this.watch(settings);
    const uris = await this.findLibraryFiles(settings);
    for (const uri of uris) await this.readFile(uri);
    const library = await this.publish();
    const elapsed = (performance.now() - started).toFixed(1);
    if (settings.includeBundled) {
      const bundled = new Set(this.incremental.fileList().filter((file) => file.bundled).map((file) => file.file));
      const fromCorpus = library.papers.filter((paper) => bundled.has(paper.source.file)).length;
      this.log.appendLine(`Loaded ${fromCorpus} papers from ${corpusFolder ? `the corpus folder ${corpusFolder}` : 'the embedded corpus'} in ${elapsed} ms.`);
    }
    const workspacePapers = this.incremental.fileList().filter((file) => !file.bundled).reduce((sum, file) => sum + file.result.records.length, 0);
    this.log.appendLine(
      `Library: ${library.size} papers (${workspacePapers} entries from ${uris.length} workspace file${uris.length === 1 ? '' : 's'}`
      + `${settings.includeBundled ? ', plus the bundled papers' : ''}) in ${elapsed} ms.`,
    );
    return library;
  }

  private async findLibraryFiles(settings: LibrarySettings): Promise<vscode.Uri[]> {
    const found = new Map<string, vscode.Uri>();
    const searches = (vscode.workspace.workspaceFolders ?? []).flatMap((folder) =>
      settings.files.map((glob) => vscode.workspace.findFiles(new vscode.RelativePattern(folder, glob), EXCLUDE)));
    for (const uris of await Promise.all(searches)) {
      for (const uri of uris) found.set(uri.toString(), uri);
    }
    return [...found.values()].sort((a, b) => a.path.localeCompare(b.path));
  }

  private watch(settings: LibrarySettings): void {
    for (const watcher of this.watchers) watcher.dispose();
    this.watchers = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const glob of settings.files) {
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, glob));
        watcher.onDidCreate((uri) => this.scheduleRead(uri));
        watcher.onDidChange((uri) => this.scheduleRead(uri));
        watcher.onDidDelete((uri) => void this.enqueue(() => this.removeFile(uri)));
        this.watchers.push(watcher);
      }
      // A Daily Papers page is read with the metadata file beside it: a change to that file reads its page again.
      const metadata = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**/*.metadata.json'));
      const pageOf = (uri: vscode.Uri) => {
        const page = uri.with({ path: uri.path.replace(/\.metadata\.json$/i, '.txt') });
        if (this.incremental.has(this.displayName(page))) this.scheduleRead(page);
      };
      metadata.onDidCreate(pageOf);
      metadata.onDidChange(pageOf);
      metadata.onDidDelete(pageOf);
      this.watchers.push(metadata);
      // Deleting a folder reports the folder only, not the library files inside it. A file written at once into a
      // new folder can be missed by the watcher (the folder is not watched yet), so a new folder is searched too.
      const folders = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**'), false, true, false);
      folders.onDidCreate((uri) => this.scheduleFolderSearch(uri));
      folders.onDidDelete((uri) => this.removeFolder(uri));
      this.watchers.push(folders);
    }
  }

  /** Folders created since the last search, searched together after the debounce. */
  private readonly createdFolders = new Set<string>();
  private folderSearch: ReturnType<typeof setTimeout> | undefined;

  private scheduleFolderSearch(uri: vscode.Uri): void {
    if (/[\\/](node_modules|\.git)([\\/]|$)/.test(uri.path)) return;
    this.createdFolders.add(uri.toString());
    if (this.folderSearch !== undefined) clearTimeout(this.folderSearch);
    this.folderSearch = setTimeout(() => {
      this.folderSearch = undefined;
      const created = [...this.createdFolders];
      this.createdFolders.clear();
      void this.searchCreatedFolders(created);
    }, DEBOUNCE_MS);
  }

  /** Reads the library files inside folders just created that no watcher event has brought in. */
  private async searchCreatedFolders(created: readonly string[]): Promise<void> {
    const folders: string[] = [];
    for (const uri of created) {
      const stat = await vscode.workspace.fs.stat(vscode.Uri.parse(uri)).then((found) => found, () => undefined);
      if (stat !== undefined && (stat.type & vscode.FileType.Directory) !== 0) folders.push(`${uri}/`);
    }
    if (folders.length === 0) return;
    const found = await this.findLibraryFiles(readLibrarySettings());
    for (const uri of found) {
      if (this.uris.has(this.displayName(uri)) || this.pending.has(uri.toString())) continue;
      if (folders.some((prefix) => uri.toString().startsWith(prefix))) this.scheduleRead(uri);
    }
  }

  private removeFolder(uri: vscode.Uri): void {
    const prefix = `${uri.toString()}/`;
    const inside = [...this.uris.values()].filter((known) => known.toString().startsWith(prefix));
    for (const known of inside) void this.enqueue(() => this.removeFile(known));
  }

  /**
   * Reads one file now, without waiting for the file watcher (an importer that has just written it wants its papers
   * in the tree at once); resolves with the library that includes it.
   */
  readNow(uri: vscode.Uri): Promise<Library> {
    const key = uri.toString();
    const timer = this.pending.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.pending.delete(key);
    return this.enqueue(async () => {
      await this.readFile(uri);
      return this.publish();
    });
  }

  private scheduleRead(uri: vscode.Uri): void {
    if (/[\\/](node_modules|\.git)[\\/]/.test(uri.path)) return;
    const key = uri.toString();
    const timer = this.pending.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.pending.set(key, setTimeout(() => {
      this.pending.delete(key);
      void this.enqueue(async () => {
        const started = performance.now();
        const wasInLibrary = this.incremental.has(this.displayName(uri));
        const isInLibrary = await this.readFile(uri);
        if (!isInLibrary && !wasInLibrary) return this.current;
        const library = await this.publish();
        this.log.appendLine(`Reloaded ${this.displayName(uri)} in ${(performance.now() - started).toFixed(0)} ms; the library has ${library.size} papers.`);
        return library;
      });
    }, DEBOUNCE_MS));
  }

  private async removeFile(uri: vscode.Uri): Promise<Library> {
    const file = this.displayName(uri);
    if (!this.incremental.deleteFile(file)) return this.current;
    this.uris.delete(file);
    this.log.appendLine(`Removed ${file} from the library.`);
    return this.publish();
  }

  /** Reads one file into the incremental library; false if it is not a library file (a .txt that is not Daily Papers). */
  private async readFile(uri: vscode.Uri): Promise<boolean> {
    const file = this.displayName(uri);
    const started = performance.now();
    let text: string;
    let badLines: LibraryDiagnostic[];
    try {
      // Another program may still be writing it: read until its size and time hold still (a later change re-reads it too).
      const read = await readSettled({
        stat: async () => {
          const stat = await vscode.workspace.fs.stat(uri);
          return { size: stat.size, mtime: stat.mtime };
        },
        read: () => vscode.workspace.fs.readFile(uri),
        wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      });
      if (read.reads > 1) this.log.appendLine(`${file} changed while it was read; read it ${read.reads} times${read.settled ? '' : ' and it was still changing'}.`);
      text = new TextDecoder('utf-8').decode(read.bytes);
      badLines = invalidUtf8Diagnostics(read.bytes, file);
    } catch (error) {
      this.log.appendLine(`Could not read ${file}: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
    const format: LibraryFormat | undefined = libraryFormatOf(uri.path, text);
    if (format === undefined) {
      // A .txt that is not (or no longer) a Daily Papers page.
      this.incremental.deleteFile(file);
      this.uris.delete(file);
      return false;
    }
    this.uris.set(file, uri);
    let result: ReadResult;
    try {
      result = await this.parse(uri, file, format, text);
    } catch (error) {
      // Readers do not throw; if one does, the failure stays in this file and every other file still loads.
      result = { records: [], diagnostics: [{ file, line: 1, severity: 'error', message: `could not read this file: ${describeFailure(error)}` }] };
      this.incremental.setReadResult({ file, format, bundled: false, result });
    }
    if (badLines.length > 0) {
      result = { records: result.records, diagnostics: [...badLines, ...result.diagnostics] };
      this.incremental.setReadResult({ file, format, bundled: false, result });
    }
    const problems = result.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info').length;
    this.log.appendLine(
      `Read ${file} (${format}): ${result.records.length} entr${result.records.length === 1 ? 'y' : 'ies'}`
      + `${problems > 0 ? `, ${problems} problem${problems === 1 ? '' : 's'}` : ''} in ${(performance.now() - started).toFixed(0)} ms.`,
    );
    return true;
  }

  /** Reads one library file's text with its format's reader (large BibTeX in slices, with progress). */
  private async parse(uri: vscode.Uri, file: string, format: LibraryFormat, text: string): Promise<ReadResult> {
    let result: ReadResult;
    if (format === 'bibtex' && text.length > SLICED_READ_CHARS) {
      result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: `Paper Notes: reading ${path.basename(uri.path)}` },
        async (progress) => {
          let reported = 0;
          return readBibtexInSlices(text, file, {
            pause: yieldToHost,
            onProgress: (fraction) => {
              const percent = Math.floor(fraction * 100);
              if (percent > reported) {
                progress.report({ increment: percent - reported, message: `${percent}%` });
                reported = percent;
              }
            },
          });
        },
      );
      this.incremental.setReadResult({ file, format, bundled: false, result });
    } else if (format === 'daily-papers') {
      // A page and the metadata file saved beside it are read as one, so its papers get their authors and real keys.
      const metadataUri = uri.with({ path: dailyPapersMetadataFile(uri.path) });
      let metadata: { text: string; file: string } | undefined;
      try {
        metadata = { text: new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(metadataUri)), file: this.displayName(metadataUri) };
        this.uris.set(metadata.file, metadataUri);
      } catch {
        metadata = undefined;
      }
      result = readDailyPapersWithMetadata({ text, file }, metadata);
      this.incremental.setReadResult({ file, format, bundled: false, result });
    } else {
      result = this.incremental.setFile({ file, text, format });
    }
    return result;
  }

  /** How many of the workspace's own library files (not the bundled ones) hold at least one paper. */
  get workspaceFilesWithPapers(): number {
    return this.incremental.fileList().filter((file) => !file.bundled && file.result.records.length > 0).length;
  }

  /** Rebuilds the merged library, publishes its problems and state, and tells the listeners. */
  private async publish(): Promise<Library> {
    const records = this.incremental.fileList().reduce((sum, file) => sum + file.result.records.length, 0);
    const library = records < SMALL_LIBRARY
      ? this.incremental.build()
      : records < LARGE_LIBRARY
      ? await this.incremental.buildInSlices(yieldToHost)
      : await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: `Paper Notes: merging and categorising ${records.toLocaleString('en')} papers` },
        () => this.incremental.buildInSlices(yieldToHost),
      );
    this.current = library;
    this.publishedOnce = true;
    this.publishDiagnostics(library);
    // Listeners hear of the new library in the same tick it becomes current.
    this.changed.fire(library);
    const hasErrors = library.diagnostics.some((diagnostic) => diagnostic.severity === 'error' && this.uris.has(diagnostic.file));
    this.setState(library.size > 0 ? 'ready' : hasErrors || this.failure !== undefined ? 'failed' : 'empty');
    return library;
  }

  private publishDiagnostics(library: Library): void {
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const diagnostic of library.diagnostics) {
      if (!this.uris.has(diagnostic.file)) continue; // bundled files are not in the workspace
      const line = Math.max(0, diagnostic.line - 1);
      const item = new vscode.Diagnostic(new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER), inertText(diagnostic.message), toVscodeSeverity(diagnostic.severity));
      item.source = 'Paper Notes';
      const list = byFile.get(diagnostic.file);
      if (list) list.push(item);
      else byFile.set(diagnostic.file, [item]);
    }
    this.diagnostics.clear();
    for (const [file, uri] of this.uris) this.diagnostics.set(uri, byFile.get(file) ?? []);
  }
}
