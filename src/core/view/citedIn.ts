/**
 * "cited in N notes" for the Papers tree's description (issue 6), or undefined when no note cites the paper, so
 * uncited papers keep a short description.
 */
export function citedInDescription(count: number): string | undefined {
  if (!(count > 0)) return undefined;
  return `cited in ${count} note${count === 1 ? '' : 's'}`;
}

/** The tooltip's sentence about citing notes, pointing at the command that lists them. */
export function citedInSentence(count: number): string {
  if (!(count > 0)) return 'Not cited in any note of this workspace yet.';
  return `Cited in ${count} note${count === 1 ? '' : 's'} of this workspace (Find All References on a citation lists them).`;
}
