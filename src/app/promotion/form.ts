// The Promotion form's rules in plain words, and the conversion between a draft and the settings sent.
import { MAX_PUBLIC_WEEKS, MAX_PUBLICITY_LINE, MAX_PUBLICITY_TEXT, MIN_PUBLIC_WEEKS } from '../../api/limits.ts';
import type { PublicityBody, PublicitySettings } from './api.ts';

export type PublicityDraft = Omit<PublicityBody, 'weeksAhead' | 'newLink'> & { weeksAhead: string };
export type DraftErrors = Partial<Record<keyof PublicityDraft, string>>;

export function toDraft(settings: PublicitySettings): PublicityDraft {
  const { slug: _slug, organisation: _organisation, ...rest } = settings;
  return { ...rest, weeksAhead: String(settings.weeksAhead) };
}

/** Line breaks typed into a long answer become spaces: the timetable shows each answer as one paragraph. */
const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ').trim();

export function checkDraft(draft: PublicityDraft): DraftErrors {
  const errors: DraftErrors = {};
  const weeks = Number(draft.weeksAhead.trim());
  if (!draft.weeksAhead.trim() || !Number.isInteger(weeks) || weeks < MIN_PUBLIC_WEEKS || weeks > MAX_PUBLIC_WEEKS) {
    errors.weeksAhead = `Enter a whole number of weeks from ${MIN_PUBLIC_WEEKS} to ${MAX_PUBLIC_WEEKS}.`;
  }
  if (draft.enabled && draft.kinds.length === 0) {
    errors.kinds = 'Choose at least one kind of session to show, or switch the public timetable off.';
  }
  const long = (key: 'intro' | 'whatToExpect', what: string) => {
    if (oneLine(draft[key]).length > MAX_PUBLICITY_TEXT) {
      errors[key] = `Shorten ${what} to ${MAX_PUBLICITY_TEXT} characters or fewer.`;
    }
  };
  const line = (key: 'contact' | 'childcare' | 'transport', what: string) => {
    if (oneLine(draft[key]).length > MAX_PUBLICITY_LINE) {
      errors[key] = `Shorten ${what} to ${MAX_PUBLICITY_LINE} characters or fewer.`;
    }
  };
  long('intro', 'the introduction');
  long('whatToExpect', 'what to expect');
  line('contact', 'the contact line');
  line('childcare', 'the childcare help');
  line('transport', 'the transport help');
  return errors;
}

export function toBody(draft: PublicityDraft, newLink = false): PublicityBody {
  return {
    ...draft,
    intro: oneLine(draft.intro),
    whatToExpect: oneLine(draft.whatToExpect),
    contact: oneLine(draft.contact),
    childcare: oneLine(draft.childcare),
    transport: oneLine(draft.transport),
    weeksAhead: Number(draft.weeksAhead.trim()),
    ...(newLink ? { newLink: true } : {}),
  };
}
