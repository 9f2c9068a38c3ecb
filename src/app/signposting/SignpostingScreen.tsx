// Signposting: national lines and local services, searchable, each one tap from a call, with the date its
// details were last checked shown beside it (numbers change; nobody should rely on a stale one unawares).
import { Link, useSearchParams } from 'react-router';
import { serviceContact } from '../../domain/serviceContact.ts';
import { Loading, Screen } from '../components/Screen.tsx';
import '../styles/controls.css';
import '../styles/signposting.css';
import { checkedDate, searchDirectory, useDirectory, type ServiceEntry } from './directory.ts';

export function SignpostingScreen() {
  const directory = useDirectory();
  // The search lives in the address, so that coming back finds it as it was.
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const shown = directory && searchDirectory(directory, query);

  return (
    <Screen title="Signposting" className="signposting-screen">
      <p className="lede">Services to suggest to a parent, and who to call when you are worried.</p>
      <div className="field directory-search">
        <label htmlFor="directory-search">Search services</label>
        <p className="field-hint" id="directory-search-hint">
          By name, what they offer or place, like “breathing”, “child protection” or “Moray”.
        </p>
        <input
          id="directory-search"
          type="search"
          value={query}
          autoComplete="off"
          aria-describedby="directory-search-hint"
          onChange={(event) => setParams(event.target.value ? { q: event.target.value } : {}, { replace: true })}
        />
      </div>
      <p>
        <Link to="/signposting/new" className="button-secondary button-link">
          Add a local service
        </Link>
      </p>
      {shown === undefined ? (
        <Loading />
      ) : (
        <>
          <p role="status" className="directory-count">
            {shown.length === 1 ? '1 service' : `${shown.length} services`}
          </p>
          {shown.length === 0 ? (
            <div className="empty-state">
              <p>No services match “{query}”.</p>
              <p>Try another word, or add the service if your organisation uses it.</p>
            </div>
          ) : (
            <ul className="directory" aria-label="Services">
              {shown.map((entry) => (
                <ServiceCard key={entry.record.id} entry={entry} />
              ))}
            </ul>
          )}
        </>
      )}
    </Screen>
  );
}

function webLabel(web: string): string {
  try {
    return new URL(web).host.replace(/^www\./, '');
  } catch {
    return web;
  }
}

function ServiceCard({ entry: { record, origin } }: { entry: ServiceEntry }) {
  const contact = serviceContact(record);
  const headingId = `service-${record.id}`;
  return (
    <li className="service">
      <h2 id={headingId}>{record.name}</h2>
      {record.needsChecking && (
        <p className="service-unverified">
          <strong>Number not yet verified.</strong> Check it with your coordinator before relying on it.
        </p>
      )}
      {record.offers && <p>{record.offers}</p>}
      <dl className="service-facts">
        {record.hours && (
          <div>
            <dt>Hours</dt>
            <dd>{record.hours}</dd>
          </div>
        )}
        {record.locality && (
          <div>
            <dt>Area</dt>
            <dd>{record.locality}</dd>
          </div>
        )}
      </dl>
      <div className="service-actions">
        {contact && (
          <a href={contact.href} className="button-primary button-link">
            {contact.label}
            <span className="visually-hidden"> ({record.name})</span>
          </a>
        )}
        {record.web && (
          <a href={record.web} target="_blank" rel="noreferrer" className="button-secondary button-link">
            Website: {webLabel(record.web)}
          </a>
        )}
        <Link to={`/signposting/${record.id}/edit`} className="service-edit">
          Edit<span className="visually-hidden"> {record.name}</span>
        </Link>
      </div>
      <p className="service-checked">
        {record.checkedOn
          ? `Check before use — last checked ${checkedDate(record.checkedOn)}`
          : 'Check before use — never checked'}
        {origin === 'own' && ' · added by your organisation'}
        {origin === 'edited' && ' · updated by your organisation'}
      </p>
    </li>
  );
}
