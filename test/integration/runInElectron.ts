// `npm run test:electron`: the same suites in desktop VS Code, downloaded by @vscode/test-electron.
// Needs internet access to the VS Code download site, so it is not part of CI; `npm run test:integration` is.
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repoRoot, sampleWorkspace } from '../../scripts/vscode/codeServer';

async function main(): Promise<void> {
  await runTests({
    version: '1.100.3', // the VS Code that code-server 4.100.3 runs, and the floor of engines.vscode
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(repoRoot, 'dist', 'test', 'integration', 'suite', 'index'),
    launchArgs: [sampleWorkspace, '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
