import type { CategoryAssignment } from '../categories/category';

/** Where an entry came from: the file it was read from and its 1-based line. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
}

/** A problem found while reading untrusted library input. Never thrown: always collected. */
export interface LibraryDiagnostic {
  readonly file: string;
  /** 1-based line. */
  readonly line: number;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
}

/** What kind of publication the venue is; decides BibTeX @inproceedings vs @article and the CSL item type. */
export type VenueType = 'journal' | 'conference' | 'workshop';

/**
 * Where a paper was published, beyond the short `venue` label ("ICLR 2024"). All optional; never a free-form note:
 * `venueNote` ("poster", "journal version published 2023") is for people and is never printed as a venue.
 */
export interface PublicationDetails {
  readonly venueType?: VenueType;
  /** The full journal or proceedings title, as a bibliography prints it. */
  readonly containerTitle?: string;
  readonly volume?: string;
  readonly issue?: string;
  readonly pages?: string;
  readonly publisher?: string;
  /** The title the venue published it under, when it differs from the (arXiv) title. */
  readonly publishedTitle?: string;
  readonly venueNote?: string;
}

/** One paper, whatever format it came from. */
export interface Paper extends PublicationDetails {
  /** Citation key, unique within a library and a valid Pandoc citation key. */
  readonly key: string;
  readonly title: string;
  readonly abstract: string;
  /** Display names, "Given Family". */
  readonly authors: readonly string[];
  readonly year?: number;
  readonly arxivId?: string;
  readonly doi?: string;
  readonly venue?: string;
  /** Landing page, e.g. the arXiv abstract page. */
  readonly url?: string;
  readonly codeUrls: readonly string[];
  readonly categories: readonly CategoryAssignment[];
  readonly source: SourceLocation;
}

/**
 * A paper as one reader found it, before the library merges duplicates, assigns keys and categorises.
 * Every reader (Daily Papers text, seed metadata, BibTeX, CSL-JSON) produces these.
 */
export interface PaperRecord extends PublicationDetails {
  /** The source's own citation key (BibTeX, CSL-JSON id); it wins when records merge. */
  readonly key?: string;
  readonly title: string;
  readonly abstract: string;
  readonly authors: readonly string[];
  readonly year?: number;
  readonly arxivId?: string;
  readonly doi?: string;
  readonly venue?: string;
  readonly url?: string;
  readonly codeUrls: readonly string[];
  readonly source: SourceLocation;
}

/** What a reader returns: the good records and a diagnostic for each problem. Readers never throw. */
export interface ReadResult {
  readonly records: PaperRecord[];
  readonly diagnostics: LibraryDiagnostic[];
}

export type LibraryReader = (text: string, file: string) => ReadResult;
