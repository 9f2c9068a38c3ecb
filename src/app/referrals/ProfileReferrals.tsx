// A person's referrals on their profile: to whom, when, with what consent, and how it went, with the outcome
// recorded here too (not only from Today).
import { useDb } from '../../db/hooks.ts';
import { recordOutcome, usePartners, usePersonReferrals } from '../../db/referrals.ts';
import type { Referral } from '../../domain/referral.ts';
import { OUTCOME_LABELS, REFERRAL_OUTCOMES } from '../../domain/referralRules.ts';
import { Loading } from '../components/Screen.tsx';
import { formatDateTime, formatDay, formatLongDate } from '../format.ts';
import { useCurrentUser } from '../layout/useCurrentUser.ts';
import '../styles/referrals.css';

export function ProfileReferrals({ personId, name }: { personId: string; name: string }) {
  const referrals = usePersonReferrals(personId);
  const partners = usePartners();
  if (referrals === undefined || partners === undefined) return <Loading />;
  if (referrals.length === 0) return <p className="field-hint">No referrals or signposting recorded yet.</p>;
  const names = new Map(partners.map((partner) => [partner.id, partner.name ?? '']));
  return (
    <ul className="referral-list">
      {referrals.map((referral) => (
        <ReferralItem
          key={referral.id}
          referral={referral}
          to={names.get(referral.partnerId ?? '') || referral.toName || 'A partner'}
          name={name}
        />
      ))}
    </ul>
  );
}

function ReferralItem({ referral, to, name }: { referral: Referral; to: string; name: string }) {
  const db = useDb();
  const user = useCurrentUser();
  const what = referral.type === 'signposting' ? 'Signposted to' : 'Referred to';
  return (
    <li className="referral-item">
      <span className="record-title">
        {what} {to}
      </span>
      {referral.madeAt && <span className="record-meta">{formatDateTime(referral.madeAt)}</span>}
      {referral.reason && <span>{referral.reason}</span>}
      {referral.consentGiven && <span className="record-meta">Consent: {referral.consentWording || 'given'}</span>}
      {referral.outcome ? (
        <span>
          <strong>{OUTCOME_LABELS[referral.outcome]}</strong>
          {referral.outcomeAt && ` (recorded ${formatLongDate(referral.outcomeAt)})`}
        </span>
      ) : (
        <>
          <span className="record-meta">
            {referral.followUpDue ? `Follow up on ${formatDay(referral.followUpDue)}` : 'No follow-up date'}
          </span>
          <div className="referral-outcomes" role="group" aria-label={`How it went for ${name}: ${to}`}>
            {REFERRAL_OUTCOMES.map((outcome) => (
              <button
                key={outcome}
                type="button"
                className="button-secondary"
                onClick={() => void recordOutcome(db, referral.id, outcome, user?.id ?? '')}
              >
                {OUTCOME_LABELS[outcome]}
              </button>
            ))}
          </div>
        </>
      )}
    </li>
  );
}
