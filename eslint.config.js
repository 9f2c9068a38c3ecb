// Lint rules, including the import boundaries (README, "How the parts fit") as errors.
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// The floors, lowest first: domain/ < sync/ < api/ < db/ < engine/ < app/ and sw.ts; server/ stands beside db/ on
// api/, domain/ and sync/. A folder imports only from its own floor and the ones below it.
const pattern = (group, message) => ({ group, message });
const noBrowserOrNode = [
  pattern(['dexie', 'dexie-*'], 'domain/ and sync/ are pure: no Dexie.'),
  pattern(['react', 'react-*', 'react/*'], 'domain/ and sync/ are pure: no React.'),
  pattern(['node:*', 'fs', 'path', 'crypto', 'http', 'https'], 'domain/ and sync/ are pure: no Node APIs.'),
  pattern(
    ['**/db/**', '**/engine/**', '**/app/**', '**/server/**', '**/sw', '**/sw.ts'],
    'domain/ and sync/ are pure: they import only domain/ and sync/.',
  ),
];
const pureGlobals = [
  { name: 'fetch', message: 'domain/ and sync/ are pure: no fetch (the device engine lives in engine/).' },
  { name: 'window', message: 'domain/ and sync/ are pure: no browser APIs.' },
  { name: 'navigator', message: 'domain/ and sync/ are pure: no browser APIs.' },
  { name: 'indexedDB', message: 'domain/ and sync/ are pure: no browser APIs.' },
  { name: 'process', message: 'domain/ and sync/ are pure: no Node APIs.' },
  { name: 'setTimeout', message: 'domain/ and sync/ are pure: timers belong to engine/.' },
  { name: 'setInterval', message: 'domain/ and sync/ are pure: timers belong to engine/.' },
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'data', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Type-aware rules: a promise nobody awaits or handles loses its error, and in a sync engine its order too.
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    // A loop of imports (even of types only) means two files are one idea, or a type lives on the wrong floor.
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver()],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
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
    files: ['src/sync/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: noBrowserOrNode }] },
    languageOptions: { globals: {} },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...noBrowserOrNode,
            pattern(['**/sync/**'], 'domain/ is the lowest floor: sync/ imports it, never the other way round.'),
          ],
        },
      ],
    },
    languageOptions: { globals: {} },
  },
  {
    files: ['src/domain/**/*.ts', 'src/sync/**/*.ts', 'src/api/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', ...pureGlobals] },
  },
  {
    // The HTTP contract, shared by the server's routes and the app's requests: as pure as the floors below it.
    files: ['src/api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(
              ['dexie', 'dexie-*', 'react', 'react-*', 'react/*', 'fastify', 'fastify-*'],
              'api/ is pure: zod only.',
            ),
            pattern(['node:*', 'fs', 'path', 'crypto', 'http', 'https'], 'api/ is pure: no Node APIs.'),
            pattern(
              ['**/db/**', '**/engine/**', '**/app/**', '**/server/**', '**/sw', '**/sw.ts'],
              'api/ imports only domain/ and sync/: the server and the app both import it.',
            ),
          ],
        },
      ],
    },
    languageOptions: { globals: {} },
  },
  {
    files: ['src/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(
              ['**/engine/**', '**/app/**', '**/server/**', '**/sw', '**/sw.ts'],
              'db/ never imports engine/, app/, server/ or sw.ts: the engine calls db/, not the other way round.',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(
              ['**/app/**', '**/server/**', '**/sw', '**/sw.ts'],
              'engine/ imports only db/, sync/ and domain/: it runs in the service worker as well as the page.',
            ),
            pattern(['react', 'react-*', 'react/*'], 'engine/ runs in the service worker: no React.'),
          ],
        },
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
            pattern(['**/engine/**'], 'server/ never imports the device sync engine.'),
          ],
        },
      ],
    },
  },
);
