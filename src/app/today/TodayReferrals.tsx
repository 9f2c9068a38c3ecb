// "Did they get there?": referrals whose follow-up is due, for whoever made them and for coordinators, with the
// outcome recorded in one tap. Kept small and free of the schemas: it loads with Today.
import { Link } from 'react-router';
import { useDb } from '../../db/hooks.ts';
import { recordOutcome, type ReferralFollowUps } from '../../db/referralFollowUps.ts';
import { OUTCOME_LABELS, REFERRAL_OUTCOMES } from '../../domain/referralRules.ts';
import { dateLabel } from './labels.ts';

export function TodayReferrals({
  data,
  today,
  user,
}: {
  /** The referrals whose follow-up is due (db/referralFollowUps.ts), read by the screen. */
  data: ReferralFollowUps;
  today: string;
  user: { id: string; role: string };
}) {
  const db = useDb();
  if (data.referrals.length === 0) return null;
  return (
    <section aria-labelledby="today-referrals" className="today-section">
      <h2 id="today-referrals">Did they get there?</h2>
      <ul className="today-list">
        {data.referrals.map((referral) => {
          const name = data.attendees.get(referral.attendeeId ?? '')?.displayName ?? 'Someone';
          const to = data.partners.get(referral.partnerId ?? '') || referral.toName || 'a partner';
          const overdue = (referral.followUpDue ?? today) < today;
          return (
            <li key={referral.id} className={overdue ? 'today-card today-card-overdue' : 'today-card'}>
              <div className="today-card-text">
                <Link to={`/people/${encodeURIComponent(referral.attendeeId ?? '')}`} className="today-card-title">
                  {name}
                </Link>
                <span>
                  {referral.type === 'signposting' ? 'Signposted to ' : 'Referred to '}
                  {to}
                </span>
                <span className={overdue ? 'today-overdue-text' : 'record-meta'}>
                  {overdue ? 'Overdue: was due ' : 'Due '}
                  {referral.followUpDue === today ? 'today' : dateLabel(referral.followUpDue ?? today)}
                </span>
              </div>
              <div className="referral-outcomes" role="group" aria-label={`How it went for ${name}`}>
                {REFERRAL_OUTCOMES.map((outcome) => (
                  <button
                    key={outcome}
                    type="button"
                    className="button-secondary"
                    onClick={() => void recordOutcome(db, referral.id, outcome, user.id)}
                  >
                    {OUTCOME_LABELS[outcome]}
                  </button>
                ))}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
