// The team to call: names and work phones from GET /api/team/contacts, kept on the device
// so that "Call <name>" works with no signal. Fetched again whenever a screen that offers calls opens online.
// Never used by the feedback kiosk, the one screen parents see.
import { useEffect } from 'react';
import { contactsAnswer } from '../../api/team.ts';
import type { CoorieDb } from '../../db/database.ts';
import { useDb, useMeta } from '../../db/hooks.ts';
import { setMeta, type TeamContact } from '../../db/meta.ts';
import { request } from '../http/request.ts';
import { useOnline } from '../layout/useOnline.ts';

/** Asks the server for the team and keeps the answer; with no answer, what the device has stays. */
export async function refreshContacts(db: CoorieDb): Promise<void> {
  const answer = contactsAnswer.safeParse(await request('GET', '/api/team/contacts'));
  if (answer.success) await setMeta(db, 'contacts', answer.data.contacts);
}

/** The team as this device last heard of it (empty until it has), refreshed when the screen opens online. */
export function useContacts(): TeamContact[] {
  const db = useDb();
  const online = useOnline();
  const contacts = useMeta('contacts');
  useEffect(() => {
    if (online) refreshContacts(db).catch(() => undefined);
  }, [db, online]);
  return contacts ?? [];
}

/** The coordinators, but never the person looking. */
export function coordinatorsFor(contacts: TeamContact[], myId: string | undefined): TeamContact[] {
  return contacts.filter((contact) => contact.role === 'coordinator' && contact.id !== myId);
}
