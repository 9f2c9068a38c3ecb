// The limits that the server enforces and the forms check before sending. No zod here: the first screen imports it.

/** Passwords are counted in characters as people see them (an emoji is one), not UTF-16 units. */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

/** Names are trimmed first, so the limit is on what is kept. */
export const MAX_PERSON_NAME = 80;
export const MAX_ORGANISATION_NAME = 120;
export const MAX_DEVICE_NAME = 80;
export const MAX_EMAIL = 254;

/** An organisation's retention period, in months (null: keep until erased by hand). */
export const MIN_RETENTION_MONTHS = 6;
export const MAX_RETENTION_MONTHS = 120;

/** An organisation's alert periods, in minutes (the same bounds as the server's environment). */
export const MIN_ALERT_MINUTES = 1;
export const MAX_ALERT_MINUTES = 24 * 60;

/** The public timetable's wording (api/publicity.ts): one line each, as every request string is. */
export const MAX_PUBLICITY_LINE = 300;
export const MAX_PUBLICITY_TEXT = 1000;
/** How far ahead the public timetable looks, in weeks. */
export const MIN_PUBLIC_WEEKS = 1;
export const MAX_PUBLIC_WEEKS = 12;
