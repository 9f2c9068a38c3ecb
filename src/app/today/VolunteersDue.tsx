// Today's volunteer items: for coordinators, training and PVG renewals due within 30 days or past; for everyone,
// their own PVG when it has lapsed. A warning, never a block: see README, "Volunteers".
import { Link } from 'react-router';
import { useMeta } from '../../db/hooks.ts';
import { useOwnPvg } from '../../db/volunteersDue.ts';
import { pvgState, type DueItem } from '../../domain/volunteering.ts';
import { formatDay } from '../format.ts';

export function OwnPvgWarning({ userId, today }: { userId: string; today: string }) {
  const pvg = useOwnPvg(userId);
  if (!pvg || pvgState(pvg, today) !== 'expired') return null;
  return (
    <p className="volunteer-warning today-pvg" role="note">
      Your PVG membership has lapsed or passed its renewal date. Carry on recording what you see (nothing about anyone’s
      safety should wait), and talk to your coordinator about renewing.{' '}
      <Link to="/settings/volunteering">My training &amp; hours</Link>
    </p>
  );
}

/** A coordinator's renewals due (db/volunteersDue.ts, read by the screen; none for anyone else). */
export function VolunteersDue({ items }: { items: readonly DueItem[] }) {
  const contacts = useMeta('contacts');
  // Not before the team's names are read: "A team member" is for someone no longer on the list, not a wait.
  if (items.length === 0 || contacts === undefined) return null;
  const nameOf = (id: string) => contacts?.find((contact) => contact.id === id)?.name ?? 'A team member';
  return (
    <section aria-labelledby="today-volunteers" className="today-section">
      <h2 id="today-volunteers">Due for volunteers</h2>
      <ul className="today-list">
        {items.map((item) => (
          <li key={`${item.memberId}:${item.what}:${item.name ?? ''}`}>
            <Link to={`/settings/team/${item.memberId}/volunteering`}>
              {nameOf(item.memberId)}: {item.what === 'pvg' ? 'PVG membership' : item.name}
            </Link>{' '}
            <span className={item.state === 'expired' ? 'record-tag volunteer-tag-expired' : 'record-tag'}>
              {item.state === 'expired'
                ? item.what === 'pvg'
                  ? 'Lapsed'
                  : 'Renewal overdue'
                : `Renew by ${item.renewBy ? formatDay(item.renewBy) : 'soon'}`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
