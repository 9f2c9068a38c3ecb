// Reads for the public questionnaire link: a questionnaire found by its link id in any organisation, and
// whether an answer already came in under an id.
import { sql, type Kysely } from 'kysely';
import { toStoredRecord, type LoadedRecord } from './records.ts';
import type { Schema } from './schema.ts';

export interface LinkedQuestionnaire {
  organisationId: string;
  record: LoadedRecord;
}

/**
 * The questionnaire whose public link id is `linkId`. Record values are JSON text on both databases, so it is
 * found by its text and then checked exactly; a link id is letters, digits, "-", "_" and ":", and "_" is escaped
 * so that LIKE matches it as itself.
 */
export async function findQuestionnaireByLink(
  db: Kysely<Schema>,
  linkId: string,
): Promise<LinkedQuestionnaire | undefined> {
  const pattern = `%${JSON.stringify({ linkId })
    .slice(1, -1)
    .replace(/[\\%_]/g, '\\$&')}%`;
  const rows = await db
    .selectFrom('records')
    .select([
      'organisation_id',
      'kind',
      'id',
      'values_json',
      'versions_json',
      'author_id',
      'private_to',
      'erased_at',
      'updated_at',
      'change_seq',
    ])
    .where('kind', '=', 'questionnaire')
    .where(sql<boolean>`values_json like ${pattern} escape '\\'`)
    .execute();
  for (const row of rows) {
    const record = toStoredRecord(row);
    if (record.values.linkId === linkId && record.values.deleted !== true) {
      return { organisationId: row.organisation_id, record };
    }
  }
  return undefined;
}

export async function responseExists(db: Kysely<Schema>, organisationId: string, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('records')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('kind', '=', 'response')
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}
