// Urgent concern: what to do now, in order, with the numbers to call one tap away. Opens the moment a note is
// marked urgent; the note waits as a draft and "Back to the note" returns to it.
import { useSearchParams, Link } from 'react-router';
import { SERVICES_CHECKED_ON } from '../../domain/library/services.ts';
import { ESCALATION_STEPS, NEVER_PROMISE_CONFIDENTIALITY, SHARING_TO_PROTECT } from '../../domain/escalation.ts';
import type { Service } from '../../domain/service.ts';
import { useRecords } from '../../db/hooks.ts';
import { useCurrentUser } from '../layout/useCurrentUser.ts';
import { Screen } from '../components/Screen.tsx';
import { CallButtons } from '../team/CallButtons.tsx';
import { coordinatorsFor, useContacts } from '../team/contacts.ts';
import { formatDay } from '../format.ts';
import { directory, serviceLink } from './serviceLinks.ts';
import '../styles/people.css';
import '../styles/notes.css';

/** The step whose "Call <name>" buttons are the organisation's coordinators. */
const COORDINATOR_STEP = 'Phone your coordinator now';

/** Only a path inside the app, never another site, may be the way back. */
function safeBack(back: string | null): string | undefined {
  return back && back.startsWith('/') && !back.startsWith('//') ? back : undefined;
}

function ServiceCall({ service }: { service: Service }) {
  const link = serviceLink(service);
  return (
    <li className="service-call">
      <p className="service-name">{service.name}</p>
      {service.hours && <p className="record-meta">{service.hours}</p>}
      {link ? (
        <a className="button-link button-call" href={link.href}>
          {link.action}
          <span className="visually-hidden">: {service.name}</span>
        </a>
      ) : (
        <p>No number recorded.</p>
      )}
      {service.needsChecking && (
        <p className="check-number">Check this number with your coordinator before relying on it.</p>
      )}
    </li>
  );
}

export function EscalationScreen() {
  const [params] = useSearchParams();
  const back = safeBack(params.get('back'));
  // Come from a note about someone: a referral for them is a tap away (their note is kept as a draft).
  const personId = back && /^\/people\/([^/?#]+)\//.exec(back)?.[1];
  const rows = useRecords('service');
  const services = directory(rows);
  const local = (rows ?? []).filter((row) => !row.builtIn && row.phone?.trim());
  const coordinators = coordinatorsFor(useContacts(), useCurrentUser()?.id);

  return (
    <Screen title="Urgent concern: what to do now" className="people-notes escalation">
      <p className="never-promise" role="note">
        <strong>{NEVER_PROMISE_CONFIDENTIALITY}</strong>
      </p>
      {back && (
        <p>
          The note you were writing is kept.{' '}
          <Link className="button-link button-secondary" to={back}>
            Back to the note
          </Link>
        </p>
      )}
      <ol className="escalation-steps">
        {ESCALATION_STEPS.map((step) => (
          <li key={step.title}>
            <h2>{step.title}</h2>
            <p>{step.detail}</p>
            {step.title === COORDINATOR_STEP && <CallButtons people={coordinators} label="Your coordinators" />}
            {step.serviceIds.length > 0 && (
              <ul className="service-calls">
                {step.serviceIds
                  .map((id) => services.get(id))
                  .filter((service): service is Service => !!service)
                  .map((service) => (
                    <ServiceCall key={service.id} service={service} />
                  ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {local.length > 0 && (
        <section aria-labelledby="escalation-local">
          <h2 id="escalation-local">Local services your organisation added</h2>
          <ul className="service-calls">
            {local.map((service) => (
              <ServiceCall key={service.id} service={service} />
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="escalation-sharing">
        <h2 id="escalation-sharing">Sharing information to protect someone</h2>
        <p>{SHARING_TO_PROTECT}</p>
      </section>
      <p className="record-meta">
        Built-in numbers last checked on {formatDay(SERVICES_CHECKED_ON, null)}: check before use.
      </p>
      {back && (
        <p>
          <Link className="button-link button-secondary" to={back}>
            Back to the note you were writing
          </Link>
          {personId && (
            <>
              {' '}
              <Link className="button-link button-secondary" to={`/people/${personId}/refer`}>
                Record a referral for them
              </Link>
            </>
          )}
        </p>
      )}
    </Screen>
  );
}
