/// <reference types="vitest/config" />
// Builds the PWA (app, service worker, manifest) and configures Vitest for every unit and component test.
import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { formatLocale } from './scripts/formatLocale.ts';
import { precompress } from './scripts/precompress.ts';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** A chunk group's test: module paths (regular expressions, `/` for either separator) from the project root. */
const modules = (paths: string[]) =>
  new RegExp(`[\\\\/](${paths.map((item) => item.replace(/\//g, '[\\\\/]')).join('|')})`);
/** Chunks loaded before any screen of the shell can open: the entry's, the lock's, the shell's and theirs. */
const LOADED_BEFORE_THE_SHELL = /\/(boot|unlock|today|TodayScreen|limits|referralTerms)-[^/]+\.js$/;
const BOOT_MODULES = ['src/app/components/Screen\\.tsx', 'src/db/drafts\\.ts'];
const UNLOCK_MODULES = [
  'src/crypto/',
  'src/db/(sealing|writes)\\.ts',
  'src/app/deviceKind\\.ts',
  'src/app/lock/(LockScreen\\.tsx|pin\\.ts)',
];
const DATES_ELSEWHERE = [
  'addMonths',
  'addYears',
  'addHours',
  'subYears',
  'startOfQuarter',
  'differenceInMonths',
  'differenceInCalendarMonths',
  'endOfMonth',
  'endOfDay',
  'isLastDayOfMonth',
  'compareAsc',
];
const TODAY_MODULES = [
  'src/app/layout/(Shell|icons|sections|SyncStatus|syncStatusText|useOnline)\\.',
  'src/app/today/(TodayScreen|TodayNotes|TodayVisits|TodaySessions|NotStartedVisits|UrgentDrafts|TodayReferrals|VolunteersDue|useNow|labels)\\.',
  'src/app/alerts/alertPeriods\\.',
  'src/app/(visits/useNow|pwa/InstallHint|format)\\.',
  'src/db/(today|urgentDrafts|persistence|referralFollowUps|volunteersDue)\\.',
  'src/domain/(today|schedule|visitTiming|checkInTime|london|referralRules|volunteering)\\.',
  // Not the date-fns functions only other screens call (the sessions' series, the reports' periods, babies' ages):
  // those go with the screens that use them.
  `node_modules/@date-fns/`,
  `node_modules/date-fns/(?!(${DATES_ELSEWHERE.join('|')})\\.)`,
];

const THEME_COLOUR = '#8f3a1f';
const BACKGROUND_COLOUR = '#fff8f0';

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(version) },
  plugins: [
    formatLocale(),
    react(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'prompt',
      // The page registers the worker itself through useRegisterSW, so it can offer "Reload" on an update.
      injectRegister: false,
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
      },
      includeAssets: ['favicon.svg', 'favicon-48.png', 'apple-touch-icon.png'],
      manifest: {
        name: 'Coorie',
        short_name: 'Coorie',
        description:
          'Plan groups, check parents in and keep notes for perinatal peer support — with or without signal.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: THEME_COLOUR,
        background_color: BACKGROUND_COLOUR,
        lang: 'en-GB',
        dir: 'ltr',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      devOptions: { enabled: false },
    }),
    // Last: compresses every file written above, the service worker included.
    precompress(),
  ],
  build: {
    // dist/.vite/manifest.json: which chunks each screen loads, for `npm run size` (never served: a dot folder).
    manifest: true,
    // No modulepreload polyfill in the first screen's script: every browser Coorie runs in preloads modules itself,
    // and one that did not (Safari before 17) would only load them as they are imported.
    // Nor, for a screen opened later, any chunk every screen of the shell finds loaded already: the entry's own
    // (`boot`), and the lock's and the shell's, loaded while the lock shows (`unlock`, `today` and what they
    // import). Listing them again for each of some sixty screens cost the first screen's script about 190 bytes
    // gzipped; a stylesheet is always kept (Vite does not offer those here).
    modulePreload: {
      polyfill: false,
      resolveDependencies: (_file, deps) => deps.filter((dep) => !LOADED_BEFORE_THE_SHELL.test(dep)),
    },
    rolldownOptions: {
      output: {
        // zod (behind the record schemas) is needed only once something is saved or synced: keep it in a chunk
        // of its own instead of letting the bundler hoist it into the first screen's.
        // The first screens in as few scripts as they can be (every script gzipped on its own costs its own
        // overhead, and npm run size counts each): what the entry imports goes in the entry (`boot`), with Screen
        // and drafts that every screen but the lock takes; the lock and the device key's crypto in one
        // (`unlock`); the shell, Today and the dates they show in one (`today`; other screens share it for
        // date-fns). Listed module by module, with no dependencies pulled in, so that the sign-in screen loads
        // neither of the last two. A module new to Today belongs in TODAY_MODULES.
        codeSplitting: {
          groups: [
            { name: 'schemas', test: /node_modules[\\/]zod/ },
            { name: 'boot', tags: ['$initial'], priority: 3 },
            { name: 'boot', test: modules(BOOT_MODULES), includeDependenciesRecursively: false, priority: 3 },
            { name: 'unlock', test: modules(UNLOCK_MODULES), includeDependenciesRecursively: false, priority: 2 },
            { name: 'today', test: modules(TODAY_MODULES), includeDependenciesRecursively: false, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'jsdom',
    setupFiles: ['tests/setup.ts'],
    // Two cores shared with other work: forked workers, never more than two.
    pool: 'forks',
    maxWorkers: 2,
    // Generous limits: these tests must pass on a slow, shared machine; speed is for `npm run bench`.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
