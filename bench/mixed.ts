// A mixed data set for the sync benchmark (bench/syncBrowser.ts): every synced kind, in the proportions a
// charity network's data reaches over the years (about 5,000 people, 2,000 sessions and 20,000 check-ins to
// 6,000 notes and 1,500 visits, as bench/screens.ts has them), each record the size the app writes: people with
// babies, contact details and consent; sessions with a plan (outline, materials, facilitators, childcare, buses);
// notes of a few hundred words. Every record is valid for the server (the push answers no rejection).
import { ACTIVITY_KINDS } from '../src/domain/activity.ts';
import type { Change } from '../src/sync/protocol.ts';

/** Records of each kind per 1,000 (check-ins take what is left). */
const PER_THOUSAND = {
  venue: 0.5,
  activity: 0.5,
  service: 0.5,
  partner: 0.5,
  questionnaire: 0.2,
  training: 1,
  pvg: 1,
  supervision: 1,
  supervisionNote: 1,
  hours: 4,
  session: 58,
  attendee: 145,
  outreach: 40,
  note: 174,
  visit: 43,
  booking: 10,
  feedback: 8,
  referral: 4,
  response: 4,
} as const;

type MixedKind = keyof typeof PER_THOUSAND | 'checkIn';

/** How many records of each kind a set of `count` holds: at least one of each, check-ins the rest. */
export function mixedCounts(count: number): Record<MixedKind, number> {
  const counts = Object.fromEntries(
    Object.entries(PER_THOUSAND).map(([kind, share]) => [kind, Math.max(1, Math.round((count * share) / 1000))]),
  ) as Record<MixedKind, number>;
  const others = Object.values(counts).reduce((sum, value) => sum + value, 0);
  counts.checkIn = count - others;
  if (counts.checkIn < 1) throw new Error(`A mixed set needs more than ${others} records`);
  return counts;
}

const LOCALITIES = ['Elgin', 'Lossiemouth', 'Forres', 'Buckie', 'Keith', 'Speyside', 'Rothes', 'Fochabers'];
const FIRST = ['Ailsa', 'Morag', 'Kirsty', 'Shona', 'Fiona', 'Eilidh', 'Isla', 'Catriona', 'Rhona', 'Jess'];
const LAST = ['MacLeod', 'Grant', 'Innes', 'Stewart', 'Ross', 'Munro', 'Fraser', 'Cowie', 'Duncan', 'Reid'];
const HEARD = ['Health visitor', 'A friend', 'Facebook', 'Midwife', 'Library poster'];
const CAKES = ['A Victoria sponge', 'Lemon drizzle', 'A scone with jam', 'Carrot cake', 'Tiffin'];
const SENTENCES = [
  'She said the nights have been hard since the baby started teething, and she has been up three or four times.',
  'Her partner is back at work now, so the days feel long and she does not always get out of the house.',
  'We talked about the buggy walk on Thursdays, and she would like to try it if someone meets her at the gate.',
  'The health visitor came round last week and was pleased with the weight gain, which helped her confidence.',
  'She mentioned feeling tearful in the evenings and not knowing who to tell, so we talked about the GP.',
  'Her mum is coming up from Aberdeen for a fortnight, and she is looking forward to the help with the older one.',
  'She asked about the baby massage course and whether there is a crèche for her toddler while it runs.',
  'We agreed to ring next week to see how the first group went, and she has the number for the helpline.',
  'She laughed a lot today and said the group is the one place she does not feel judged for how things are.',
  'Money is tight since the maternity pay dropped, and she asked about the food bank and the baby bank.',
];

/** About `words` words of a volunteer's note, varied by `seed`. */
function noteBody(seed: number, words: number): string {
  const parts: string[] = [];
  let count = 0;
  for (let index = seed; count < words; index += 3) {
    const sentence = SENTENCES[index % SENTENCES.length] ?? '';
    parts.push(sentence);
    count += sentence.split(' ').length;
  }
  return parts.join(' ');
}

const day = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * `count` records of every kind as a device would have made them (new records, every field versioned), with ids
 * and references of their own; `node` names the device in the versions. The oldest record is about a year old.
 */
export function makeMixed(count: number, userId: string, node: string): Change[] {
  const counts = mixedCounts(count);
  const now = Date.now() - 60 * 60_000;
  const changes: Change[] = [];
  const add = (kind: string, id: string, values: Record<string, unknown>) => {
    const index = changes.length;
    const version = `${String(now - 1000 + Math.floor(index / 1000)).padStart(13, '0')}-${(index % 1000).toString(16).padStart(4, '0')}-${node}`;
    const versions = Object.fromEntries(Object.keys(values).map((field) => [field, version]));
    changes.push({ kind, id, values: { ...values, createdBy: userId }, versions: { ...versions, createdBy: version } });
  };
  const ids = (kind: MixedKind) => Array.from({ length: counts[kind] }, () => crypto.randomUUID());
  const pick = <T>(list: readonly T[], index: number): T => list[index % list.length] as T;
  const at = (index: number, of: number) => now - Math.floor(((of - index) * 365 * day) / Math.max(1, of));
  const createdAt = new Date(now - 400 * day).toISOString();

  const venues = ids('venue');
  venues.forEach((id, i) =>
    add('venue', id, { name: `${pick(LOCALITIES, i)} Community Hall ${i + 1}`, locality: pick(LOCALITIES, i) }),
  );
  const activities = ids('activity');
  activities.forEach((id, i) =>
    add('activity', id, { title: `Activity ${i + 1}: baby massage`, kind: pick(ACTIVITY_KINDS, i), createdAt }),
  );
  ids('service').forEach((id, i) => add('service', id, { name: `Helpline ${i + 1}`, createdAt }));
  const partners = ids('partner');
  partners.forEach((id, i) => add('partner', id, { name: `Moray Wellbeing Hub ${i + 1}`, type: 'wellbeing hub' }));
  const questionnaires = ids('questionnaire');
  questionnaires.forEach((id, i) =>
    add('questionnaire', id, {
      title: `What would help ${i + 1}`,
      versions: [
        {
          number: 1,
          createdAt,
          questions: [
            { id: 'q1', type: 'shortText', text: 'What would make the group easier to get to?' },
            { id: 'q2', type: 'shortText', text: 'Anything else you would like us to know?' },
          ],
        },
      ],
    }),
  );
  ids('training').forEach((id, i) =>
    add('training', id, { memberId: userId, name: 'Safeguarding', completedOn: isoDate(at(i, counts.training)) }),
  );
  ids('pvg').forEach((id) => add('pvg', id, { memberId: userId, status: 'member' }));
  const supervisions = ids('supervision');
  supervisions.forEach((id, i) =>
    add('supervision', id, { memberId: userId, supervisorId: userId, on: isoDate(at(i, counts.supervision)) }),
  );
  ids('supervisionNote').forEach((id, i) =>
    add('supervisionNote', id, {
      supervisionId: pick(supervisions, i),
      memberId: userId,
      supervisorId: userId,
      content: noteBody(i, 120),
    }),
  );
  ids('hours').forEach((id, i) =>
    add('hours', id, {
      memberId: userId,
      on: isoDate(at(i, counts.hours)),
      hours: 2.5,
      what: 'Drop-in and setting up',
    }),
  );

  const sessions = ids('session');
  sessions.forEach((id, i) => {
    const startsAt = at(i, counts.session);
    add('session', id, {
      title: `${pick(LOCALITIES, i)} drop-in`,
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 2 * 3_600_000).toISOString(),
      venueId: pick(venues, i),
      kind: i % 10 === 0 ? 'course' : 'drop-in',
      theme: 'identity',
      outline: ['Welcome and tea', 'Check-in round', 'Talk: sleep and the first year', 'Craft', 'Close'],
      activityIds: [pick(activities, i)],
      materials: [
        { item: 'Tea urn', done: true },
        { item: 'Play mats', done: true },
        { item: 'Leaflets for the baby bank', done: false },
      ],
      facilitatorIds: [userId],
      facilitators: ['Morag', pick(FIRST, i)],
      childcare: 'Crèche in the small hall: two volunteers, sign the children in and out at the door.',
      crechePlaces: 6,
      busTimes: 'Bus 10 from Elgin 9.40, back 12.15; bus 33 from Buckie 9.05.',
      cakeSession: i % 12 === 0,
      status: startsAt < now ? 'done' : 'planned',
      ...(i % 2 === 0 ? { reflection: noteBody(i, 60) } : {}),
      createdAt,
    });
  });

  const people = ids('attendee');
  people.forEach((id, i) =>
    add('attendee', id, {
      displayName: `${pick(FIRST, i)} ${pick(LAST, Math.floor(i / FIRST.length))} ${i + 1}`,
      babies: [{ alias: `Baby ${i + 1}`, dateOfBirth: isoDate(now - (i % 300) * day) }],
      locality: pick(LOCALITIES, i),
      heardVia: pick(HEARD, i),
      consent: { what: ['contact', 'notes'], at: createdAt, wordingVersion: 'v2' },
      contact: {
        phone: `07700 9${String(i % 100_000).padStart(5, '0')}`,
        okToText: true,
        okToVoicemail: i % 3 !== 0,
        okToNameCharity: i % 2 === 0,
      },
      needs: i % 4 === 0 ? ['housing', 'money worries'] : ['company'],
      cake: pick(CAKES, i),
      dietary: i % 5 === 0 ? ['vegetarian'] : [],
      createdAt,
    }),
  );
  const personSession = (i: number, of: number) => {
    const session = Math.floor((i * sessions.length) / of);
    return { sessionId: pick(sessions, session), attendeeId: pick(people, session * 7 + i * 13) };
  };
  // A check-in, an outreach and a booking are keyed by session and person, once each.
  const paired = (kind: 'checkIn' | 'outreach' | 'booking', values: (i: number) => Record<string, unknown>) => {
    const seen = new Set<string>();
    for (let i = 0, made = 0; made < counts[kind]; i++) {
      if (i > counts[kind] * 50) throw new Error(`Too few people and sessions for ${counts[kind]} of ${kind}`);
      const pair = personSession(i, counts[kind]);
      const id = `${pair.sessionId}:${pair.attendeeId}`;
      if (seen.has(id)) continue;
      seen.add(id);
      add(kind, id, { ...pair, ...values(made) });
      made++;
    }
  };
  paired('checkIn', (i) => ({ present: true, withBaby: i % 2 === 0, firstVisit: i % 20 === 0, createdAt }));
  paired('outreach', (i) => ({ method: i % 2 === 0 ? 'text' : 'call', outcome: 'coming', createdAt }));
  paired('booking', (i) => ({ crecheBooked: i % 2 === 0, travel: 'taxi', travelNote: 'Taxi from Buckie, 9.15' }));

  ids('note').forEach((id, i) => {
    const written = at(i, counts.note);
    add('note', id, {
      attendeeId: pick(people, i * 17),
      sessionId: pick(sessions, i),
      context: 'group',
      focusAreas: i % 2 === 0 ? ['mood', 'confidence'] : ['anxiety'],
      positives: 'Came on her own for the first time.',
      body: noteBody(i, 200 + (i % 5) * 50),
      concern: i % 20 === 0 ? 'talk to coordinator' : 'none',
      ons4: { satisfied: 6, worthwhile: 7, happy: 5, anxious: 4 },
      ...(i % 3 === 0 ? { followUp: 'Ring about the buggy walk', followUpDue: isoDate(written + 7 * day) } : {}),
      ...(i % 3 === 0 && written < now - 14 * day ? { followUpDone: true } : {}),
      visibility: 'team',
      createdAt: new Date(written).toISOString(),
    });
  });
  ids('visit').forEach((id, i) => {
    const when = at(i, counts.visit);
    const past = when < now - day;
    add('visit', id, {
      attendeeId: pick(people, i * 29),
      supporterId: userId,
      at: new Date(when).toISOString(),
      expectedMinutes: 60,
      where: `${(i % 80) + 1} High Street, ${pick(LOCALITIES, i)}`,
      kind: 'home visit',
      status: past ? 'done' : 'scheduled',
      ...(past ? { arrivedAt: new Date(when).toISOString(), leftAt: new Date(when + 3_600_000).toISOString() } : {}),
      createdAt,
    });
  });
  ids('feedback').forEach((id, i) =>
    add('feedback', id, {
      sessionId: pick(sessions, i),
      feltWelcome: 5,
      wouldComeAgain: true,
      comment: 'Lovely group, the tea was welcome and nobody minded the crying.',
    }),
  );
  ids('referral').forEach((id, i) =>
    add('referral', id, {
      attendeeId: pick(people, i * 31),
      madeAt: new Date(at(i, counts.referral)).toISOString(),
      partnerId: pick(partners, i),
      reason: 'Debt worries since the maternity pay stopped; would like help with a budget.',
    }),
  );
  ids('response').forEach((id, i) =>
    add('response', id, {
      questionnaireId: pick(questionnaires, i),
      version: 1,
      how: 'session',
      answeredOn: isoDate(at(i, counts.response)),
      sessionId: pick(sessions, i),
      answers: { q1: 'A lift from Buckie would help.', q2: 'Thank you for the crèche.' },
    }),
  );
  return interleaved(changes);
}

/**
 * The kinds mixed through the set as they are written over the years (a fixed shuffle), so that every pull page
 * holds much the same mix and first and last pages compare like with like.
 */
function interleaved(changes: Change[]): Change[] {
  let seed = 20_261_202;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  for (let index = changes.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [changes[index], changes[other]] = [changes[other] as Change, changes[index] as Change];
  }
  return changes;
}
