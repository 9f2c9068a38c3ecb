// Each note's concern as its row holds it (sealed at rest, like the row's), in a table of its own beside the
// notes, so that Today learns which notes carry a concern from a few bytes a note rather than by reading every
// note whole, body and all. Kept by the database itself (a DBCore middleware, the one way every write reaches
// IndexedDB): whatever writes a note (a save, a pulled page, the sealing pass, an erasure, a wipe) writes or
// deletes its entry in the same transaction, so the table never holds a note that is gone or a concern that
// has changed. An index could not do this: a key derived from the concern would keep it in clear, and reading
// keys with their rows' ids takes a cursor, as slow as reading the rows.
import type { DBCore, Middleware } from 'dexie';

export const NOTE_CONCERNS = 'noteConcerns';

/**
 * An entry: the note's id and its concern exactly as the note's row holds it (a Sealed value, or in clear), with
 * what Today needs to tell whether a raised concern is still open (who picked it up, and the versions of that and
 * of the concern) and when the note was written: all of them clear in the row too.
 */
export interface NoteConcern {
  id: string;
  concern: unknown;
  concernPickedUpBy?: string;
  createdAt?: unknown;
  _v: { concern?: string; concernPickedUpBy?: string };
}

/** The entry a note row has: none for a deleted note or one with no concern. */
export function noteConcernOf(row: {
  id: string;
  concern?: unknown;
  concernPickedUpBy?: unknown;
  createdAt?: unknown;
  deleted?: unknown;
  _v?: Record<string, string>;
}): NoteConcern | undefined {
  if (row.deleted === true || row.concern === undefined) return undefined;
  const { id, concern, concernPickedUpBy, createdAt, _v } = row;
  return {
    id,
    concern,
    concernPickedUpBy: typeof concernPickedUpBy === 'string' ? concernPickedUpBy : undefined,
    createdAt,
    _v: { concern: _v?.concern, concernPickedUpBy: _v?.concernPickedUpBy },
  };
}

export const noteConcernsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'NoteConcerns',
  create: (down) => ({
    ...down,
    // Every transaction that may write notes may write their entries.
    transaction: (stores, mode, options) =>
      down.transaction(
        mode === 'readwrite' && stores.includes('note') && !stores.includes(NOTE_CONCERNS)
          ? [...stores, NOTE_CONCERNS]
          : stores,
        mode,
        options,
      ),
    table(name) {
      const table = down.table(name);
      if (name !== 'note') return table;
      return {
        ...table,
        // Once the notes' write has succeeded, the same to their entries, in the same transaction. Not in an
        // upgrade: its own rewriting of rows may run before the table exists, and the upgrade that made the
        // table fills it from every note, after all the others.
        mutate: (req) =>
          table.mutate(req).then(async (result) => {
            const { trans } = req;
            if ((trans as IDBTransaction).mode === 'versionchange') return result;
            const entries = down.table(NOTE_CONCERNS);
            if (req.type === 'delete') await entries.mutate({ type: 'delete', trans, keys: req.keys });
            else if (req.type === 'deleteRange') await entries.mutate({ type: 'deleteRange', trans, range: req.range });
            else {
              // A note written with no concern, or deleted, has no entry; a write that failed changed nothing.
              const written = req.values.filter((_row, index) => !result.failures[index]);
              const puts = written.map(noteConcernOf);
              const gone = written.filter((_row, index) => !puts[index]).map((row) => row.id as string);
              if (gone.length > 0) await entries.mutate({ type: 'delete', trans, keys: gone });
              await entries.mutate({ type: 'put', trans, values: puts.filter((entry) => entry !== undefined) });
            }
            return result;
          }),
      };
    },
  }),
};
