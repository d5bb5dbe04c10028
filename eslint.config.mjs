// Lint: typescript-eslint everywhere, plus the architectural rule that the core stays pure.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['fs', 'fs/promises', 'node:fs', 'node:fs/promises', 'path', 'node:path', 'child_process', 'node:child_process'];

export default tseslint.config(
  { ignores: ['dist/**', 'media/webview/**', 'node_modules/**', '.vscode-test/**', 'test-artifacts/**', 'out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The core runs in the CLI, the tests and a web worker: no VS Code, no file system.
    files: ['src/core/**/*.ts', 'shared/**/*.ts', 'webview/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: 'vscode', message: 'Core submodule must not depend on VS Code.' },
          ...nodeBuiltins.map((name) => ({ name, message: 'Core submodule must not touch the file system or processes.' })),
        ],
      }],
    },
  },
  {
    files: ['webview/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
