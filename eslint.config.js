// Lint rules, including the import boundaries of DESIGN §2 as errors.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const pattern = (group, message) => ({ group, message });
const noBrowserOrNode = [
  pattern(['dexie', 'dexie-*'], 'domain/ and sync/ are pure: no Dexie.'),
  pattern(['react', 'react-*', 'react/*'], 'domain/ and sync/ are pure: no React.'),
  pattern(['node:*', 'fs', 'path', 'crypto', 'http', 'https'], 'domain/ and sync/ are pure: no Node APIs.'),
  pattern(['**/db/**', '**/app/**', '**/server/**', '**/sw', '**/sw.ts'], 'domain/ and sync/ import only each other.'),
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'data', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: ['src/domain/**/*.ts', 'src/sync/**/*.ts'],
    ignores: ['src/sync/client.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: noBrowserOrNode }] },
    languageOptions: { globals: {} },
  },
  {
    files: ['src/domain/**/*.ts', 'src/sync/**/*.ts'],
    ignores: ['src/sync/client.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'domain/ and sync/ are pure: no fetch.' },
        { name: 'window', message: 'domain/ and sync/ are pure: no browser APIs.' },
        { name: 'indexedDB', message: 'domain/ and sync/ are pure: no browser APIs.' },
        { name: 'process', message: 'domain/ and sync/ are pure: no Node APIs.' },
      ],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(['**/server/**'], 'app/ never imports server/.'),
            pattern(['dexie'], 'Components use db/ repositories and hooks, never Dexie itself.'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/app/**/*.tsx'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Components never call fetch: use a db/ repository or an app/ api module.' },
      ],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(
              ['**/db/**', '**/app/**', '**/sw', '**/sw.ts', 'dexie', 'react'],
              'server/ never imports db/, app/ or sw.ts.',
            ),
            pattern(['**/sync/client', '**/sync/client.ts'], 'server/ never imports the device sync engine.'),
          ],
        },
      ],
    },
  },
);
