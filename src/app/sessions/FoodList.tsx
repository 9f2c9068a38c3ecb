// Food and drinks for one session: what to bring, in quantities from the numbers expected, and the dietary needs
// of those expected as counts without names; and, at the cake session, the way to the baker's list.
import { Link } from 'react-router';
import type { Attendee } from '../../domain/attendee.ts';
import { dietaryCounts, foodList } from '../../domain/food.ts';
import type { Session } from '../../domain/session.ts';

export interface FoodListProps {
  session: Session;
  expected: readonly Attendee[];
  /** The cakes come to this session: marked so, or the last of a course that marks none. */
  cakeSession: boolean;
}

export function FoodList({ session, expected, cakeSession }: FoodListProps) {
  const facilitators = session.facilitators?.length ?? 0;
  const adults = expected.length + facilitators;
  const lines = foodList(adults);
  const needs = dietaryCounts(expected);
  return (
    <section aria-labelledby="food-heading">
      <h2 id="food-heading">Food and drinks</h2>
      <p className="field-hint">
        For {Math.max(1, adults)} {Math.max(1, adults) === 1 ? 'adult' : 'adults'}: {expected.length} expected and{' '}
        {facilitators} {facilitators === 1 ? 'facilitator' : 'facilitators'}. Walk-ins come too: bring a little more.
      </p>
      <table className="food-table">
        <caption className="visually-hidden">What to bring</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">How much</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.item}>
              <th scope="row">{line.item}</th>
              <td>
                {line.quantity} {line.unit}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Dietary needs</h3>
      {needs.length === 0 ? (
        <p className="empty-line">None recorded for the people expected.</p>
      ) : (
        <ul className="food-list" aria-label="Dietary needs of the people expected, as counts">
          {needs.map((need) => (
            <li key={need.need}>
              {need.label}: {need.count}
            </li>
          ))}
        </ul>
      )}
      {cakeSession && (
        <p>
          <Link className="button-link button-secondary" to={`/sessions/${encodeURIComponent(session.id)}/cakes`}>
            The cakes: print the list for the baker
          </Link>
        </p>
      )}
    </section>
  );
}
