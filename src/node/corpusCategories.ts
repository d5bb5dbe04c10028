import { readFileSync, writeFileSync } from 'node:fs';
import { isCategorySnapshot, takeCategorySnapshot, type CategorySnapshot } from '../core/categories/categorySnapshot';
import { createClassifier } from '../core/categories/classifier';
import { buildLibrary } from '../core/library/library';
import { readEmbeddedCorpus } from './corpusFiles';

/** The embedded corpus's categories, written by the build next to the extension bundle (see categorySnapshot.ts). */
export const CORPUS_CATEGORIES_FILE = 'corpusCategories.json';

/** The snapshot of the embedded corpus in `corpusDir`: every paper of its library with the categories it gets now. */
export async function corpusCategorySnapshot(corpusDir: string): Promise<CategorySnapshot> {
  const classifier = createClassifier();
  return takeCategorySnapshot(buildLibrary(await readEmbeddedCorpus(corpusDir), { classifier }).papers, classifier);
}

/** Writes the snapshot of the embedded corpus in `corpusDir` to `file`. */
export async function writeCorpusCategories(corpusDir: string, file: string): Promise<void> {
  writeFileSync(file, JSON.stringify(await corpusCategorySnapshot(corpusDir)));
}

/** Reads a snapshot written by `writeCorpusCategories`; a missing or malformed file gives the reason instead. */
export function readCorpusCategories(file: string): CategorySnapshot | { readonly problem: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { problem: (error as NodeJS.ErrnoException).code === 'ENOENT' ? `no ${CORPUS_CATEGORIES_FILE} (run the build)` : (error as Error).message };
  }
  try {
    const data: unknown = JSON.parse(text);
    return isCategorySnapshot(data) ? data : { problem: `${CORPUS_CATEGORIES_FILE} is not a category snapshot` };
  } catch (error) {
    return { problem: `${CORPUS_CATEGORIES_FILE} is not valid JSON: ${(error as Error).message}` };
  }
}
