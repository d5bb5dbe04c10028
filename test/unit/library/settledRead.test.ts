import { strict as assert } from 'node:assert';
import { readSettled, type FileStamp, type SettledReadIo } from '../../../src/core/library/settledRead';

/**
 * A file being written in steps: each entry of `timeline` is what the file holds from one moment on. Every file
 * operation takes one tick of time, so a write can land between the stat before a read and the stat after it.
 */
function fileWrittenInSteps(timeline: readonly string[]): SettledReadIo & { waits: number[] } {
  let tick = 0;
  const waits: number[] = [];
  const state = (): { text: string; stamp: FileStamp } => {
    const step = Math.min(tick, timeline.length - 1);
    return { text: timeline[step]!, stamp: { size: timeline[step]!.length, mtime: step } };
  };
  return {
    waits,
    stat: async () => {
      const { stamp } = state();
      tick++;
      return stamp;
    },
    read: async () => {
      const { text } = state();
      tick++;
      return new TextEncoder().encode(text);
    },
    wait: async (ms) => {
      waits.push(ms);
    },
  };
}

describe('readSettled', () => {
  const full = '@article{a, title = {A}}\n@article{b, title = {B}}\n';
  const cases: ReadonlyArray<{ what: string; timeline: string[]; reads: number; settled: boolean; text: string }> = [
    { what: 'a file nobody writes', timeline: [full], reads: 1, settled: true, text: full },
    // stat, read, stat: the write at tick 1 lands during the first read (the read sees the half file).
    { what: 'a file finished during the first read', timeline: [full.slice(0, 20), full.slice(0, 20), full], reads: 2, settled: true, text: full },
    { what: 'a file written in three steps', timeline: [full.slice(0, 5), full.slice(0, 30), full.slice(0, 40), full], reads: 2, settled: true, text: full },
    {
      what: 'a file that never stops changing',
      timeline: Array.from({ length: 100 }, (_, i) => full.repeat(i + 1)),
      reads: 8,
      settled: false,
      text: full.repeat(23),
    },
  ];
  for (const { what, timeline, reads, settled, text } of cases) {
    it(`reads ${what} to its final content, or says it did not settle`, async () => {
      const io = fileWrittenInSteps(timeline);
      const result = await readSettled(io);
      assert.equal(new TextDecoder().decode(result.bytes), text);
      assert.deepEqual([result.reads, result.settled], [reads, settled]);
      assert.deepEqual(io.waits, Array.from({ length: reads - 1 }, (_, i) => 40 * (i + 1)), 'waits longer each time');
    });
  }

  it('takes bytes that disagree with the size as unfinished', async () => {
    let calls = 0;
    const result = await readSettled({
      stat: async () => ({ size: 10, mtime: 1 }),
      read: async () => new TextEncoder().encode(calls++ === 0 ? 'short' : '0123456789'),
      wait: async () => undefined,
    });
    assert.deepEqual([new TextDecoder().decode(result.bytes), result.reads], ['0123456789', 2]);
  });
});
