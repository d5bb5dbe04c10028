// Builds the .vsix the way a release does and reads its file list.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import yauzl from 'yauzl';
import { repoRoot } from '../../scripts/vscode/codeServer';

export const vsixPath = path.join(repoRoot, 'paper-notes.vsix');

/** `npm run package`: production build plus `vsce package`; returns vsce's output so a test can check for warnings. */
export function packageVsix(): string {
  const result = spawnSync('npm', ['run', '--silent', 'package'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0) throw new Error(`npm run package failed (${result.status}):\n${output}`);
  return output;
}

/** Every file name inside a .vsix (a zip). */
export async function listVsixEntries(file: string): Promise<string[]> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  const names: string[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', resolve);
      zip.on('error', reject);
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return names;
}
