import type { Paper } from '../library/paper';
import { newCitationKey, toBibtexEntry, type ImportedPaper } from './importedPaper';
import type { PaperReference } from './paperReference';

/** The library paper a reference names (same arXiv id or DOI), if the library has it already. */
export function findInLibrary(reference: PaperReference, papers: readonly Paper[]): Paper | undefined {
  if (reference.kind === 'arxiv') return papers.find((paper) => paper.arxivId === reference.id);
  const arxivDoi = /^10\.48550\/arxiv\.(.+)$/i.exec(reference.doi)?.[1]?.toLowerCase();
  return papers.find((paper) => paper.doi?.toLowerCase() === reference.doi || (arxivDoi !== undefined && paper.arxivId === arxivDoi));
}

/** New entries for a `.bib` file: each paper's key (unique against `taken` and each other) and the text to append. */
export interface BibtexAddition {
  readonly keys: string[];
  readonly entries: string[];
}

/** Gives each imported paper a fresh key and its BibTeX entry, skipping papers already in `papers` (same arXiv id or DOI). */
export function planBibtexAddition(imported: readonly ImportedPaper[], papers: readonly Paper[], taken: (key: string) => boolean): BibtexAddition {
  const keys: string[] = [];
  const entries: string[] = [];
  const mine = new Set<string>();
  const seen = new Set<string>();
  for (const paper of imported) {
    const id = paper.arxivId ? `arxiv:${paper.arxivId}` : `doi:${paper.doi ?? paper.title}`;
    if (seen.has(id)) continue;
    seen.add(id);
    if (papers.some((known) => (paper.arxivId !== undefined && known.arxivId === paper.arxivId) || (paper.doi !== undefined && known.doi?.toLowerCase() === paper.doi))) continue;
    const key = newCitationKey(paper, (candidate) => taken(candidate) || mine.has(candidate));
    mine.add(key);
    keys.push(key);
    entries.push(toBibtexEntry(paper, key));
  }
  return { keys, entries };
}
