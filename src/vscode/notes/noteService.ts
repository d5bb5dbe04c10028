import * as vscode from 'vscode';
import type { Paper } from '../../core/library/paper';
import { noteFileNames, noteFileName as plainNoteFileName, type NoteNameCollision } from '../../core/notes/noteFileName';
import { BUILT_IN_NOTE_TEMPLATE, renderNote, templateWarnings, type NoteContext } from '../../core/notes/noteTemplate';
import { inertText } from '../../core/view/inertText';
import { citationStyleFor } from '../citations/citationSettings';

export interface NoteServiceOptions {
  /** Claims and category labels for a paper's note (the citation style and date come from the settings and the clock). */
  readonly context: (paper: Paper) => Omit<NoteContext, 'date' | 'style'>;
  /** The library's papers (a new array when the library changes): note names are chosen for all keys at once. */
  readonly papers?: () => readonly Paper[];
}

const NOTE_SETTINGS = 'paperNotes.notes';
const RESCAN_AFTER_MS = 2000;

/** The notes folder setting as path segments relative to the workspace folder ("notes" when empty). */
function notesFolderSegments(): string[] {
  const segments = vscode.workspace.getConfiguration(NOTE_SETTINGS).get<string>('folder', 'notes').split(/[\\/]+/).filter((part) => part.trim() !== '');
  return segments.length > 0 ? segments : ['notes'];
}

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/**
 * Literature notes: `<notes folder>/<key>.md` in the first workspace folder, created from the workspace template (or
 * the built-in one) when missing and never overwritten. Knows which papers have a note and says when that changes.
 */
export class NoteService implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a note is created or deleted, or the notes folder setting changes. */
  readonly onDidChangeNotes = this.changed.event;
  private noteNames = new Set<string>();
  private scanGeneration = 0;
  private lastScan = 0;
  private watcher: vscode.FileSystemWatcher | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private names: { papers: readonly Paper[]; names: Map<string, string>; collisions: Map<string, NoteNameCollision> } | undefined;

  constructor(private readonly options: NoteServiceOptions) {
    this.watchNotes();
    this.disposables.push(vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${NOTE_SETTINGS}.folder`)) this.watchNotes();
    }));
  }

  /**
   * Whether the paper has a note in the notes folder. File watchers can coalesce a quick create-then-delete into no
   * event at all, so asking also refreshes the answer in the background (at most every two seconds).
   */
  hasNote(key: string): boolean {
    if (Date.now() - this.lastScan > RESCAN_AFTER_MS) void this.scan();
    return this.noteNames.has(this.noteFileName(key));
  }

  /** The note's file name: safe on every OS, never shared with another key of the library (see noteFileNames). */
  noteFileName(key: string): string {
    const papers = this.options.papers?.();
    if (papers === undefined) return plainNoteFileName(key);
    if (this.names?.papers !== papers) {
      const { names, collisions } = noteFileNames(papers.map((paper) => paper.key));
      this.names = { papers, names, collisions: new Map(collisions.map((collision) => [collision.renamed, collision])) };
    }
    return this.names.names.get(key) ?? plainNoteFileName(key);
  }

  /** The notes folder of the first workspace folder, or undefined without a workspace. */
  notesFolder(): vscode.Uri | undefined {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (root === undefined) return undefined;
    return vscode.Uri.joinPath(root, ...notesFolderSegments());
  }

  noteUri(key: string): vscode.Uri | undefined {
    const folder = this.notesFolder();
    return folder && vscode.Uri.joinPath(folder, this.noteFileName(key));
  }

  /**
   * Opens the paper's note, creating it from the template first if it does not exist. Returns the note's URI and
   * whether it was created now; an existing note is opened as it is.
   */
  async openNote(paper: Paper): Promise<{ uri: vscode.Uri; created: boolean }> {
    const uri = this.noteUri(paper.key);
    if (uri === undefined) throw new Error('Open a folder to keep notes in it.');
    let created = false;
    if (!(await exists(uri))) {
      // The style as it applies to the note's own folder (the setting is resource-scoped).
      const template = await this.template();
      for (const warning of template.setting === undefined ? [] : templateWarnings(template.text)) {
        void vscode.window.showWarningMessage(`Paper Notes: ${template.setting}:${warning.line}: ${warning.message}`);
      }
      const text = renderNote(template.text, paper, { ...this.options.context(paper), style: citationStyleFor(uri), date: today() });
      // Checked again right before writing, so a note created meanwhile is never overwritten.
      if (!(await exists(uri))) {
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
        created = true;
        this.noteNames.add(this.noteFileName(paper.key));
        this.changed.fire();
        const collision = this.names?.collisions.get(paper.key);
        if (collision !== undefined) {
          void vscode.window.showInformationMessage(inertText(
            `Paper Notes: the keys "${collision.kept}" and "${collision.renamed}" differ only in letter case, which Windows and macOS read as one file name, so this note is ${collision.name}.`,
          ));
        }
      }
    }
    await vscode.window.showTextDocument(uri, { preview: false });
    return { uri, created };
  }

  /** The workspace template (`paperNotes.notes.template`) with its setting if it exists, else the built-in one. */
  private async template(): Promise<{ text: string; setting?: string }> {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    const setting = vscode.workspace.getConfiguration(NOTE_SETTINGS).get<string>('template', '.papernotes/note-template.md').trim();
    if (root !== undefined && setting !== '') {
      const uri = vscode.Uri.joinPath(root, ...setting.split(/[\\/]+/).filter((part) => part !== ''));
      try {
        return { text: new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)), setting };
      } catch {
        // No workspace template: the built-in one.
      }
    }
    return { text: BUILT_IN_NOTE_TEMPLATE };
  }

  private watchNotes(): void {
    this.watcher?.dispose();
    const root = vscode.workspace.workspaceFolders?.[0];
    if (root === undefined) return;
    // Based at the workspace folder, so the watcher also sees a notes folder that does not exist yet.
    this.watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, `${notesFolderSegments().join('/')}/*.md`));
    const refresh = (): void => void this.scan();
    this.watcher.onDidCreate(refresh);
    this.watcher.onDidDelete(refresh);
    void this.scan();
  }

  private async scan(): Promise<void> {
    // Scans can overlap (a create and a delete in quick succession); only the latest one may set the result.
    const generation = ++this.scanGeneration;
    this.lastScan = Date.now();
    const folder = this.notesFolder();
    const names = new Set<string>();
    if (folder !== undefined && (await exists(folder))) {
      try {
        for (const [name, type] of await vscode.workspace.fs.readDirectory(folder)) {
          if (type === vscode.FileType.File && name.endsWith('.md')) names.add(name);
        }
      } catch {
        // No notes folder yet: no notes.
      }
    }
    if (generation !== this.scanGeneration) return;
    const changed = names.size !== this.noteNames.size || [...names].some((name) => !this.noteNames.has(name));
    this.noteNames = names;
    if (changed) this.changed.fire();
  }

  dispose(): void {
    this.watcher?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}
