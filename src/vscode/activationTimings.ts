/** Milestones of activation, in the order they happen: activate() returns, then the library loads, then the tree has items. */
export type ActivationMilestone = 'activated' | 'libraryLoaded' | 'treeItemsReady';

/**
 * Milliseconds from the start of activate() to each milestone. The integration suite reads them through the
 * extension's API and prints them; they are measured where the work happens, not by the test.
 */
export class ActivationTimings {
  private readonly start: number;
  /** Live view: a milestone appears as soon as it is reached. */
  readonly elapsedMs: Partial<Record<ActivationMilestone, number>> = {};

  constructor(start: number = performance.now()) {
    this.start = start;
  }

  /** Records a milestone once; later calls keep the first time. */
  mark(milestone: ActivationMilestone): void {
    this.elapsedMs[milestone] ??= performance.now() - this.start;
  }
}
