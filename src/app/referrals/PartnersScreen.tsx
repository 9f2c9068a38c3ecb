// Partners: the organisations the team refers and signposts people to, with their work contacts. Everyone reads
// the list (to ring the health visiting team from a visit); coordinators add and correct entries.
import { Link } from 'react-router';
import { usePartners } from '../../db/referrals.ts';
import { telLink } from '../../domain/outreach.ts';
import { capitalise } from '../components/form/index.ts';
import { EmptyState, Loading, Screen } from '../components/Screen.tsx';
import { useCurrentUser } from '../layout/useCurrentUser.ts';
import '../styles/referrals.css';

export function PartnersScreen() {
  const partners = usePartners();
  const user = useCurrentUser();
  const coordinator = user?.role === 'coordinator';
  return (
    <Screen title="Partners" className="partners-screen">
      <p className="lede">Organisations you refer or signpost people to, and who to ask for there.</p>
      {coordinator && (
        <p>
          <Link to="/settings/partners/new" className="button-secondary button-link">
            Add a partner
          </Link>
        </p>
      )}
      {partners === undefined ? (
        <Loading />
      ) : partners.length === 0 ? (
        <EmptyState>
          <p>No partners yet.</p>
          <p>
            {coordinator
              ? 'Add the health visiting teams, GP practices and services you refer people to.'
              : 'Your coordinator adds the organisations you refer people to.'}
          </p>
        </EmptyState>
      ) : (
        <ul className="referral-list">
          {partners.map((partner) => {
            const tel = telLink(partner.phone);
            return (
              <li key={partner.id} className="referral-item">
                <h2 className="record-title">{partner.name}</h2>
                <span className="record-meta">
                  {capitalise(partner.type ?? 'other')}
                  {partner.locality && `, ${partner.locality}`}
                </span>
                {partner.phone && (tel ? <a href={tel}>Call {partner.phone}</a> : <span>{partner.phone}</span>)}
                {partner.email && <a href={`mailto:${partner.email}`}>{partner.email}</a>}
                {partner.contacts && <span className="partner-contacts">{partner.contacts}</span>}
                {partner.notes && <span>{partner.notes}</span>}
                {coordinator && (
                  <Link to={`/settings/partners/${encodeURIComponent(partner.id)}/edit`} className="text-link">
                    Edit<span className="visually-hidden"> {partner.name}</span>
                  </Link>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Screen>
  );
}
