// What the organisation makes public: the switch, which sessions, the wording, and the routes it promotes
// itself through. Says what to fix beside each field, and puts focus on the first.
import { useId, useState, type FormEvent } from 'react';
import { PUBLIC_SESSION_KINDS, PROMOTION_ROUTES, ROUTE_LABELS, KIND_LABELS } from '../../domain/promotion.ts';
import { MAX_PUBLIC_WEEKS, MIN_PUBLIC_WEEKS } from '../../api/limits.ts';
import { CheckboxField, CheckboxGroup, InputField, TextAreaField } from '../components/form/index.ts';
import { describeProblem, type Problem } from '../http/messages.ts';
import { savePublicity, type PublicitySettings } from './api.ts';
import { checkDraft, toBody, toDraft, type DraftErrors, type PublicityDraft } from './form.ts';

const ORDER: (keyof PublicityDraft)[] = [
  'enabled',
  'kinds',
  'weeksAhead',
  'intro',
  'whatToExpect',
  'childcare',
  'transport',
  'contact',
];

const KIND_OPTIONS = PUBLIC_SESSION_KINDS.map((value) => ({ value, label: `${KIND_LABELS[value]}s` }));
const ROUTE_OPTIONS = PROMOTION_ROUTES.map((value) => ({ value, label: ROUTE_LABELS[value] }));

export function PublicityForm({
  settings,
  onSaved,
}: {
  settings: PublicitySettings;
  onSaved: (saved: PublicitySettings, message: string) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState<PublicityDraft>(() => toDraft(settings));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof PublicityDraft>(key: K, value: PublicityDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  const field = (key: keyof PublicityDraft) => `${id}-${key}`;

  async function save(newLink: boolean) {
    setProblem(null);
    const found = checkDraft(draft);
    setErrors(found);
    const first = ORDER.find((key) => found[key]);
    if (first) {
      const target = document.getElementById(field(first)) ?? document.querySelector(`[name="${field(first)}"]`);
      (target as HTMLElement | null)?.focus();
      return;
    }
    setBusy(true);
    try {
      const saved = await savePublicity(toBody(draft, newLink));
      onSaved(
        saved,
        newLink
          ? 'Saved with a new address: the old link and posters printed with it no longer work.'
          : saved.enabled
            ? 'Saved: the public timetable shows these settings within a minute.'
            : 'Saved: the public timetable is switched off.',
      );
    } catch (caught) {
      setProblem(describeProblem(caught));
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void save(false);
  }

  return (
    <form className="promotion-form" onSubmit={onSubmit} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>What is public</h2>
      <CheckboxField
        id={field('enabled')}
        label="Show our timetable to the public"
        hint="Anyone with the link or the poster can see it, with no sign-in. It never shows who comes."
        checked={draft.enabled}
        onChange={(value) => set('enabled', value)}
      />
      <CheckboxGroup
        id={field('kinds')}
        legend="Sessions to show"
        hint="One-to-one sessions are never shown."
        options={KIND_OPTIONS}
        values={draft.kinds}
        error={errors.kinds}
        onChange={(values) => set('kinds', values)}
      />
      <InputField
        id={field('weeksAhead')}
        label="How many weeks ahead to show"
        hint={`From ${MIN_PUBLIC_WEEKS} to ${MAX_PUBLIC_WEEKS}.`}
        type="number"
        inputMode="numeric"
        min={String(MIN_PUBLIC_WEEKS)}
        max={String(MAX_PUBLIC_WEEKS)}
        value={draft.weeksAhead}
        error={errors.weeksAhead}
        onChange={(value) => set('weeksAhead', value)}
      />
      <CheckboxField
        id={field('showVenues')}
        label="Show venue names and addresses"
        hint="When off, only the town or village shows."
        checked={draft.showVenues}
        onChange={(value) => set('showVenues', value)}
      />
      <CheckboxField
        id={field('babiesWelcome')}
        label="Say that babies are welcome"
        checked={draft.babiesWelcome}
        onChange={(value) => set('babiesWelcome', value)}
      />
      <h2>Wording</h2>
      <TextAreaField
        id={field('intro')}
        label="Introduction"
        hint="A sentence or two at the top of the page and the poster."
        value={draft.intro}
        error={errors.intro}
        onChange={(value) => set('intro', value)}
      />
      <TextAreaField
        id={field('whatToExpect')}
        label="What to expect"
        hint="What happens at a session, for someone coming for the first time."
        value={draft.whatToExpect}
        error={errors.whatToExpect}
        onChange={(value) => set('whatToExpect', value)}
      />
      <InputField
        id={field('childcare')}
        label="Childcare help offered"
        hint="In general words, for every session: never a person’s name."
        value={draft.childcare}
        error={errors.childcare}
        onChange={(value) => set('childcare', value)}
      />
      <InputField
        id={field('transport')}
        label="Transport help offered"
        value={draft.transport}
        error={errors.transport}
        onChange={(value) => set('transport', value)}
      />
      <InputField
        id={field('contact')}
        label="How to get in touch"
        hint="The organisation’s own number or email, never a volunteer’s personal one."
        value={draft.contact}
        error={errors.contact}
        onChange={(value) => set('contact', value)}
      />
      <CheckboxGroup
        id={field('routes')}
        legend="Where we promote the groups"
        hint="The report of how parents heard about the group is set against these."
        options={ROUTE_OPTIONS}
        values={draft.routes}
        onChange={(values) => set('routes', values)}
      />
      <div role="alert">{problem && <p className="notice notice-problem">{problem.message}</p>}</div>
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save what is public'}
        </button>
        <button type="button" className="button-secondary" disabled={busy} onClick={() => void save(true)}>
          Save with a new address
        </button>
      </div>
    </form>
  );
}
