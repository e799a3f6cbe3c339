import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Lint rules, including the architecture's import boundaries:
 * renderer -> shared <- electron; the engine never imports `electron`; shared imports nothing of ours
 * and nothing Node-only; electron/main and electron/cli never import each other.
 */
export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'http', 'crypto', 'os'], message: 'shared/ runs in the browser too: no Node built-ins.' },
            { group: ['**/electron/**', 'electron', '**/renderer/**', 'react', 'zustand'], message: 'shared/ imports nothing of the app or UI.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The engine runs in plain Node: only electron/main and electron/preload may import electron.' }],
          patterns: [
            { group: ['**/renderer/**', '**/electron/main/**', '**/electron/cli/**', '**/main/**', '**/cli/**'], message: 'The engine imports shared/ only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: ['electron'], patterns: [{ group: ['**/main/**', '**/renderer/**'], message: 'The CLI wires the engine only.' }] }],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/cli/**', '**/renderer/**'], message: 'The shell wires the engine only.' }] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer reaches native features only through window.hookdesk (preload).' }],
          patterns: [{ group: ['**/electron/**', 'node:*'], message: 'The renderer imports shared/ only, and reaches the engine through src/api.' }],
        },
      ],
    },
  },
);
