import * as vscode from 'vscode';
import { findInLibrary, planBibtexAddition } from '../../core/import/addPapers';
import { dailyPapersFileNames, renderDailyPapersMetadata, renderDailyPapersPage, utcDay } from '../../core/import/huggingFace';
import { bibtexAppendix } from '../../core/import/importedPaper';
import { endpointsFromEnvironment, fetchDailyPapers, ImportError, lookUpPapers, type MetadataEndpoints } from '../../core/import/metadataService';
import { referenceId, type PaperReference } from '../../core/import/paperReference';
import type { Library } from '../../core/library/library';
import type { Paper } from '../../core/library/paper';
import { metadataHttpClient, type HttpClient } from '../../node/httpClient';

/** What the importer needs from the rest of the extension. */
export interface PaperImporterHost {
  library(): Library;
  /** Reads a library file now and resolves with the library that includes it. */
  readNow(uri: vscode.Uri): Promise<Library>;
  /** Global storage: responses are cached under it for a day. */
  readonly storageUri: vscode.Uri;
  readonly log: vscode.OutputChannel;
}

/** The outcome of adding references: papers already in the library, and the new ones now in it. */
export interface AddOutcome {
  readonly existing: Paper[];
  readonly added: Paper[];
  /** The library file the new papers were written to. */
  readonly file?: vscode.Uri;
}

/** `paperNotes.import.file` relative to the first workspace folder. */
export function importFileUri(): vscode.Uri | undefined {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder === undefined) return undefined;
  const name = vscode.workspace.getConfiguration('paperNotes.import', folder.uri).get<string>('file', 'references.bib').trim() || 'references.bib';
  return vscode.Uri.joinPath(folder.uri, name);
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/**
 * Brings papers into the workspace library: looks them up (arXiv, DOI resolver, Hugging Face) and appends BibTeX
 * entries to the import file as one undoable edit, or saves a day of Daily Papers. Nothing is written unless every
 * lookup succeeded. Endpoints are read from the environment at each call (tests and mirrors set them).
 */
export class PaperImporter implements vscode.Disposable {
  private client?: { readonly signature: string; readonly http: HttpClient };

  constructor(private readonly host: PaperImporterHost) {}

  dispose(): void {
    this.client?.http.dispose();
  }

  /** One client per endpoints and proxy settings, so arXiv's interval holds across commands. */
  private http(endpoints: MetadataEndpoints): HttpClient {
    const config = vscode.workspace.getConfiguration('http');
    const proxy = config.get<string>('proxy')?.trim() || undefined;
    const noProxy = config.get<string[]>('noProxy') ?? [];
    const signature = JSON.stringify([endpoints.arxivApi, proxy, noProxy]);
    if (this.client?.signature !== signature) {
      this.client?.http.dispose();
      const http = metadataHttpClient(endpoints.arxivApi, {
        proxy,
        noProxy: [...noProxy, 'localhost', '127.0.0.1', '::1'],
        cacheDir: vscode.Uri.joinPath(this.host.storageUri, 'http-cache').fsPath,
        userAgent: 'paper-notes (VS Code extension)',
      });
      this.client = { signature, http };
    }
    return this.client.http;
  }

  /** Adds the papers the references name; those already in the library are returned as `existing`. Throws ImportError. */
  async add(references: readonly PaperReference[]): Promise<AddOutcome> {
    const library = this.host.library();
    const existing: Paper[] = [];
    const missing = references.filter((reference) => {
      const known = findInLibrary(reference, library.papers);
      if (known) existing.push(known);
      return known === undefined;
    });
    if (missing.length === 0) return { existing, added: [] };
    const file = importFileUri();
    if (file === undefined) throw new ImportError('Open a folder first: new papers are written to a library file in the workspace');
    const endpoints = endpointsFromEnvironment(process.env);
    const { papers, notFound } = await lookUpPapers(missing, this.http(endpoints), endpoints);
    if (notFound.length > 0) throw new ImportError(`Not found: ${notFound.join(', ')}`);
    const text = (await readText(file)) ?? '';
    const addition = planBibtexAddition(papers, library.papers, (key) => library.get(key) !== undefined);
    if (addition.entries.length > 0) {
      await this.append(file, bibtexAppendix(text, addition.entries));
      this.host.log.appendLine(`Added ${addition.keys.join(', ')} to ${vscode.workspace.asRelativePath(file)} (${missing.map(referenceId).join(', ')}).`);
    }
    const updated = await this.host.readNow(file);
    const added = addition.keys.map((key) => updated.get(key)).filter((paper): paper is Paper => paper !== undefined);
    // A DOI paper that turned out to be in the library under its arXiv id.
    for (const paper of papers) {
      const known = paper.arxivId ? updated.byArxivId(paper.arxivId) : undefined;
      if (known && !added.includes(known) && !existing.includes(known)) existing.push(known);
    }
    return { existing, added, file };
  }

  /** Appends to the library file as one undoable edit (creating the file if needed) and saves it. */
  private async append(file: vscode.Uri, appendix: string): Promise<void> {
    const edit = new vscode.WorkspaceEdit();
    const exists = (await readText(file)) !== undefined;
    if (!exists) {
      edit.createFile(file, { contents: new TextEncoder().encode(appendix) });
    } else {
      const document = await vscode.workspace.openTextDocument(file);
      edit.insert(file, document.positionAt(document.getText().length), appendix);
    }
    if (!(await vscode.workspace.applyEdit(edit))) throw new ImportError(`Could not write ${vscode.workspace.asRelativePath(file)}`);
    if (exists) await (await vscode.workspace.openTextDocument(file)).save();
  }

  /**
   * Saves a day of Daily Papers as `papers/daily-papers-DATE.txt` with its metadata beside it, both in one workspace
   * edit (re-importing replaces both). Returns the page's URI and the library that includes it. Throws ImportError.
   */
  async importDay(date: string): Promise<{ page: vscode.Uri; count: number; library: Library }> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (folder === undefined) throw new ImportError('Open a folder first: the day is saved under papers/ in the workspace');
    const endpoints = endpointsFromEnvironment(process.env);
    const papers = await fetchDailyPapers(date, utcDay(new Date()), this.http(endpoints), endpoints);
    const names = dailyPapersFileNames(date);
    const page = vscode.Uri.joinPath(folder.uri, 'papers', names.page);
    const metadata = vscode.Uri.joinPath(folder.uri, 'papers', names.metadata);
    const edit = new vscode.WorkspaceEdit();
    const encoder = new TextEncoder();
    edit.createFile(metadata, { overwrite: true, contents: encoder.encode(renderDailyPapersMetadata(papers, date)) });
    edit.createFile(page, { overwrite: true, contents: encoder.encode(renderDailyPapersPage(papers)) });
    if (!(await vscode.workspace.applyEdit(edit))) throw new ImportError(`Could not write ${vscode.workspace.asRelativePath(page)}`);
    this.host.log.appendLine(`Saved ${papers.length} Daily Papers of ${date} to ${vscode.workspace.asRelativePath(page)} and its metadata file.`);
    return { page, count: papers.length, library: await this.host.readNow(page) };
  }
}
