// The wellbeing note form. Choosing "urgent" opens the escalation screen at once; the note waits as a draft.
import { useState, type ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import type { Attendee } from '../../domain/attendee.ts';
import { CONCERN_LEVELS, FOCUS_AREAS, NOTE_CONTEXTS } from '../../domain/note.ts';
import { opensEscalation } from '../../domain/escalation.ts';
import { saveDraft } from '../../db/drafts.ts';
import { useDb } from '../../db/hooks.ts';
import { newId, saveRecord } from '../../db/records.ts';
import { useCurrentUser } from '../layout/useCurrentUser.ts';
import { Loading } from '../components/Screen.tsx';
import {
  CheckboxGroup,
  DraftNotice,
  FormActions,
  InputField,
  optionsOf,
  RadioGroup,
  TextAreaField,
  useForm,
} from '../components/form/index.ts';
import { draftToNote, emptyNote, NOTE_FIELD_ORDER, validateNote, type NoteDraft, type NoteLinks } from './noteForm.ts';
import { Ons4Fields } from './Ons4Fields.tsx';
import '../styles/people.css';
import '../styles/notes.css';

const VISIBILITY_OPTIONS = [
  { value: 'private', label: 'Only me and coordinators' },
  { value: 'team', label: 'The whole team' },
] as const;

/** Where "urgent" takes people, with the way back to the note they were writing. */
function escalationPath(back: string): string {
  return `/notes/escalation?back=${encodeURIComponent(back)}`;
}

interface NoteFormProps {
  person: Attendee;
  draftKey: string;
  links: NoteLinks;
  context: NoteDraft['context'];
  submitLabel: string;
  onSaved: () => void;
  /** More buttons beside the save button, such as "Skip" in a round of notes. */
  actions?: ReactNode;
}

export function NoteForm({ person, draftKey, links, context, submitLabel, onSaved, actions }: NoteFormProps) {
  const db = useDb();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const location = useLocation();
  const [failure, setFailure] = useState('');
  const form = useForm({
    draftKey,
    initial: emptyNote(context),
    validate: validateNote,
    order: () => NOTE_FIELD_ORDER,
    onValid: save,
  });
  const { values: draft, set, shown } = form;

  if (!form.loaded) return <Loading />;
  const here = `${location.pathname}${location.search}`;
  const name = person.displayName ?? 'them';

  async function chooseConcern(concern: NoteDraft['concern']) {
    const next = { ...draft, concern };
    set('concern', concern);
    if (opensEscalation(next)) {
      // Written straight away rather than after the usual pause, so the note is there when they come back.
      await saveDraft(db, draftKey, next);
      void navigate(escalationPath(here));
    }
  }

  async function save() {
    try {
      await saveRecord(db, 'note', newId(), draftToNote(draft, links), { userId: user?.id });
      await form.discard();
      form.reset();
      onSaved();
    } catch {
      setFailure('The note could not be saved on this device. Try again; what you wrote is still here.');
    }
  }

  return (
    <form className="note-form" noValidate onSubmit={(event) => void form.onSubmit(event)}>
      <DraftNotice restored={form.restored} onStartAgain={form.reset}>
        Your unsaved note is back.
      </DraftNotice>
      <RadioGroup
        look="chips"
        id="note-context"
        legend="Where you saw them"
        options={optionsOf(NOTE_CONTEXTS)}
        value={draft.context}
        onChange={(value) => set('context', value)}
      />
      <CheckboxGroup
        look="chips"
        id="note-focus"
        legend="What you talked about"
        hint="Tap any that fit."
        options={optionsOf(FOCUS_AREAS)}
        values={draft.focusAreas}
        onChange={(values) => set('focusAreas', values)}
      />
      <TextAreaField
        {...form.field('positives')}
        rows={3}
        label="Positives seen between parent and baby"
        hint="Something to tell them next time: a smile they shared, how they soothed the baby."
      />
      <TextAreaField
        {...form.field('body')}
        rows={6}
        label="Note"
        hint={`How ${name} is doing, in their words where you can. Facts, not opinions.`}
      />
      <RadioGroup
        look="chips"
        id="note-concern"
        className="concern-chips"
        legend="Concern level"
        hint="Urgent opens what to do now, straight away."
        options={optionsOf(CONCERN_LEVELS)}
        value={draft.concern}
        onChange={(value) => void chooseConcern(value)}
      />
      {draft.concern === 'urgent' && (
        <p className="notice notice-urgent">
          Marked urgent. <Link to={escalationPath(here)}>See what to do now</Link>
        </p>
      )}
      <div className="field-pair">
        <InputField
          {...form.field('followUp')}
          label="Follow-up (optional)"
          hint="Something to do next, like “Send the Bookbug times”."
        />
        <InputField {...form.field('followUpDue')} label="Follow up by" type="date" />
      </div>
      <RadioGroup
        look="chips"
        id="note-visibility"
        legend="Who can read this note"
        options={VISIBILITY_OPTIONS}
        value={draft.visibility}
        onChange={(value) => set('visibility', value)}
      />
      <div data-field="ons4">
        <Ons4Fields idPrefix="note" value={draft.ons4} error={shown('ons4')} onChange={(value) => set('ons4', value)} />
      </div>
      <FormActions problem={failure} busy={form.busy} submit={submitLabel}>
        {actions}
      </FormActions>
    </form>
  );
}
