/** What a file looked like at one moment: enough to tell that it changed. */
export interface FileStamp {
  readonly size: number;
  readonly mtime: number;
}

export interface SettledReadIo {
  stat(): PromiseLike<FileStamp>;
  read(): PromiseLike<Uint8Array>;
  /** Waits before the next try; the writer gets time to finish. */
  wait(ms: number): PromiseLike<void>;
}

export interface SettledRead {
  readonly bytes: Uint8Array;
  /** How many reads it took; more than one means a writer was still at work. */
  readonly reads: number;
  /** False when the file was still changing after the last try: the bytes are the latest seen, and a later change event reads it again. */
  readonly settled: boolean;
}

/**
 * Reads a file that another program may still be writing: reads again while its size or modification time moved
 * during the read, or the bytes read disagree with its size, so a half-written file is never taken for the final one.
 * Pure over the injected file operations (VS Code's file system in the extension, fakes in the tests).
 */
export async function readSettled(io: SettledReadIo, maxReads = 8, firstWaitMs = 40): Promise<SettledRead> {
  let bytes: Uint8Array = new Uint8Array();
  for (let reads = 1; reads <= maxReads; reads++) {
    const before = await io.stat();
    bytes = await io.read();
    const after = await io.stat();
    if (before.size === after.size && before.mtime === after.mtime && bytes.length === after.size) return { bytes, reads, settled: true };
    if (reads < maxReads) await io.wait(firstWaitMs * reads);
  }
  return { bytes, reads: maxReads, settled: false };
}
