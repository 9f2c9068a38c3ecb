// Settings → Promotion: a coordinator chooses what the public timetable shows, previews it as a stranger would
// see it, and copies the link or a ready-made post, or opens the A4 poster. Online only: it all lives on the
// server (README, "Promotion and the public timetable").
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { KIND_LABELS, publicWhen, readyMadePost } from '../../domain/promotion.ts';
import { CoordinatorScreen, NotReady, useServerData } from '../privacy/serverData.tsx';
import {
  copyText,
  loadPublicity,
  loadPublicTimetable,
  timetableUrl,
  type PublicitySettings,
  type PublicTimetable,
} from './api.ts';
import { PublicityForm } from './PublicityForm.tsx';
import '../styles/promotion.css';

export function PromotionScreen() {
  const answer = useServerData(loadPublicity);
  const [message, setMessage] = useState('');
  // What the server kept at the last save (a new address, trimmed words): the form and the panel start again
  // from it, without waiting for the settings to load again.
  const [saved, setSaved] = useState<{ settings: PublicitySettings; round: number } | null>(null);
  const settings = saved?.settings ?? (answer.state === 'ready' ? answer.data : undefined);
  const key = `${settings?.slug ?? ''}-${saved?.round ?? 0}`;
  return (
    <CoordinatorScreen title="Promotion">
      <p>
        <Link className="text-link" to="/settings">
          Back to Settings
        </Link>
      </p>
      <p>
        A public timetable of your groups, a poster with a QR code and a ready-made post, for Facebook, health visitors,
        GP surgeries and other baby groups. Nothing about anyone who comes is ever on them.
      </p>
      <div role="status">{message && <p className="notice notice-ok">{message}</p>}</div>
      {settings ? (
        <>
          {settings.enabled ? (
            <SharePanel key={`share-${key}`} settings={settings} />
          ) : (
            <p className="notice notice-warning">
              The public timetable is switched off: its address shows nothing until you switch it on below.
            </p>
          )}
          <PublicityForm
            key={`form-${key}`}
            settings={settings}
            onSaved={(next, said) => {
              setMessage(said);
              setSaved((current) => ({ settings: next, round: (current?.round ?? 0) + 1 }));
            }}
          />
        </>
      ) : (
        <NotReady answer={answer} needs="Promotion" />
      )}
    </CoordinatorScreen>
  );
}

function SharePanel({ settings }: { settings: PublicitySettings }) {
  const url = timetableUrl(settings.slug);
  const load = useCallback(() => loadPublicTimetable(settings.slug), [settings.slug]);
  const timetable = useServerData(load);
  const [copied, setCopied] = useState('');
  const post =
    timetable.state === 'ready'
      ? readyMadePost({
          organisation: timetable.data.organisation,
          sessions: timetable.data.sessions,
          url,
          babiesWelcome: timetable.data.babiesWelcome,
          contact: timetable.data.contact,
        })
      : '';

  async function copy(text: string, what: string) {
    setCopied(
      (await copyText(text))
        ? `${what} copied.`
        : `This browser would not copy the ${what.toLowerCase()}: select it and copy it by hand.`,
    );
  }

  return (
    <section aria-labelledby="promotion-share" className="promotion-share">
      <h2 id="promotion-share">Share the timetable</h2>
      <p>
        Address: <span className="promotion-url">{url}</span>
      </p>
      <div className="form-actions">
        <button type="button" className="button-secondary" onClick={() => void copy(url, 'Link')}>
          Copy the link
        </button>
        <a className="button-secondary" href={`/t/${encodeURIComponent(settings.slug)}`} target="_blank" rel="noopener">
          Open the timetable
        </a>
        <a
          className="button-secondary"
          href={`/t/${encodeURIComponent(settings.slug)}/poster`}
          target="_blank"
          rel="noopener"
        >
          Open the poster to print
        </a>
      </div>
      <div role="status">{copied && <p className="notice notice-ok">{copied}</p>}</div>
      {timetable.state === 'ready' ? (
        <>
          <Preview timetable={timetable.data} />
          <h3>Ready-made post</h3>
          <p>For Facebook, or an email to health visitors. Copy it, then change anything you like.</p>
          <label htmlFor="promotion-post" className="visually-hidden">
            Ready-made post
          </label>
          <textarea id="promotion-post" className="promotion-post" readOnly rows={10} value={post} />
          <div className="form-actions">
            <button type="button" className="button-secondary" onClick={() => void copy(post, 'Post')}>
              Copy the post
            </button>
          </div>
        </>
      ) : (
        <NotReady answer={timetable} needs="The preview" />
      )}
    </section>
  );
}

/** The sessions as the public page lists them, from the same answer a stranger gets. */
function Preview({ timetable }: { timetable: PublicTimetable }) {
  return (
    <>
      <h3>What the public sees</h3>
      {timetable.sessions.length === 0 ? (
        <p>No sessions to show in the next {timetable.weeksAhead} weeks.</p>
      ) : (
        <ul className="promotion-preview">
          {timetable.sessions.map((session) => (
            <li key={`${session.startsAt}-${session.title}`}>
              <strong>{session.title}</strong>
              {session.cancelled && ' (cancelled)'}
              <br />
              {publicWhen(session.startsAt)} · {KIND_LABELS[session.kind]}
              {session.venue && (
                <>
                  <br />
                  {[session.venue.name, session.venue.locality].filter(Boolean).join(', ')}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
