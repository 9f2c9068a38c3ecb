// The device's database: a table per record kind, plus the outbox, sync metadata and refused changes.
import { Dexie, type EntityTable, type Table, type Transaction } from 'dexie';
import { KIND_INDEXES, KIND_NAMES, type KindName } from '../domain/indexes.ts';
import { DERIVED_INDEXES, derivedKeys } from './derived.ts';
import { NOTE_CONCERNS, noteConcernOf, noteConcernsMiddleware, type NoteConcern } from './noteConcerns.ts';
import type { KindRecords } from '../domain/kinds.ts';
import type { Values, Versions } from '../sync/merge.ts';

/** A record as a table holds it: its fields at the top (so they can be indexed) and versions in `_v`. */
export type Row = { id: string; _v: Versions } & Values;

/** A row of one kind, with that kind's fields. */
export type KindRow<K extends KindName = KindName> = KindRecords[K] & { _v: Versions };

export interface OutboxEntry {
  seq?: number;
  kind: KindName;
  id: string;
  values: Values;
  versions: Versions;
}

export interface RejectedChange {
  seq?: number;
  kind: string;
  id: string;
  values: Values;
  versions: Versions;
  code: string;
  message: string;
  at: number;
}

/** A form's unsaved input, kept so that a mistaken tap back or a reload loses nothing. */
export interface Draft {
  key: string;
  value: unknown;
  updatedAt: number;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

const DATABASE_NAME = 'coorie';

/** The kinds whose tables version 5 added: volunteer records, crèche and travel bookings, partners and
 * referrals, peer-research questionnaires and their answers. */
const VERSION_5_KINDS: readonly KindName[] = [
  'training',
  'pvg',
  'hours',
  'supervision',
  'supervisionNote',
  'booking',
  'partner',
  'referral',
  'questionnaire',
  'response',
];
/** Kinds whose tables a later version than 1 added. */
const LATER_KINDS: ReadonlySet<string> = new Set(VERSION_5_KINDS);

/**
 * Gives every note and visit the keys derived.ts derives now (an upgrade when those keys change). Kinds added
 * later have no table yet at the versions that ran this, and their rows get their keys when written.
 */
async function rederive(tx: Transaction): Promise<void> {
  for (const kind of Object.keys(DERIVED_INDEXES).filter((name) => !LATER_KINDS.has(name))) {
    await tx
      .table(kind)
      .toCollection()
      .modify((row: Row) => {
        const { _v: _versions, _i: _old, ...values } = row;
        const keys = derivedKeys(values);
        if (keys) row._i = keys;
        else delete row._i;
      });
  }
}

/** Fills the table of notes' concerns (noteConcerns.ts) from every note, as their rows hold them now. */
async function fillNoteConcerns(tx: Transaction): Promise<void> {
  const entries: NoteConcern[] = [];
  await tx.table('note').each((row: Row) => {
    const entry = noteConcernOf(row);
    if (entry) entries.push(entry);
  });
  const table = tx.table(NOTE_CONCERNS);
  await table.clear();
  await table.bulkPut(entries);
}

export class CoorieDb extends Dexie {
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  rejected!: EntityTable<RejectedChange, 'seq'>;
  meta!: EntityTable<MetaEntry, 'key'>;
  drafts!: EntityTable<Draft, 'key'>;
  noteConcerns!: EntityTable<NoteConcern, 'id'>;
  /** The device's wall clock. Tests give one device a wrong date through it, as a real tablet may have. */
  now: () => number = () => Date.now();

  constructor(name = DATABASE_NAME) {
    super(name);
    const stores: Record<string, string> = {
      outbox: '++seq, [kind+id]',
      rejected: '++seq, [kind+id]',
      meta: 'key',
    };
    // Kinds added after version 1 get their tables in the version that added them, not here: declared in
    // version 1 too, Dexie would see no change at the upgrade and never make the table on an existing device.
    for (const kind of KIND_NAMES) {
      if (!LATER_KINDS.has(kind)) stores[kind] = ['id', ...KIND_INDEXES[kind]].join(', ');
    }
    // Each version stays as it shipped; a later one adds below it, with its .upgrade() when data must move.
    // Version 1 shipped with notes indexed on `concern` too.
    const notes = ['id', ...KIND_INDEXES.note].join(', ');
    this.version(1).stores({ ...stores, note: `${notes}, concern` });
    // Version 2: form drafts. A new table only, so no upgrade of existing data is needed.
    this.version(2).stores({ drafts: 'key' });
    // Version 3: indexes on keys derived from a note's or a visit's fields (derived.ts), so that Today reads the
    // follow-ups still to do, the concerns and the visits under way, not every note and visit; existing rows
    // get their keys here.
    const version3: Record<string, string> = {
      note: `${notes}, concern, _i.due, _i.concern, _i.openConcern`,
      visit: ['id', ...KIND_INDEXES.visit, '_i.open', '_i.unfinished'].join(', '),
    };
    this.version(3).stores(version3).upgrade(rederive);
    // Version 4: no index on `concern` (neither the field nor a key derived from it): it is sealed at rest
    // (domain/sensitive.ts), and an index would keep it in clear. Existing rows lose those keys here; their values
    // are sealed on the first unlock (db/sealAtRest.ts).
    const derived: Record<string, string> = {};
    for (const [kind, indexes] of Object.entries(DERIVED_INDEXES).filter(([kind]) => !LATER_KINDS.has(kind))) {
      derived[kind] = ['id', ...KIND_INDEXES[kind as keyof typeof DERIVED_INDEXES], ...indexes].join(', ');
    }
    this.version(4).stores(derived).upgrade(rederive);
    // Version 5: new kinds' tables only (volunteer records, bookings, partners, referrals, questionnaires, answers), so no upgrade of
    // existing data; a referral's follow-up still to do is indexed through its derived key, as a note's is.
    const version5: Record<string, string> = {};
    for (const kind of VERSION_5_KINDS) {
      const derivedIndexes: readonly string[] =
        (DERIVED_INDEXES as Partial<Record<string, readonly string[]>>)[kind] ?? [];
      version5[kind] = ['id', ...KIND_INDEXES[kind], ...derivedIndexes].join(', ');
    }
    this.version(5).stores(version5);
    // Version 6: each note's concern, sealed as in its row, in a table of its own (noteConcerns.ts), filled here
    // from the notes already on the device and kept by the middleware from then on.
    this.version(6)
      .stores({ [NOTE_CONCERNS]: 'id' })
      .upgrade(fillNoteConcerns);
    this.use(noteConcernsMiddleware);
  }

  /**
   * The table of one kind. Its rows read as the kind's record; they are written (as plain rows) only by the
   * merge, with values checked against the kind's schema by saveRecord on a device or by the server's push.
   */
  records<K extends KindName>(kind: K): Table<KindRow<K>, string, Row> {
    return this.table(kind);
  }

  /** Every table, for transactions that touch records, the outbox and meta together. */
  allTables(): Table[] {
    return this.tables;
  }
}
