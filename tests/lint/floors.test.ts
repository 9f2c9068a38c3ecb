// @vitest-environment node
// The floors of the source tree (README "How the parts fit") are lint errors: an import that climbs back up a
// floor fails `npm run check`, and one that goes down passes.
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;
let withoutLoops: ESLint;
let typed: ESLint;
beforeAll(() => {
  // The examples are files that do not exist, which the type-aware rules cannot read: those rules are off here,
  // and their own example borrows the name of a real file.
  const untyped = { languageOptions: { parserOptions: { projectService: false } } };
  const untypedRules = { '@typescript-eslint/no-floating-promises': 'off' } as const;
  eslint = new ESLint({ cwd: process.cwd(), overrideConfig: { ...untyped, rules: untypedRules } });
  // The loop check follows every import of every example: slow, and not what the floors are about.
  withoutLoops = new ESLint({
    cwd: process.cwd(),
    overrideConfig: { ...untyped, rules: { ...untypedRules, 'import-x/no-cycle': 'off' } },
  });
  typed = new ESLint({ cwd: process.cwd(), overrideConfig: { rules: { 'import-x/no-cycle': 'off' } } });
});

/** The messages lint gives for `code` written in the file at `filePath`. */
async function problems(filePath: string, code: string, linter = withoutLoops): Promise<string[]> {
  const [result] = await linter.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => `${message.ruleId ?? 'parse'}: ${message.message}`);
}

const importing = (from: string) => `import { x } from '${from}';\nexport const y = x;\n`;

describe('the floors of src/', () => {
  it('lets the engine use db/, sync/ and domain/', async () => {
    const code = [
      "import { getMeta } from '../db/meta.ts';",
      "import { merge } from '../sync/merge.ts';",
      "import { isValidRecordId } from '../domain/ids.ts';",
      'export const all = [getMeta, merge, isValidRecordId];',
      '',
    ].join('\n');
    expect(await problems('src/engine/example.ts', code)).toEqual([]);
  });

  it('keeps the engine out of app/ and server/', async () => {
    expect(await problems('src/engine/example.ts', importing('../app/sync/pageSync.ts'))).toEqual([
      expect.stringContaining('no-restricted-imports: '),
    ]);
    expect(await problems('src/engine/example.ts', importing('../server/app.ts'))).toEqual([
      expect.stringContaining('no-restricted-imports: '),
    ]);
  });

  it('never lets db/ import the engine or app/', async () => {
    expect(await problems('src/db/example.ts', importing('../engine/syncStore.ts'))).toEqual([
      expect.stringContaining('no-restricted-imports: '),
    ]);
    expect(await problems('src/db/example.ts', importing('../app/layout/syncStatusText.ts'))).toEqual([
      expect.stringContaining('no-restricted-imports: '),
    ]);
  });

  it('keeps sync/ pure: only sync/ and domain/, no fetch, no timers', async () => {
    expect(await problems('src/sync/example.ts', importing('./merge.ts'))).toEqual([]);
    expect(await problems('src/sync/example.ts', importing('../domain/ids.ts'))).toEqual([]);
    for (const from of ['../db/meta.ts', '../engine/client.ts', '../app/main.tsx', '../server/app.ts']) {
      expect(await problems('src/sync/example.ts', importing(from))).toEqual([
        expect.stringContaining('no-restricted-imports: '),
      ]);
    }
    expect(await problems('src/sync/example.ts', "export const y = fetch('/api');\n")).toEqual([
      expect.stringContaining('no-restricted-globals: '),
    ]);
    expect(await problems('src/sync/example.ts', 'export const y = setTimeout(() => {}, 1);\n')).toEqual([
      expect.stringContaining('no-restricted-globals: '),
    ]);
  });

  it('keeps api/ pure: domain/ and sync/ below it, nothing above it, no fetch', async () => {
    expect(await problems('src/api/example.ts', importing('../sync/protocol.ts'))).toEqual([]);
    expect(await problems('src/api/example.ts', importing('../domain/ids.ts'))).toEqual([]);
    for (const from of ['../db/meta.ts', '../engine/client.ts', '../app/main.tsx', '../server/app.ts', 'fastify']) {
      expect(await problems('src/api/example.ts', importing(from))).toEqual([
        expect.stringContaining('no-restricted-imports: '),
      ]);
    }
    expect(await problems('src/api/example.ts', "export const y = fetch('/api');\n")).toEqual([
      expect.stringContaining('no-restricted-globals: '),
    ]);
  });

  it('lets the server and the app import api/', async () => {
    expect(await problems('src/server/example.ts', importing('../api/accounts.ts'))).toEqual([]);
    expect(await problems('src/app/example.ts', importing('../api/limits.ts'))).toEqual([]);
  });

  it('keeps domain/ below sync/', async () => {
    expect(await problems('src/domain/example.ts', importing('../sync/hlc.ts'))).toEqual([
      expect.stringContaining('no-restricted-imports: '),
    ]);
  });

  it('keeps the server off the device engine', async () => {
    expect(await problems('src/server/example.ts', importing('../engine/client.ts'))).toEqual([
      expect.stringContaining('no-restricted-imports: '),
    ]);
  });
});

describe('lint beyond the floors', () => {
  it('refuses a loop of imports', async () => {
    // db/lock.ts imports db/meta.ts, so meta.ts importing lock.ts would close a loop.
    expect(await problems('src/db/meta.ts', importing('./lock.ts'), eslint)).toContainEqual(
      expect.stringContaining('import-x/no-cycle: '),
    );
  });

  it('refuses a disable comment that disables nothing', async () => {
    expect(
      await problems('src/sync/example.ts', '// eslint-disable-next-line no-console\nexport const y = 1;\n'),
    ).toEqual([expect.stringContaining('Unused eslint-disable directive')]);
  });

  it('refuses a promise that nobody awaits, and lets one marked with void pass', async () => {
    const code = (call: string) =>
      [
        "import type { CoorieDb } from '../db/database.ts';",
        "import { getMeta } from '../db/meta.ts';",
        `export function f(db: CoorieDb) {\n  ${call};\n}`,
        '',
      ].join('\n');
    expect(await problems('src/engine/outcome.ts', code("getMeta(db, 'cursor')"), typed)).toEqual([
      expect.stringContaining('@typescript-eslint/no-floating-promises: '),
    ]);
    expect(await problems('src/engine/outcome.ts', code("void getMeta(db, 'cursor')"), typed)).toEqual([]);
  });
});
