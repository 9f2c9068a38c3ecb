// Reviewing likely duplicates side by side, and merging one into the other so that nothing is lost.
import { useState } from 'react';
import { Link } from 'react-router';
import type { Attendee } from '../../domain/attendee.ts';
import { babyAge } from '../../domain/babyAge.ts';
import { hasConsentForNotes } from '../../domain/consent.ts';
import { DUPLICATE_REASON_LABELS, likelyDuplicates, type DuplicatePair } from '../../domain/duplicates.ts';
import { useDb, useRecords } from '../../db/hooks.ts';
import { mergeDuplicate, useRelatedCounts, type RelatedCounts } from '../../db/people.ts';
import { useCurrentUser } from '../layout/useCurrentUser.ts';
import { EmptyState, Loading, Screen } from '../components/Screen.tsx';
import { formatLongDay } from './dates.ts';
import '../styles/people.css';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function DuplicatesScreen() {
  const rows = useRecords('attendee');
  const pairs = rows ? likelyDuplicates(rows) : undefined;
  const ids = pairs?.flatMap((pair) => [pair.first.id, pair.second.id]) ?? [];
  const counts = useRelatedCounts(ids);
  const [done, setDone] = useState('');

  return (
    <Screen title="Possible duplicates" className="people-notes">
      <p className="lede">
        Two volunteers may have added the same parent on different devices. Compare each pair, then keep one record: the
        other one’s check-ins, notes, visits and anything it knew move onto it.
      </p>
      <div role="status" className="form-status">
        {done && <p className="notice notice-ok">{done}</p>}
      </div>
      {pairs === undefined || counts === undefined ? (
        <Loading />
      ) : pairs.length === 0 ? (
        <EmptyState>
          <p>No possible duplicates.</p>
          <p>
            <Link to="/people">Back to People</Link>
          </p>
        </EmptyState>
      ) : (
        pairs.map((pair, index) => (
          <PairReview
            key={`${pair.first.id}|${pair.second.id}`}
            pair={pair}
            number={index + 1}
            counts={counts}
            onMerged={setDone}
          />
        ))
      )}
    </Screen>
  );
}

interface PairProps {
  pair: DuplicatePair;
  number: number;
  counts: Map<string, RelatedCounts>;
  onMerged: (message: string) => void;
}

function PairReview({ pair, number, counts, onMerged }: PairProps) {
  const db = useDb();
  const user = useCurrentUser();
  const [keepId, setKeepId] = useState<string | null>(null);
  const [problem, setProblem] = useState('');
  const headingId = `pair-${number}`;
  const kept = keepId === pair.first.id ? pair.first : pair.second;
  const dropped = keepId === pair.first.id ? pair.second : pair.first;
  const moving = counts.get(dropped.id);

  async function merge() {
    try {
      await mergeDuplicate(db, kept.id, dropped.id, user?.id ?? '');
      onMerged(`Merged. ${kept.displayName}’s check-ins and notes are now on one record.`);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The merge could not be saved. Try again.');
    }
  }

  return (
    <section className="duplicate-pair" aria-labelledby={headingId}>
      <h2 id={headingId}>
        Pair {number}: {pair.first.displayName} and {pair.second.displayName}
      </h2>
      <p>Why they may be one person: {pair.reasons.map((reason) => DUPLICATE_REASON_LABELS[reason]).join('; ')}.</p>
      <div className="pair-cards">
        {[pair.first, pair.second].map((person) => (
          <PersonCard
            key={person.id}
            person={person}
            counts={counts.get(person.id)}
            chosen={keepId === person.id}
            onKeep={() => setKeepId(person.id)}
          />
        ))}
      </div>
      {keepId && (
        <div className="confirm" role="group" aria-label={`Confirm the merge of pair ${number}`}>
          <p>
            Keep the record added {kept.createdAt ? formatLongDay(kept.createdAt) : ''} and move the other one into it?{' '}
            {moving && `${plural(moving.checkIns, 'check-in')} and ${plural(moving.notes, 'note')} will move.`}
          </p>
          {problem && (
            <p role="alert" className="field-error">
              {problem}
            </p>
          )}
          <div className="form-actions">
            <button type="button" className="button-primary" onClick={() => void merge()}>
              Merge
            </button>
            <button type="button" className="button-secondary" onClick={() => setKeepId(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </section>
  );
}

interface CardProps {
  person: Attendee;
  counts: RelatedCounts | undefined;
  chosen: boolean;
  onKeep: () => void;
}

function PersonCard({ person, counts, chosen, onKeep }: CardProps) {
  const added = person.createdAt ? formatLongDay(person.createdAt) : 'date not known';
  const today = new Date();
  return (
    <article className={chosen ? 'person-card person-card-chosen' : 'person-card'}>
      <h3>{person.displayName}</h3>
      <dl className="facts">
        <div>
          <dt>Added</dt>
          <dd>{added}</dd>
        </div>
        <div>
          <dt>Area</dt>
          <dd>{person.locality || 'Not recorded'}</dd>
        </div>
        <div>
          <dt>Babies</dt>
          <dd>
            {(person.babies ?? [])
              .map((baby) => `${baby.alias || 'Baby'} (${babyAge(baby, today)?.label ?? 'age not known'})`)
              .join(', ') || 'None recorded'}
          </dd>
        </div>
        <div>
          <dt>Phone</dt>
          <dd>{person.contact?.phone ? 'Recorded' : 'Not recorded'}</dd>
        </div>
        <div>
          <dt>Consent to notes</dt>
          <dd>{hasConsentForNotes(person) ? 'Yes' : 'No'}</dd>
        </div>
        <div>
          <dt>Check-ins</dt>
          <dd>{counts?.checkIns ?? 0}</dd>
        </div>
        <div>
          <dt>Notes</dt>
          <dd>{counts?.notes ?? 0}</dd>
        </div>
      </dl>
      <button type="button" className="button-primary" aria-pressed={chosen} onClick={onKeep}>
        Keep this one
        <span className="visually-hidden">
          : {person.displayName}, added {added}
        </span>
      </button>
    </article>
  );
}
