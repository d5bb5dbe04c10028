import { strict as assert } from 'node:assert';
import { libraryStatus } from '../../../src/core/view/libraryState';
import type { LibraryDiagnostic } from '../../../src/core/library/paper';

const error: LibraryDiagnostic = { file: 'papers.txt', line: 3, severity: 'error', message: 'not a Daily Papers page' };
const warning: LibraryDiagnostic = { file: 'papers.txt', line: 9, severity: 'warning', message: 'no abstract' };

describe('libraryStatus', () => {
  const cases: Array<[string, number, LibraryDiagnostic[], ReturnType<typeof libraryStatus>]> = [
    ['is ready when there are papers, even with errors', 53, [error], { state: 'ready' }],
    ['is empty with no papers and no errors', 0, [warning], { state: 'empty' }],
    ['has failed with no papers and an error, naming the first error', 0, [warning, error], { state: 'failed', reason: 'papers.txt:3: not a Daily Papers page' }],
  ];
  for (const [name, count, diagnostics, expected] of cases) it(name, () => assert.deepEqual(libraryStatus(count, diagnostics), expected));
});
