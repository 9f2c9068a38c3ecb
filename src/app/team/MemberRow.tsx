// One member of the team: their role and whether they can sign in, with changing the role and disabling (or
// re-enabling) the account. Disabling says first what it does to their devices.
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { describeProblem, type Problem } from '../http/messages.ts';
import { normalisePhone } from '../../domain/phone.ts';
import { InputField, RadioGroup } from '../components/form/index.ts';
import { ProblemBox } from '../components/ProblemBox.tsx';
import { changeMember, ROLE_CHOICES, type MemberPatch, type Role, type TeamMember } from './api.ts';
import { displayPhone } from './CallButtons.tsx';

/** What the server takes (api/fields.ts): a UK number, or nothing. */
function isUkPhone(typed: string): boolean {
  return /^\+44\d{10}$/.test(normalisePhone(typed) ?? '');
}

const roleName = (role: Role) => ROLE_CHOICES.find((choice) => choice.value === role)?.label ?? role;

type Open = 'none' | 'role' | 'disable' | 'phone';

interface Props {
  member: TeamMember;
  isMe: boolean;
  onChanged: (message: string) => void;
}

/** A panel's problem, its save button ("Saving…" while busy) and Cancel. */
function PanelActions(props: { problem: Problem | null; busy: boolean; submit: string; onCancel: () => void }) {
  return (
    <>
      <ProblemBox problem={props.problem} />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={props.busy}>
          {props.busy ? 'Saving…' : props.submit}
        </button>
        <button type="button" className="button-secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}

export function MemberRow({ member, isMe, onChanged }: Props) {
  const [open, setOpen] = useState<Open>('none');
  const [role, setRole] = useState<Role>(member.role);
  const [phone, setPhone] = useState(member.workPhone ? displayPhone(member.workPhone) : '');
  const [phoneError, setPhoneError] = useState<string | undefined>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const panel = useRef<HTMLElement>(null);
  const name = member.name;

  useEffect(() => {
    if (open !== 'none') panel.current?.focus();
  }, [open]);

  async function change(patch: MemberPatch, message: string) {
    setProblem(null);
    setBusy(true);
    try {
      await changeMember(member.id, patch);
      setOpen('none');
      onChanged(message);
    } catch (error) {
      setProblem(describeProblem(error));
    } finally {
      setBusy(false);
    }
  }

  function toggle(next: Open) {
    setProblem(null);
    setRole(member.role);
    setPhone(member.workPhone ? displayPhone(member.workPhone) : '');
    setPhoneError(undefined);
    setOpen((current) => (current === next ? 'none' : next));
  }

  return (
    <li className={member.disabled ? 'team-item team-item-disabled' : 'team-item'}>
      <div className="team-item-head">
        <div className="team-item-who">
          <span className="record-title">
            {name}
            {isMe && ' (you)'}
            {member.disabled && <span className="record-tag">Disabled</span>}
          </span>
          <span className="record-meta">{roleName(member.role)}</span>
          <span className="record-meta">{member.email}</span>
          <span className="record-meta">
            {member.workPhone ? `Work phone ${displayPhone(member.workPhone)}` : 'No work phone'}
          </span>
          {member.role !== 'coordinator' && member.peerResearcher && (
            <span className="record-meta">Peer researcher: can design questionnaires</span>
          )}
        </div>
        <div className="team-item-actions">
          <Link className="button-secondary" to={`/settings/team/${member.id}/volunteering`}>
            Training &amp; hours<span className="visually-hidden"> for {name}</span>
          </Link>
          <button
            type="button"
            className="button-secondary"
            aria-expanded={open === 'role'}
            onClick={() => toggle('role')}
          >
            Change role<span className="visually-hidden"> for {name}</span>
          </button>
          <button
            type="button"
            className="button-secondary"
            aria-expanded={open === 'phone'}
            onClick={() => toggle('phone')}
          >
            Work phone<span className="visually-hidden"> for {name}</span>
          </button>
          {member.role !== 'coordinator' && (
            <button
              type="button"
              className="button-secondary"
              disabled={busy}
              aria-pressed={member.peerResearcher}
              onClick={() =>
                void change(
                  { peerResearcher: !member.peerResearcher },
                  member.peerResearcher
                    ? `${name} can no longer design questionnaires.`
                    : `${name} can now design questionnaires.`,
                )
              }
            >
              Peer researcher<span className="visually-hidden"> ({name})</span>
            </button>
          )}
          {!isMe &&
            (member.disabled ? (
              <button
                type="button"
                className="button-secondary"
                disabled={busy}
                onClick={() => void change({ disabled: false }, `${name} can sign in again.`)}
              >
                Let {name} sign in again
              </button>
            ) : (
              <button
                type="button"
                className="button-secondary"
                aria-expanded={open === 'disable'}
                onClick={() => toggle('disable')}
              >
                Disable account<span className="visually-hidden"> for {name}</span>
              </button>
            ))}
        </div>
      </div>
      {open === 'none' && <ProblemBox problem={problem} />}
      {open === 'role' && (
        <form
          className="team-role-form"
          aria-label={`Role for ${name}`}
          ref={(element) => {
            panel.current = element;
          }}
          tabIndex={-1}
          onSubmit={(event) => {
            event.preventDefault();
            if (role === member.role) setOpen('none');
            else void change({ role }, `${name} is now: ${roleName(role)}.`);
          }}
        >
          <RadioGroup
            id={`role-${member.id}`}
            legend={`What does ${name} do?`}
            options={ROLE_CHOICES}
            value={role}
            onChange={setRole}
          />
          <PanelActions problem={problem} busy={busy} submit="Save the role" onCancel={() => setOpen('none')} />
        </form>
      )}
      {open === 'phone' && (
        <form
          className="team-role-form"
          aria-label={`Work phone for ${name}`}
          noValidate
          ref={(element) => {
            panel.current = element;
          }}
          tabIndex={-1}
          onSubmit={(event) => {
            event.preventDefault();
            const typed = phone.trim();
            if (typed && !isUkPhone(typed)) {
              setPhoneError('Enter a UK phone number, such as 07700 900123, or leave it empty');
              return;
            }
            setPhoneError(undefined);
            void change(
              { workPhone: typed || null },
              typed ? `${name}’s work phone is saved.` : `${name}’s work phone is removed.`,
            );
          }}
        >
          <InputField
            id={`phone-${member.id}`}
            label={`${name}’s work phone (optional)`}
            hint="Colleagues see it on their “Call” buttons. Never shown to parents or on the feedback kiosk."
            type="tel"
            inputMode="tel"
            autoComplete="off"
            value={phone}
            error={phoneError}
            onChange={setPhone}
          />
          <PanelActions problem={problem} busy={busy} submit="Save the work phone" onCancel={() => setOpen('none')} />
        </form>
      )}
      {open === 'disable' && (
        <section
          className="team-confirm"
          aria-labelledby={`disable-${member.id}`}
          ref={(element) => {
            panel.current = element;
          }}
          tabIndex={-1}
        >
          <h3 id={`disable-${member.id}`}>Disable {name}’s account?</h3>
          <p>
            {name} will be signed out of Coorie on every device at once, and each of those devices will remove Coorie’s
            data from itself the next time it connects. Anything not yet synced on them will be lost.
          </p>
          <p>
            You can let {name} sign in again later; they will start again with nothing of Coorie’s on their devices.
          </p>
          <ProblemBox problem={problem} />
          <div className="form-actions">
            <button
              type="button"
              className="button-danger"
              disabled={busy}
              onClick={() =>
                void change({ disabled: true }, `${name}’s account is disabled and their devices are signed out.`)
              }
            >
              {busy ? 'Disabling…' : 'Disable the account'}
            </button>
            <button type="button" className="button-secondary" onClick={() => setOpen('none')}>
              Cancel
            </button>
          </div>
        </section>
      )}
    </li>
  );
}
