import * as vscode from 'vscode';
import { CitationScanCache, scanCitations } from '../../core/cite/scanCitations';
import { isMarkdown } from './documentCitations';

const MARKDOWN_GLOB = '**/*.{md,markdown}';
const EXCLUDE_GLOB = '**/{node_modules,.git,.vscode-test,dist,out}/**';
const DEBOUNCE_MS = 300;

interface NoteCitations {
  readonly uri: vscode.Uri;
  /** Cited keys with the editor range of each occurrence. */
  readonly byKey: ReadonlyMap<string, readonly vscode.Range[]>;
}

/** Offsets to editor positions for text that is not open in an editor. */
function positionFinder(text: string): (offset: number) => vscode.Position {
  const lineStarts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return new vscode.Position(low, offset - lineStarts[low]!);
  };
}

/**
 * Which Markdown notes in the workspace cite which keys: backs Find All References and the "cited in N notes"
 * count. Built on first use, then kept current from file-system events and unsaved edits.
 */
export class WorkspaceCitationIndex implements vscode.Disposable {
  private readonly notes = new Map<string, NoteCitations>();
  /** Notes citing each key, kept with {@link notes} so the tree reads a count without scanning. */
  private readonly counts = new Map<string, number>();
  private readonly cache = new CitationScanCache();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly countsChanged = new vscode.EventEmitter<readonly string[]>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private building: Promise<void> | undefined;

  /** Fires when any note's citations may have changed (debounced per note). */
  readonly onDidChange = this.changed.event;
  /**
   * Fires with the keys whose "cited in N notes" count changed, and only then: typing that adds or drops no
   * citation stays quiet.
   */
  readonly onDidChangeCounts = this.countsChanged.event;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(MARKDOWN_GLOB);
    this.subscriptions.push(
      this.changed,
      this.countsChanged,
      watcher,
      watcher.onDidCreate((uri) => void this.refreshFile(uri)),
      watcher.onDidChange((uri) => void this.refreshFile(uri)),
      watcher.onDidDelete((uri) => {
        // An edit still waiting to be indexed must not bring the deleted note back.
        clearTimeout(this.pending.get(uri.toString()));
        this.pending.delete(uri.toString());
        const note = this.notes.get(uri.toString());
        if (!note) return;
        this.notes.delete(uri.toString());
        this.notify(this.count(note.byKey.keys(), -1));
      }),
      vscode.workspace.onDidChangeTextDocument((event) => this.scheduleDocument(event.document)),
    );
  }

  /** Scans the workspace once; later calls wait for the same scan. */
  ready(): Promise<void> {
    this.building ??= (async () => {
      const uris = await vscode.workspace.findFiles(MARKDOWN_GLOB, EXCLUDE_GLOB);
      await Promise.all(uris.map((uri) => this.refreshFile(uri, false)));
      this.notify([...this.counts.keys()]);
    })();
    return this.building;
  }

  /** Notes citing `key`, by URI string. Counts only what is indexed so far; call {@link ready} first to be sure. */
  notesCiting(key: string): vscode.Uri[] {
    return [...this.notes.values()].filter((note) => note.byKey.has(key)).map((note) => note.uri);
  }

  /** How many notes cite `key` — the tree's "cited in N notes". A map lookup: cheap enough for every tree item. */
  citedInCount(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  /** Every place in the workspace that cites `key`, in path order. */
  async locations(key: string): Promise<vscode.Location[]> {
    await this.ready();
    const notes = [...this.notes.values()].sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
    return notes.flatMap((note) => (note.byKey.get(key) ?? []).map((range) => new vscode.Location(note.uri, range)));
  }

  private scheduleDocument(document: vscode.TextDocument): void {
    if (!isMarkdown(document) || document.uri.scheme !== 'file') return;
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(key, setTimeout(() => {
      this.pending.delete(key);
      // Closed meanwhile (reverted and closed, maybe deleted): what counts is the file, if it is still there.
      if (document.isClosed) void this.refreshFile(document.uri);
      else this.notify(this.index(document.uri, document.getText()));
    }, DEBOUNCE_MS));
  }

  private async refreshFile(uri: vscode.Uri, notify = true): Promise<void> {
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    let text: string;
    try {
      text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      // Deleted between the event and the read: the delete event removes it.
      return;
    }
    const countsChanged = this.index(uri, text);
    if (notify) this.notify(countsChanged);
  }

  private notify(countsChanged: readonly string[]): void {
    this.changed.fire();
    if (countsChanged.length > 0) this.countsChanged.fire(countsChanged);
  }

  /** Adds `delta` to the count of each key; returns the keys. */
  private count(keys: Iterable<string>, delta: 1 | -1): string[] {
    const counted = [...keys];
    for (const key of counted) {
      const count = (this.counts.get(key) ?? 0) + delta;
      if (count > 0) this.counts.set(key, count);
      else this.counts.delete(key);
    }
    return counted;
  }

  /** Indexes one note's text; returns the keys whose count changed (the note started or stopped citing them). */
  private index(uri: vscode.Uri, text: string): string[] {
    const toPosition = positionFinder(text);
    const byKey = new Map<string, vscode.Range[]>();
    for (const match of scanCitations(text, this.cache)) {
      let ranges = byKey.get(match.key);
      if (!ranges) byKey.set(match.key, (ranges = []));
      ranges.push(new vscode.Range(toPosition(match.keyStart), toPosition(match.keyEnd)));
    }
    const previous = this.notes.get(uri.toString())?.byKey;
    this.notes.set(uri.toString(), { uri, byKey });
    const dropped = previous ? [...previous.keys()].filter((key) => !byKey.has(key)) : [];
    const added = [...byKey.keys()].filter((key) => !previous?.has(key));
    return [...this.count(dropped, -1), ...this.count(added, 1)];
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
