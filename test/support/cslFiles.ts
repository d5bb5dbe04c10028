import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { writeBundledCslData } from '../../scripts/cslData.mjs';
import { CslFiles } from '../../src/node/cslFiles';

let dir: string | undefined;

/** The bundled styles and locales, extracted from their packages as the build does, once per test process. */
export function bundledCslDir(): string {
  if (dir === undefined) {
    dir = mkdtempSync(path.join(tmpdir(), 'paper-notes-csl-'));
    writeBundledCslData(dir);
  }
  return dir;
}

export function bundledCslFiles(): CslFiles {
  return new CslFiles(bundledCslDir());
}
