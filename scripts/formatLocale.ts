// A Vite plugin that gives date-fns's `format` only the parts of its default locale that formatting reads.
// `format` falls back to the whole of en-US (Coorie passes no locale: it writes its dates with en-US's names of
// days and months, as date-fns does by default), and so brings with it what only parsing and distances in words
// use: about 1 KB gzipped of the scripts loaded before Today. Here it gets the same locale without those, so
// every date reads exactly as before. Other date-fns functions keep the full locale: one that parses or words a
// distance would need it.
import path from 'node:path';
import type { Plugin } from 'vite';

const FORMAT = /[\\/]node_modules[\\/]date-fns[\\/]format\.js$/;
/** The module's file name: beside the default locale it stands for, so that it goes into the chunk of date-fns. */
const LOCALE = /[\\/]node_modules[\\/]date-fns[\\/]_lib[\\/]formatLocale\.js$/;

export function formatLocale(): Plugin {
  return {
    name: 'coorie:format-locale',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== './_lib/defaultLocale.js' || !importer || !FORMAT.test(importer)) return null;
      return path.join(path.dirname(importer), '_lib', 'formatLocale.js');
    },
    load(id) {
      if (!LOCALE.test(id)) return null;
      const enUS = path.join(path.dirname(id), '..', 'locale', 'en-US', '_lib');
      const part = (name: string) => JSON.stringify(path.join(enUS, `${name}.js`).replace(/\\/g, '/'));
      return [
        `import { formatLong } from ${part('formatLong')};`,
        `import { localize } from ${part('localize')};`,
        // As en-US's own (locale/en-US.js), less formatDistance, formatRelative and match.
        `export const defaultLocale = { code: 'en-US', formatLong, localize, options: { weekStartsOn: 0, firstWeekContainsDate: 1 } };`,
      ].join('\n');
    },
  };
}
