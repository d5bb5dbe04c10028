import { rename, rm, writeFile } from 'node:fs/promises';

/**
 * Writes several files so that either all get their new text or none changes: each is written beside its target
 * first and only then renamed over it (a rename within a folder is atomic).
 */
export async function writeFilesAtomically(files: ReadonlyArray<{ readonly path: string; readonly text: string }>): Promise<void> {
  const partials = files.map((file) => ({ ...file, partial: `${file.path}.${process.pid}.partial` }));
  try {
    for (const file of partials) await writeFile(file.partial, file.text, 'utf8');
  } catch (error) {
    await Promise.all(partials.map((file) => rm(file.partial, { force: true })));
    throw error;
  }
  for (const file of partials) await rename(file.partial, file.path);
}
