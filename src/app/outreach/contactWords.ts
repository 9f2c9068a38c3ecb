// A person's contact preferences in plain words, for the one screen that shows how to reach them.
import type { Attendee } from '../../domain/attendee.ts';
import { isDiscreet } from '../../domain/outreach.ts';
import { canReceiveTexts, normalisePhone } from '../../domain/phone.ts';

export function contactWords(attendee: Attendee): string[] {
  const contact = attendee.contact;
  if (!contact)
    return ['No contact preferences recorded: ask them before texting or calling', 'Don’t name the charity'];
  const words: string[] = [];
  const phone = normalisePhone(contact.phone);
  if (!phone) words.push('No phone number');
  if (contact.okToText)
    words.push(phone && !canReceiveTexts(contact.phone) ? 'OK to text, but this number can’t get texts' : 'OK to text');
  else words.push('Don’t text');
  words.push(contact.okToVoicemail ? 'OK to leave a voicemail' : 'No voicemail');
  words.push(isDiscreet(attendee) ? 'Don’t name the charity or what the group is for' : 'OK to name the charity');
  return words;
}
