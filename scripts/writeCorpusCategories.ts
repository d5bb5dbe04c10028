// Run by the build (bundled to dist/): precomputes the embedded corpus's categories for the extension's first tree.
import * as path from 'node:path';
import { CORPUS_CATEGORIES_FILE, writeCorpusCategories } from '../src/node/corpusCategories';

const root = path.join(__dirname, '..');
writeCorpusCategories(path.join(root, 'corpus'), path.join(root, 'dist', CORPUS_CATEGORIES_FILE)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
