// `npm run seed:demo`: a demo organisation with fictional venues, sessions, people, notes and visits, written
// through the server's own checks and merge, so that a new user sees a living app. Prints how to sign in.
//
// The demo organisation sits beside the charity's own: first-run setup still opens while it is the only one
// (src/server/routes/organisations.ts), so seeding before or after setup both work. Run again, it changes
// nothing and says so; `npm run seed:demo -- --show` prints the sign-in details again. The password is never
// stored in the clear, so --show gives the two demo accounts a new one; no record is touched.
import { randomBytes } from 'node:crypto';
import { addDays, set, subDays } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import { giveConsent } from '../src/domain/consent.ts';
import { weeklySeries } from '../src/domain/schedule.ts';
import { newClock, tick } from '../src/sync/hlc.ts';
import type { Change } from '../src/sync/protocol.ts';
import { hashPassword } from '../src/server/auth/password.ts';
import { loadConfig } from '../src/server/config.ts';
import { applyChanges } from '../src/server/sync/push.ts';
import { migrateToLatest, openStore } from '../src/server/store/index.ts';
import {
  countOrganisations,
  createOrganisation,
  DEMO_COORDINATOR_EMAIL as DEMO_EMAIL,
  DEMO_FACILITATOR_EMAIL as DEMO_FACILITATOR,
  findOrganisation,
} from '../src/server/store/organisations.ts';
import { createUser, findUserByEmail, setPasswordHash } from '../src/server/store/users.ts';

const show = process.argv.slice(2).includes('--show');
const config = loadConfig();
const store = openStore(config);
await migrateToLatest(store.db);
const newPassword = () => `demo-${randomBytes(6).toString('base64url')}`;

function printSignIn(password: string) {
  console.log(`Start Coorie with npm start, open http://localhost:${config.port} and sign in as:`);
  console.log(`  coordinator: ${DEMO_EMAIL}`);
  console.log(`  facilitator: ${DEMO_FACILITATOR}`);
  console.log(`  password (both): ${password}`);
}

const existing = await findUserByEmail(store.db, DEMO_EMAIL);
if (existing) {
  const organisation = await findOrganisation(store.db, existing.organisation_id);
  const name = organisation?.name ?? 'the demo organisation';
  if (!show) {
    console.log(`The demo organisation "${name}" is already here, so nothing was added or changed.`);
    console.log('To see its sign-in details again: npm run seed:demo -- --show');
    await store.close();
    process.exit(0);
  }
  const password = newPassword();
  const passwordHash = await hashPassword(password);
  for (const address of [DEMO_EMAIL, DEMO_FACILITATOR]) {
    const user = await findUserByEmail(store.db, address);
    if (user) await setPasswordHash(store.db, user.id, passwordHash);
  }
  await store.close();
  console.log(`The demo organisation "${name}" is already here; its records are as they were.`);
  console.log('Passwords are kept only as hashes, so the two demo accounts now have this new password.');
  printSignIn(password);
  process.exit(0);
}

const password = newPassword();
const organisation = await createOrganisation(store.db, { name: 'Moray Parents Together (demo)' });
const coordinator = await createUser(store.db, {
  organisationId: organisation.id,
  name: 'Morag (coordinator)',
  email: DEMO_EMAIL,
  role: 'coordinator',
  password,
});
const facilitator = await createUser(store.db, {
  organisationId: organisation.id,
  name: 'Shona (facilitator)',
  email: DEMO_FACILITATOR,
  role: 'facilitator',
  password,
});

// Every field gets a version from one seed clock, as a device would stamp it.
let clock = newClock('demoseed0');
function change(kind: string, id: string, fields: Record<string, unknown>): Change {
  const values = { createdAt: new Date().toISOString(), createdBy: coordinator.id, ...fields };
  const versions: Record<string, string> = {};
  for (const field of Object.keys(values)) {
    const next = tick(clock, Date.now());
    clock = next.state;
    versions[field] = next.version;
  }
  return { kind, id, values, versions };
}

const london = (day: Date, hours: number, minutes = 0) =>
  set(new TZDate(day, 'Europe/London'), { hours, minutes, seconds: 0, milliseconds: 0 }).toISOString();
const today = new Date();
const changes: Change[] = [];

const venues = [
  { id: 'demo-venue-rothes', name: 'Church hall, Rothes', locality: 'Speyside', hasSignal: false, parking: true },
  { id: 'demo-venue-buckie', name: 'Community centre, Buckie', locality: 'Buckie', hasSignal: true, parking: true },
  { id: 'demo-venue-forres', name: 'Family room, Forres', locality: 'Forres', hasSignal: true, parking: false },
];
for (const { id, ...venue } of venues) {
  changes.push(
    change('venue', id, {
      ...venue,
      babyChange: true,
      childcareSpace: true,
      access: 'Step-free entrance at the side door.',
    }),
  );
}

const people = [
  ['demo-amy', 'Amy', 'Elgin', 'health visitor', 110],
  ['demo-jo', 'Jo', 'Lossiemouth', 'social media', 40],
  ['demo-kirsty', 'Kirsty M', 'Forres', 'baby group', 200],
  ['demo-leanne', 'Leanne', 'Buckie', 'GP', 75],
  ['demo-nadia', 'Nadia', 'Elgin', 'internet search', 20],
  ['demo-fiona', 'Fiona', 'Keith', 'friend', 300],
  ['demo-hannah', 'Hannah', 'Speyside', 'health visitor', 150],
  ['demo-rachel', 'Rachel B', 'Forres', 'social media', 60],
] as const;
const cakes = [
  'Lemon drizzle',
  'Tunnock’s tea cake',
  'Carrot cake',
  'Victoria sponge',
  'Clootie dumpling',
  'Millionaire’s shortbread',
  'Black Forest gateau',
  'Dundee cake',
];
people.forEach(([id, displayName, locality, heardVia, babyAgeDays], index) => {
  changes.push(
    change('attendee', id, {
      displayName,
      locality,
      heardVia,
      babies: [
        {
          alias: `Baby ${String.fromCharCode(65 + index)}`,
          dateOfBirth: subDays(today, babyAgeDays).toISOString().slice(0, 10),
        },
      ],
      consent: giveConsent(['notes', 'contact'], subDays(today, 30)),
      contact: {
        phone: `0770090${String(index).padStart(4, '0')}`,
        okToText: true,
        okToVoicemail: index % 2 === 0,
        okToNameCharity: index % 3 === 0,
      },
      needs: index % 3 === 1 ? ['transport'] : index % 4 === 0 ? ['childcare'] : [],
      cake: cakes[index] ?? '',
    }),
  );
});

// A six-week course at Rothes that started three weeks ago, and weekly drop-ins at Buckie.
const course = weeklySeries(
  {
    title: 'Finding me again',
    startsAt: london(subDays(today, 21), 10),
    endsAt: london(subDays(today, 21), 12),
    venueId: 'demo-venue-rothes',
    kind: 'course',
    theme: 'changing sense of self',
    outline: ['Welcome', 'Check-in round', 'Activity', 'Food and hot drinks', 'Baby-basket time', 'Close'],
    materials: [
      { item: 'Food', done: false },
      { item: 'Hot drinks', done: false },
      { item: 'Baby baskets', done: false },
      { item: 'Stories', done: false },
    ],
    childcare: 'Creche in the back room for toddlers',
  },
  6,
  'demo-course',
);
for (const { id, ...session } of course) changes.push(change('session', id, session));
for (let week = -2; week <= 2; week++) {
  const day = addDays(today, week * 7 + 1);
  changes.push(
    change('session', `demo-dropin-${week + 2}`, {
      title: 'Buckie drop-in',
      startsAt: london(day, 13, 30),
      endsAt: london(day, 15),
      venueId: 'demo-venue-buckie',
      kind: 'drop-in',
      theme: 'attachment and bonding',
      status: week < 0 ? 'done' : 'planned',
    }),
  );
}

// Past course sessions: who came.
course.slice(0, 3).forEach((session, weekIndex) => {
  people.slice(0, 5 + weekIndex).forEach(([attendeeId], index) => {
    changes.push(
      change('checkIn', `${session.id}:${attendeeId}`, {
        sessionId: session.id,
        attendeeId,
        present: true,
        withBaby: index % 4 !== 3,
        childcareUsed: index % 3 === 0,
        transportHelp: index % 5 === 1,
        firstVisit: weekIndex === 0,
      }),
    );
  });
});

changes.push(
  change('note', 'demo-note-1', {
    attendeeId: 'demo-amy',
    sessionId: 'demo-course-w3',
    context: 'group',
    focusAreas: ['confidence', 'connection with friends'],
    positives: 'Lovely eye contact and singing during baby-basket time.',
    body: 'Chatted more this week and swapped numbers with Jo.',
    concern: 'none',
    visibility: 'team',
    ons4: { satisfied: 6, worthwhile: 7, happy: 6, anxious: 5 },
  }),
  change('note', 'demo-note-2', {
    attendeeId: 'demo-leanne',
    sessionId: 'demo-course-w3',
    context: 'group',
    focusAreas: ['loneliness', 'mood'],
    body: 'Finding evenings hard while partner works away. Would like a call before next week.',
    concern: 'talk to coordinator',
    followUp: 'Phone call to see how the week went',
    followUpDue: addDays(today, 1).toISOString().slice(0, 10),
    visibility: 'private',
  }),
  change('outreach', 'demo-outreach-1', {
    sessionId: 'demo-course-w4',
    attendeeId: 'demo-jo',
    method: 'text',
    outcome: 'coming',
    at: new Date().toISOString(),
    byUserId: facilitator.id,
  }),
  change('visit', 'demo-visit-1', {
    attendeeId: 'demo-fiona',
    supporterId: facilitator.id,
    at: london(addDays(today, 2), 11),
    expectedMinutes: 60,
    where: 'Home, Keith',
    status: 'scheduled',
  }),
  change('activity', 'demo-activity-kitchen', {
    title: 'Kitchen drum band',
    kind: 'sensory play',
    minAgeMonths: 6,
    maxAgeMonths: 18,
    materials: ['Wooden spoons', 'Metal pans', 'Plastic-free tubs'],
    howTo: 'Lay out pans and spoons; parents copy their baby’s rhythm.',
    whyItHelps: 'Turn-taking and shared delight.',
    safety: 'Check pans for sharp edges; keep it gentle for little ears.',
  }),
  change('service', 'demo-service-foodbank', {
    name: 'Moray food bank (demo entry)',
    offers: 'Emergency food parcels',
    phone: '',
    hours: 'Tue and Fri',
    locality: 'Elgin',
    checkedOn: today.toISOString().slice(0, 10),
  }),
);

const results = await applyChanges(
  store.db,
  { id: coordinator.id, organisationId: organisation.id, role: 'coordinator' },
  changes,
);
const refused = results.filter((result) => result.status === 'rejected');
if (refused.length > 0) {
  console.error('Some demo records were refused:', refused.slice(0, 5));
  await store.close();
  process.exit(1);
}

console.log(
  `Demo organisation "${organisation.name}" is ready with ${changes.length} records (fictional people and places).`,
);
printSignIn(password);
if ((await countOrganisations(store.db, { exceptDemo: true })) === 0)
  console.log(`To set up your own organisation beside the demo one: http://localhost:${config.port}/setup`);
await store.close();
