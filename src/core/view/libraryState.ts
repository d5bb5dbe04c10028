import type { LibraryDiagnostic } from '../library/paper';

/** What the Papers views show when there is nothing to list: still loading, a load that failed, or an empty library. */
export type LibraryState = 'loading' | 'ready' | 'empty' | 'failed';

export interface LibraryStatus {
  readonly state: LibraryState;
  /** For a failed load: the first error, as "file:line: message". */
  readonly reason?: string;
}

/**
 * The state of a loaded library: ready with papers; failed when it has no papers and at least one error diagnostic
 * (the reason is the first error); otherwise empty. A library that has papers is ready even if some entries failed.
 */
export function libraryStatus(paperCount: number, diagnostics: readonly LibraryDiagnostic[]): LibraryStatus {
  if (paperCount > 0) return { state: 'ready' };
  const error = diagnostics.find((diagnostic) => diagnostic.severity === 'error');
  if (error) return { state: 'failed', reason: `${error.file}:${error.line}: ${error.message}` };
  return { state: 'empty' };
}
