// The signposting directory that ships with Coorie: national lines for Scotland and Moray's local contacts.
import type { Service } from '../service.ts';

export type StarterService = Required<
  Pick<
    Service,
    'id' | 'name' | 'offers' | 'phone' | 'web' | 'hours' | 'locality' | 'checkedOn' | 'needsChecking' | 'builtIn'
  >
>;

/** When the numbers below were last compared with their sources; the app shows it as "check before use". */
export const SERVICES_CHECKED_ON = '2026-11-23';

type Entry = Omit<StarterService, 'id' | 'checkedOn' | 'builtIn' | 'web' | 'hours' | 'needsChecking'> &
  Partial<Pick<StarterService, 'web' | 'hours' | 'needsChecking'>>;

const entry = (slug: string, values: Entry): StarterService => ({
  id: `starter-${slug}`,
  web: '',
  hours: '',
  needsChecking: false,
  ...values,
  checkedOn: SERVICES_CHECKED_ON,
  builtIn: true,
});

export const STARTER_SERVICES: readonly StarterService[] = [
  entry('emergency-999', {
    name: 'Emergency services (999)',
    offers:
      'Police, ambulance and fire. Call when there is an immediate risk to life: someone has seriously hurt themselves or is about to, a baby is very unwell, or a button battery may have been swallowed.',
    phone: '999',
    hours: '24 hours',
    locality: 'UK',
  }),
  entry('nhs-24', {
    name: 'NHS 24 mental health hub (111)',
    offers: 'Urgent help with mental health, and other urgent health advice when the GP is closed. Free to call.',
    phone: '111',
    web: 'https://www.nhs24.scot',
    hours: '24 hours',
    locality: 'Scotland',
  }),
  entry('breathing-space', {
    name: 'Breathing Space',
    offers: 'A free, confidential phone line for anyone in Scotland feeling low, anxious or stressed.',
    phone: '0800 83 85 87',
    web: 'https://breathingspace.scot',
    hours: 'Monday to Thursday 6pm to 2am; Friday 6pm to Monday 6am',
    locality: 'Scotland',
  }),
  entry('samaritans', {
    name: 'Samaritans',
    offers: 'Someone to talk to about anything that is troubling you. Free to call.',
    phone: '116 123',
    web: 'https://www.samaritans.org',
    hours: '24 hours',
    locality: 'UK',
  }),
  entry('parentline-scotland', {
    name: 'Parentline Scotland',
    offers:
      'A free helpline from Children 1st for anyone caring for a child in Scotland, about anything to do with family life.',
    phone: '08000 28 22 33',
    web: 'https://www.children1st.org.uk',
    locality: 'Scotland',
  }),
  entry('pandas', {
    name: 'PANDAS Foundation text support',
    offers:
      'Text PANDAS to 85258 for free text support with perinatal mental health, for parents and those around them.',
    phone: '85258',
    web: 'https://pandasfoundation.org.uk',
    locality: 'UK',
  }),
  entry('bookbug', {
    name: 'Bookbug (Scottish Book Trust)',
    offers:
      'Free song and rhyme sessions in local libraries, and free bags of books for babies and young children, from birth.',
    phone: '',
    web: 'https://www.scottishbooktrust.com',
    locality: 'Scotland',
  }),
  entry('moray-adult-protection', {
    name: 'Moray Community Care Access Team (adult protection)',
    offers: 'Tell Moray Council about a concern that an adult is at risk of harm.',
    phone: '01343 563999',
    locality: 'Moray',
  }),
  entry('moray-child-protection', {
    name: 'Moray Children and Family Access Team (child protection)',
    offers:
      'Tell Moray Council about a concern that a child may be at risk of harm. This number comes from a 2020 source: check it with your coordinator before relying on it.',
    phone: '01343 554370',
    hours: 'Office hours',
    locality: 'Moray',
    needsChecking: true,
  }),
  entry('out-of-hours-social-work', {
    name: 'Out-of-hours social work service',
    offers:
      'Social work for a child or adult at risk when council offices are closed. This number comes from a 2020 source: check it with your coordinator before relying on it.',
    phone: '03457 565656',
    hours: 'Evenings, nights, weekends and public holidays',
    locality: 'Moray',
    needsChecking: true,
  }),
  entry('police-101', {
    name: 'Police Scotland (101)',
    offers: 'The non-emergency police number: for a concern or a crime that is not happening right now.',
    phone: '101',
    web: 'https://www.scotland.police.uk',
    hours: '24 hours',
    locality: 'Scotland',
  }),
];
