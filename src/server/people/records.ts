// Finds every record about one person: the attendee, the attendees merged into them, and every
// record whose person field names any of them. Erasure, export and retention all start here.
import type { Kysely } from 'kysely';
import { KINDS, KIND_NAMES } from '../../domain/kinds.ts';
import type { Values, Versions } from '../../sync/merge.ts';
import type { Schema } from '../store/schema.ts';

export interface PersonRecord {
  kind: string;
  id: string;
  values: Values;
  versions: Versions;
  erasedAt: string | null;
  updatedAt: string;
}

export interface PersonRecords {
  person: PersonRecord;
  /** Duplicates merged into the person (`mergedInto`), followed to any depth. */
  merged: PersonRecord[];
  /** Check-ins, outreach, notes and visits about the person or a duplicate of them. */
  related: PersonRecord[];
}

/** Kinds whose records are about one attendee, by the field that names them. */
export const PERSON_KINDS = KIND_NAMES.flatMap((kind) => {
  const field = (KINDS[kind] as { personField?: string }).personField;
  return field && field !== 'id' ? [{ kind, field }] : [];
});

type Row = Pick<Schema['records'], 'kind' | 'id' | 'values_json' | 'versions_json' | 'updated_at'> & {
  erased_at: string | null;
};

function toRecord(row: Row): PersonRecord {
  return {
    kind: row.kind,
    id: row.id,
    values: JSON.parse(row.values_json) as Values,
    versions: JSON.parse(row.versions_json) as Versions,
    erasedAt: row.erased_at,
    updatedAt: row.updated_at,
  };
}

const COLUMNS = ['kind', 'id', 'values_json', 'versions_json', 'updated_at', 'erased_at'] as const;

/**
 * Records of `kind` whose `field` names one of `ids`. Values are JSON made by JSON.stringify, so the
 * pair appears exactly as `"field":"id"`; LIKE narrows the rows in the database (an `_` in an id matches
 * any character there) and the parsed value decides.
 */
async function findNaming(
  db: Kysely<Schema>,
  organisationId: string,
  kind: string,
  field: string,
  ids: string[],
): Promise<PersonRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('records')
    .select(COLUMNS)
    .where('organisation_id', '=', organisationId)
    .where('kind', '=', kind)
    .where((eb) =>
      eb.or(ids.map((id) => eb('values_json', 'like', `%${JSON.stringify({ [field]: id }).slice(1, -1)}%`))),
    )
    .execute();
  return rows.map(toRecord).filter((record) => ids.includes(record.values[field] as string));
}

export async function findPersonRecords(
  db: Kysely<Schema>,
  organisationId: string,
  personId: string,
): Promise<PersonRecords | undefined> {
  const row = await db
    .selectFrom('records')
    .select(COLUMNS)
    .where('organisation_id', '=', organisationId)
    .where('kind', '=', 'attendee')
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!row) return undefined;
  const person = toRecord(row);
  const merged: PersonRecord[] = [];
  const seen = new Set([personId]);
  let frontier = [personId];
  while (frontier.length > 0) {
    const found = await findNaming(db, organisationId, 'attendee', 'mergedInto', frontier);
    frontier = [];
    for (const duplicate of found) {
      if (seen.has(duplicate.id)) continue;
      seen.add(duplicate.id);
      merged.push(duplicate);
      frontier.push(duplicate.id);
    }
  }
  const related: PersonRecord[] = [];
  for (const { kind, field } of PERSON_KINDS) {
    related.push(...(await findNaming(db, organisationId, kind, field, [...seen])));
  }
  return { person, merged, related };
}
