// Checks one pushed change on its own (src/sync/protocol.ts): a bad change is rejected with a code, and the
// rest still apply.
import { KINDS, isKindName, validateValues, type KindName } from '../../domain/kinds.ts';
import { parseHlc } from '../../sync/hlc.ts';
import {
  MAX_CLOCK_AHEAD_MS,
  changeSchema,
  isValidRecordId,
  isValidVersion,
  type Change,
  type ChangeResult,
  type RejectionCode,
} from '../../sync/protocol.ts';
import { findControlCharacter } from '../validation.ts';

export type Rejection = ChangeResult & { status: 'rejected'; code: RejectionCode; message: string };

export const reject = (code: RejectionCode, message: string): Rejection => ({ status: 'rejected', code, message });

export type CheckedChange = Change & { kind: KindName };

/** The envelope of the change, before anything is read from the database. */
export function checkEnvelope(raw: unknown, now: number): CheckedChange | Rejection {
  const parsed = changeSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path[0];
    const message = `${issue?.path.map(String).join('.') || 'change'}: ${issue?.message ?? 'is not valid'}`;
    if (where === 'kind') return reject('unknown_kind', message);
    if (where === 'id') return reject('invalid_id', message);
    if (where === 'versions') return reject('invalid_version', message);
    return reject('invalid_value', message);
  }
  const change = parsed.data;
  if (!isKindName(change.kind)) return reject('unknown_kind', `There is no kind of record called "${change.kind}".`);
  if (!isValidRecordId(change.id)) {
    return reject('invalid_id', 'A record id must be 1–100 characters of A–Z, a–z, 0–9, :, _ or -.');
  }
  const fields = Object.keys(change.values);
  const versioned = Object.keys(change.versions);
  if (fields.length !== versioned.length || fields.some((field) => !Object.hasOwn(change.versions, field))) {
    return reject('invalid_version', 'Every field of a change needs a version, and every version a field.');
  }
  for (const [field, version] of Object.entries(change.versions)) {
    if (!isValidVersion(version)) return reject('invalid_version', `The version of ${field} is malformed.`);
    const millis = parseHlc(version)?.millis ?? 0;
    if (millis > now + MAX_CLOCK_AHEAD_MS) {
      return reject('clock_ahead', `The version of ${field} is more than 5 minutes ahead of the server's clock.`);
    }
  }
  const shape = KINDS[change.kind].fields.shape as Record<string, unknown>;
  const unknown = fields.filter((field) => !Object.hasOwn(shape, field));
  if (unknown.length > 0) {
    return reject('unknown_field', `A ${change.kind} has no field ${unknown.map((f) => `"${f}"`).join(', ')}.`);
  }
  // The edge's rule (plugins/guards.ts) for record text, checked here so that one bad value rejects only its change:
  // tabs and line breaks belong in a note or a plan; no other control character belongs anywhere.
  const control = findControlCharacter(change.values, '\t\n\r');
  if (control !== undefined) {
    return reject('invalid_value', `${control}: contains a control character, which no field may hold.`);
  }
  return { ...change, kind: change.kind };
}

/** The values of the change, now that we know whether the server has seen the record. */
export function checkValues(change: CheckedChange, isNew: boolean): Rejection | undefined {
  const problems = validateValues(change.kind, change.values, isNew);
  if (problems.length === 0) return undefined;
  const required: readonly string[] = KINDS[change.kind].required;
  const missing = problems.filter(
    (problem) => required.includes(problem.field) && !Object.hasOwn(change.values, problem.field),
  );
  const message = problems.map((problem) => problem.message).join('; ');
  return missing.length === problems.length ? reject('required_missing', message) : reject('invalid_value', message);
}
