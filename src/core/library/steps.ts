/**
 * Long computations in the core are generators that yield every so often, so the same code runs in one go (CLI,
 * tests) or in time slices that give the event loop back (the extension host loading a 100k-paper library).
 */
export type Steps<T> = Generator<unknown, T>;

/** Runs steps to the end, synchronously. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/** Runs steps in slices of about `sliceMs`, awaiting `pause()` between slices. */
export async function runStepsInSlices<T>(steps: Steps<T>, pause: () => Promise<void>, sliceMs = 40): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
}

/** How many items a loop handles between two yields: small enough for ~1 ms, large enough to cost nothing. */
export const ITEMS_PER_STEP = 500;
