// "Call <name>" for the supporter and the buddy of a colleague's visit on Today. Loaded only when Today shows
// such a visit: the team's contacts (and their schema) stay out of Today's first load.
import type { Visit } from '../../domain/visit.ts';
import { CallButtons } from '../team/CallButtons.tsx';
import { useContacts } from '../team/contacts.ts';

export function VisitCalls({ visit, ownId, who }: { visit: Visit; ownId: string; who: string }) {
  const contacts = useContacts();
  const supporterId = visit.supporterId || visit.createdBy;
  const ids = [supporterId, visit.buddyId].filter((id, index, all): id is string => {
    return !!id && id !== ownId && all.indexOf(id) === index;
  });
  const people = ids.flatMap((id) => contacts.filter((contact) => contact.id === id));
  return <CallButtons people={people} label={`Who to call about the ${who.replace(/^Visit/, 'visit')}`} />;
}

export default VisitCalls;
