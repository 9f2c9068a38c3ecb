// "Call <name>" buttons (tel:) for colleagues, with a plain word for anyone whose work phone is not recorded.
// Numbers arrive in E.164 from the server (api/fields.ts, workPhone), so they go into tel: as they are.
import type { TeamContact } from '../../db/meta.ts';
import '../styles/controls.css';
import '../styles/calls.css';

/** A UK number in E.164 as people write it: "+447700900123" → "07700 900123". */
export function displayPhone(e164: string): string {
  const national = e164.startsWith('+44') ? `0${e164.slice(3)}` : e164;
  return national.length === 11 ? `${national.slice(0, 5)} ${national.slice(5)}` : national;
}

export function CallButtons({ people, label }: { people: TeamContact[]; label?: string }) {
  if (people.length === 0) return null;
  return (
    <ul className="call-buttons" aria-label={label}>
      {people.map((person) => {
        return (
          <li key={person.id}>
            {person.workPhone ? (
              <a className="button-link button-call" href={`tel:${person.workPhone}`}>
                Call {person.name}
                <span className="record-meta"> {displayPhone(person.workPhone)}</span>
              </a>
            ) : (
              <p>No work phone recorded for {person.name}: ask your coordinator to add one in Team.</p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
