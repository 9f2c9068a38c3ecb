// Reports: the numbers funders ask for, counted from what this tablet holds.
import { useRecords } from '../../db/hooks.ts';
import { EmptyState, Loading, Screen } from '../components/Screen.tsx';

export function ReportsScreen() {
  const sessions = useRecords('session');
  const checkIns = useRecords('checkIn');
  const people = useRecords('attendee');
  const loaded = sessions !== undefined && checkIns !== undefined && people !== undefined;
  const empty = loaded && sessions.length + checkIns.length + people.length === 0;
  return (
    <Screen title="Reports">
      {!loaded ? (
        <Loading />
      ) : empty ? (
        <EmptyState>
          <p>Nothing to report yet.</p>
          <p>Once sessions run and people are checked in, the totals for your funders will add up here.</p>
        </EmptyState>
      ) : (
        <dl className="totals">
          <div>
            <dt>Sessions</dt>
            <dd>{sessions.length}</dd>
          </div>
          <div>
            <dt>Check-ins</dt>
            <dd>{checkIns.length}</dd>
          </div>
          <div>
            <dt>People</dt>
            <dd>{people.length}</dd>
          </div>
        </dl>
      )}
    </Screen>
  );
}
