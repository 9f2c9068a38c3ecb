// The routes of the plan editor: sessions/new (optionally ?from=<id>) and sessions/:id/edit.
import { Link, useParams, useSearchParams } from 'react-router';
import { useRecord } from '../../db/hooks.ts';
import { EmptyState, Loading, Screen } from '../components/Screen.tsx';
import { PlanEditor, initialPlan } from './PlanEditor.tsx';
import { planFromSession } from './planForm.ts';
import { asSession } from './rows.ts';

function NotFound() {
  return (
    <Screen title="Session not found">
      <EmptyState>
        <p>This session isn't on this tablet.</p>
        <p>
          It may have been deleted, or not synced here yet. <Link to="/sessions">Back to sessions</Link>
        </p>
      </EmptyState>
    </Screen>
  );
}

export function NewSessionScreen() {
  const [params] = useSearchParams();
  const fromId = params.get('from') ?? undefined;
  const from = useRecord('session', fromId);
  if (fromId && from === undefined) return <Loading />;
  const previous = from ? asSession(from) : undefined;
  return (
    <PlanEditor
      key={fromId ?? 'new'}
      draftKey={fromId ? `session-plan:new-from:${fromId}` : 'session-plan:new'}
      initial={initialPlan(previous, new Date())}
    />
  );
}

export function EditSessionScreen() {
  const { id = '' } = useParams();
  const row = useRecord('session', id);
  if (row === undefined) return <Loading />;
  if (row === null) return <NotFound />;
  const session = asSession(row);
  return <PlanEditor key={id} session={session} draftKey={`session-plan:${id}`} initial={planFromSession(session)} />;
}

export { NotFound as SessionNotFound };
