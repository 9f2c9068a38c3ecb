// The shape of a record id, kept apart from the schemas so that checking one needs no zod.
export const ID_PATTERN = /^[A-Za-z0-9:_-]{1,100}$/;

export function isValidRecordId(id: string): boolean {
  return ID_PATTERN.test(id);
}
