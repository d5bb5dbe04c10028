import type { CategoryAssignment } from '../categories/category';
import type { CategoryPins } from '../categories/categoryPins';
import { createClassifier, type ClassifiableText, type Classifier } from '../categories/classifier';
import { buildLibraryInSteps, LIBRARY_READERS, readSafely, type Library, type LibraryFormat, type LibraryInput } from './library';
import { normalizeTitle } from './normalize';
import type { LibraryDiagnostic, LibraryReader, PaperRecord, ReadResult } from './paper';
import { runSteps, runStepsInSlices, type Steps } from './steps';

/** One file of the library as last read. */
export interface LibraryFile {
  readonly file: string;
  readonly format: LibraryFormat;
  /** Bundled files (the embedded corpus) come after the workspace's own, so a user's title and source win a merge. */
  readonly bundled: boolean;
  readonly result: ReadResult;
}

export interface IncrementalLibraryOptions {
  readonly readers?: Readonly<Partial<Record<LibraryFormat, LibraryReader>>>;
  readonly classifier?: Classifier;
  readonly pins?: { readonly pins: CategoryPins; readonly file: string };
}

/**
 * A library kept as one read result per file. Changing a file re-reads only that file; `build()` then merges all
 * files' records again (a linear pass) and reuses the categories of every paper whose title and abstract are unchanged,
 * so a one-file change in a 10k-paper workspace costs the reading of one file plus a cheap merge.
 */
export class IncrementalLibrary {
  private readonly files = new Map<string, LibraryFile>();
  /** abstract -> title -> categories; rebuilt on each build so entries of removed papers do not pile up. */
  private categoryCache = new Map<string, Map<string, CategoryAssignment[]>>();
  private readonly classifier: Classifier;
  /** Normalised titles by record: records of unchanged files are the same objects from build to build. */
  private readonly titleKeys = new WeakMap<PaperRecord, string>();
  private readonly readers: Readonly<Partial<Record<LibraryFormat, LibraryReader>>>;

  constructor(private readonly options: IncrementalLibraryOptions = {}) {
    this.classifier = options.classifier ?? createClassifier();
    this.readers = options.readers ?? LIBRARY_READERS;
  }

  /** Reads (or re-reads) one file with its format's reader and keeps the result. */
  setFile(input: LibraryInput, bundled = false): ReadResult {
    const reader = this.readers[input.format];
    const result: ReadResult = reader === undefined
      ? { records: [], diagnostics: [{ file: input.file, line: 1, severity: 'error', message: `no reader for the ${input.format} format` }] }
      : readSafely(reader, input.text, input.file);
    this.setReadResult({ file: input.file, format: input.format, bundled, result });
    return result;
  }

  /** Keeps a result read elsewhere (in chunks, or in a worker). */
  setReadResult(file: LibraryFile): void {
    this.files.set(file.file, file);
  }

  /** Forgets a file (deleted, or no longer matched by the settings). True if it was there. */
  deleteFile(file: string): boolean {
    return this.files.delete(file);
  }

  has(file: string): boolean {
    return this.files.has(file);
  }

  /** The files in merge order: the workspace's own by path, then the bundled ones. */
  fileList(): LibraryFile[] {
    return [...this.files.values()].sort((a, b) => Number(a.bundled) - Number(b.bundled) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }

  /** Every diagnostic of every file, reader diagnostics first, then those of merging and keys. */
  diagnosticsOf(file: string): readonly LibraryDiagnostic[] {
    return this.files.get(file)?.result.diagnostics ?? [];
  }

  /** The merged library: duplicates merged (arXiv id, DOI, normalised title; a BibTeX key wins), keys assigned, categorised. */
  build(): Library {
    return runSteps(this.buildSteps());
  }

  /**
   * `build` in slices of about `sliceMs` with `pause()` between them: merging, keying and classifying a 100k-paper
   * library then never blocks the caller's event loop for long.
   */
  buildInSlices(pause: () => Promise<void>, sliceMs = 40): Promise<Library> {
    return runStepsInSlices(this.buildSteps(), pause, sliceMs);
  }

  private *buildSteps(): Steps<Library> {
    const files = this.fileList();
    const byFile = new Map(files.map((entry) => [entry.file, entry.result]));
    const cachedReader: LibraryReader = (_text, file) => byFile.get(file) ?? { records: [], diagnostics: [] };
    const readers = Object.fromEntries(files.map((entry) => [entry.format, cachedReader]));
    const previous = this.categoryCache;
    const next = new Map<string, Map<string, CategoryAssignment[]>>();
    const classifier: Classifier = {
      taxonomy: this.classifier.taxonomy,
      label: (id) => this.classifier.label(id),
      classify: (paper: ClassifiableText) => {
        const categories = previous.get(paper.abstract)?.get(paper.title) ?? next.get(paper.abstract)?.get(paper.title) ?? this.classifier.classify(paper);
        let byTitle = next.get(paper.abstract);
        if (byTitle === undefined) {
          byTitle = new Map();
          next.set(paper.abstract, byTitle);
        }
        byTitle.set(paper.title, categories);
        return categories;
      },
    };
    const inputs = files.map((entry): LibraryInput => ({ file: entry.file, text: '', format: entry.format }));
    const titleKey = (record: PaperRecord): string => {
      let key = this.titleKeys.get(record);
      if (key === undefined) {
        key = normalizeTitle(record.title);
        this.titleKeys.set(record, key);
      }
      return key;
    };
    const library = yield* buildLibraryInSteps(inputs, { readers, classifier, pins: this.options.pins, titleKey });
    this.categoryCache = next;
    return library;
  }
}

