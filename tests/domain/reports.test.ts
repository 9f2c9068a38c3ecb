// Every report figure against a quarter small enough to count by hand (reports.fixture.ts). The working is in
// the comments: p6 is p5 merged, s0 is before the quarter, s5 was cancelled, s6 has not run by NOW, s7 and one
// check-in are deleted, and Cat's check-in at s2 was undone.
import { describe, expect, it } from 'vitest';
import { buildReports, headlines, shownText, toCsv, type ReportTable } from '../../src/domain/reports/index.ts';
import { periodsBetween, type ReportFilters, type ReportNote } from '../../src/domain/reports/scope.ts';
import { NOW, Q1, quarter } from './reports.fixture.ts';

const reports = (filters: Partial<ReportFilters> = {}, period: 'week' | 'month' | 'quarter' = 'month') =>
  buildReports(quarter(), { ...Q1, ...filters }, period, NOW);

/** The table as the screen shows it: a row of texts per row, headings first. */
const shown = (table: ReportTable) => [
  table.columns.map((column) => column.label),
  ...table.rows.map((_, row) => table.columns.map((column) => shownText(table, row, column))),
];

/** The table's raw numbers, before suppression, for checking the arithmetic. */
const raw = (table: ReportTable) => table.rows.map((row) => table.columns.map((column) => row[column.key]));

describe('attendance and reach', () => {
  it('counts sessions run, attendances, parents, babies, first-timers and who came back', () => {
    // Sessions run: s1, s2, s3, s4 (s0 before, s5 cancelled, s6 later today, s7 deleted) = 4.
    // Attendances: s1 Amy, Beth, Dawn; s2 Amy, Beth (Cat undone); s3 Cat, Eilidh; s4 Cat, Eilidh (as p6), Amy = 10.
    // Parents: Amy, Beth, Dawn, Cat, Eilidh = 5.
    // Babies: Amy's one; Beth's twins; Cat's, due 15 Feb, born by s4 on 3 Mar = 4.
    // First time ever: Beth (s1), Dawn (s1), Cat (s3: s2 was undone), Eilidh (s3); Amy first came at s0 = 4.
    // Visits: Amy 3, Beth 2, Dawn 1, Cat 2, Eilidh 2: a second time 4, five times 0.
    expect(reports().overview).toEqual({
      sessionsRun: 4,
      attendances: 10,
      parents: 5,
      babies: 4,
      firstTime: 4,
      cameTwice: 4,
      cameFiveTimes: 0,
    });
  });

  it('splits by month, with babies not yet born left out', () => {
    // Jan: s1 + s2; 5 attendances; Amy, Beth, Dawn; babies Amy 1 + Beth 2; first-timers Beth, Dawn.
    // Feb: s3; Cat, Eilidh; Cat's baby not born on 3 Feb but a baby came, so 1; first-timers Cat, Eilidh.
    // Mar: s4; Cat, Eilidh, Amy; Cat's baby born by 3 Mar: 1; no first-timers.
    expect(raw(reports().attendance.byPeriod)).toEqual([
      ['Jan 2026', 2, 5, 3, 3, 2],
      ['Feb 2026', 1, 2, 2, 1, 2],
      ['Mar 2026', 1, 3, 3, 1, 0],
    ]);
  });

  it('splits by quarter and by week, listing quiet weeks too', () => {
    expect(raw(reports({}, 'quarter').attendance.byPeriod)).toEqual([['Jan–Mar 2026', 4, 10, 5, 4, 4]]);
    const weeks = reports({}, 'week').attendance.byPeriod;
    // 1 Jan 2026 is a Thursday: weeks commencing 29 Dec, 5, 12, 19, 26 Jan, 2, 9, 16, 23 Feb, 2, 9, 16, 23, 30 Mar.
    expect(weeks.rows).toHaveLength(14);
    expect(raw(weeks)[0]).toEqual(['w/c 29 Dec 2025', 0, 0, 0, 0, 0]);
    // w/c 5 Jan: s1 only; Amy, Beth, Dawn; Amy's baby and Beth's twins; Beth and Dawn new.
    expect(raw(weeks)[1]).toEqual(['w/c 5 Jan 2026', 1, 3, 3, 3, 2]);
    expect(periodsBetween('2026-01-15', '2026-06-30', 'quarter')).toEqual(['2026-Q1', '2026-Q2']);
  });

  it('splits by venue', () => {
    // Buckie Centre: s3, s4; Cat, Eilidh, Cat, Eilidh, Amy = 5 attendances, 3 parents.
    // Elgin Hall: s1, s2 (s5 cancelled); 5 attendances; Amy, Beth, Dawn.
    expect(raw(reports().attendance.byVenue)).toEqual([
      ['Buckie Centre', 'Buckie', 2, 5, 3],
      ['Elgin Hall', 'Elgin', 2, 5, 3],
    ]);
  });

  it('lists every locality by where parents live, so the ones not reached show', () => {
    // Elgin: Amy (3) and Beth (2), Beth new. Forres: Dawn (1), new. Buckie: Cat (2) and Eilidh (2), both new.
    expect(raw(reports().attendance.byLocality)).toEqual([
      ['Elgin', 2, 5, 1],
      ['Lossiemouth', 0, 0, 0],
      ['Forres', 1, 1, 1],
      ['Buckie', 2, 4, 2],
      ['Keith', 0, 0, 0],
      ['Speyside', 0, 0, 0],
      ['Other', 0, 0, 0],
    ]);
    expect(reports().localitiesReached).toBe(3);
  });

  it('shows every figure where the "<5"s cover each other', () => {
    // Attendances add up to 10: Forres 1 and Buckie 4 are "<5", and with Elgin's 5 shown they hold 5 between
    // them, so either could be anything from 1 to 4. Nothing needs hiding (tests/domain/reports-suppress.test.ts).
    expect(shown(reports().attendance.byLocality).slice(0, 5)).toEqual([
      ['Locality', 'Parents', 'Attendances', 'First-time attenders'],
      ['Elgin', '<5', '5', '<5'],
      ['Lossiemouth', '0', '0', '0'],
      ['Forres', '<5', '<5', '<5'],
      ['Buckie', '<5', '<5', '<5'],
    ]);
  });

  it('counts how parents heard, whatever the capitals, with blanks as not recorded', () => {
    // Amy "health visitor" and Eilidh "Health visitor"; Beth friend; Cat GP; Dawn blank.
    expect(raw(reports().attendance.heardVia)).toEqual([
      ['Friend', 1],
      ['GP', 1],
      ['Health visitor', 2],
      ['Not recorded', 1],
    ]);
  });

  it('counts who came back a second and a fifth time', () => {
    // Once: Dawn. Twice or more: Amy, Beth, Cat, Eilidh. Five or more: nobody. Of 5 parents.
    expect(shown(reports().attendance.repeat)).toEqual([
      ['Parents who', 'Parents', 'Share of parents'],
      ['Came once only', '<5', '<5'],
      ['Came back a second time', '<5', '<5'],
      ['Came five times or more', '0', '0%'],
    ]);
    expect(raw(reports().attendance.repeat).map((row) => row[1])).toEqual([1, 4, 0]);
  });
});

describe('barriers and support', () => {
  it('counts childcare, transport and babies brought', () => {
    // Childcare: Beth at s1, Cat at s3. Transport: Dawn at s1, Cat at s3.
    // With baby: Amy s1, Beth s1, Beth s2, Cat s3, Cat s4 = 5 attendances, 3 parents.
    expect(raw(reports().barriers.support)).toEqual([
      ['Used the childcare', 2, 2],
      ['Had help with transport', 2, 2],
      ['Came with their baby', 5, 3],
    ]);
  });

  it('counts texts and calls by their latest answer, and who then came', () => {
    // (s1 Amy) text coming, came; (s1 Dawn) call no answer, came; (s2 Beth) text "not coming" then call
    // "coming": coming, came; (s3 Cat) text coming, came; (s4 Eilidh as p6) text coming, came;
    // (s4 Beth) text not coming, did not come. o7 is before the quarter.
    const outreach = reports().barriers.outreach;
    expect(raw(outreach).map((row) => row.slice(0, 3))).toEqual([
      ['Said they were coming', 4, 4],
      ['Said they were not coming', 1, 0],
      ['No answer', 1, 1],
      ['By text', 4, 3],
      ['By phone call', 2, 2],
      ['Everyone contacted', 6, 5],
    ]);
    // 5 of 6 came: 83%, shown because neither count is small.
    expect(shown(outreach)[6]).toEqual(['Everyone contacted', '6', '5', '83%']);
    expect(shown(outreach)[1]).toEqual(['Said they were coming', '<5', '<5', '<5']);
  });

  it('compares coming after a text or call with coming without one', () => {
    // After: Amy s1, Dawn s1, Beth s2, Cat s3, Eilidh s4 = 5 attendances, 5 parents.
    // Without: Beth s1, Amy s2, Eilidh s3, Cat s4, Amy s4 = 5 attendances; Beth, Amy, Eilidh, Cat = 4 parents.
    expect(raw(reports().barriers.afterContact)).toEqual([
      ['After a text or call', 5, 5],
      ['Without one', 5, 4],
    ]);
  });

  it('counts follow-ups done on time, late, overdue and not yet due', () => {
    // Due in the quarter: n1 (due 10 Jan, done 9 Jan: on time), n3 (due 25 Jan, done 27 Jan: late),
    // n4 (due 20 Mar, not done: overdue on 31 Mar), n5 (due 31 Mar, done, time unknown: on time),
    // n6 (due 31 Mar, not done: due today, not yet overdue). n2 is due in April. 5 in all.
    expect(shown(reports().barriers.followUps)).toEqual([
      ['Follow-ups', 'Follow-ups', 'Share'],
      ['Done on time', '2', '40%'],
      ['Done late', '1', '20%'],
      ['Overdue, not done yet', '1', '20%'],
      ['Not due yet', '1', '20%'],
    ]);
  });
});

describe('wellbeing', () => {
  it('counts focus areas raised, in notes and parents', () => {
    // In the quarter: n1..n7 (n8 is December, n9 deleted). Anxiety n1, n2, n4 (Amy, Beth); mood n1, n6 (Amy,
    // Eilidh as p6); loneliness n3, n4 (Beth); confidence n5 (Cat).
    expect(raw(reports().wellbeing.focusAreas)).toEqual([
      ['Anxiety', 3, 2],
      ['Mood', 2, 2],
      ['Confidence', 1, 1],
      ['Self-esteem', 0, 0],
      ['Loneliness', 2, 1],
      ['Connection with partner', 0, 0],
      ['Connection with friends', 0, 0],
      ['Sense of identity', 0, 0],
    ]);
  });

  it('counts focus areas by month', () => {
    // Jan: n1 anxiety, mood; n3 loneliness. Feb: n4 anxiety, loneliness; n5 confidence; n6 mood. Mar: n2 anxiety.
    const table = reports().wellbeing.focusOverTime;
    const pick = (row: number) => ['anxiety', 'mood', 'confidence', 'loneliness'].map((key) => table.rows[row]?.[key]);
    expect(pick(0)).toEqual([1, 1, 0, 1]);
    expect(pick(1)).toEqual([1, 1, 1, 1]);
    expect(pick(2)).toEqual([1, 0, 0, 0]);
  });

  it('compares first and latest ONS4 answers of people who answered twice, never naming them', () => {
    // Twice or more: Amy (4,5,3,7 then 6,7,7,3), Beth (5,5,5,5 then 5,4,6,6), Eilidh (p6 7,7,7,2 then p5
    // 9,8,8,1). Cat answered once. Satisfaction: averages 16/3 and 20/3; better Amy, Eilidh; same Beth.
    // Anxiety (lower is better): Amy 7→3 and Eilidh 2→1 better, Beth 5→6 worse.
    const table = reports().wellbeing.ons4Changes;
    const satisfaction = table.rows[0];
    expect(satisfaction?.people).toBe(3);
    expect((satisfaction?.before as { value: number }).value).toBeCloseTo(16 / 3);
    expect((satisfaction?.after as { value: number }).value).toBeCloseTo(20 / 3);
    expect([satisfaction?.better, satisfaction?.same, satisfaction?.worse]).toEqual([2, 1, 0]);
    const rest = table.rows.slice(1).map((row) => [row.measure, row.better, row.same, row.worse]);
    // Worthwhile: Amy 5→7, Eilidh 7→8 better; Beth 5→4 worse. Happiness: 3→7, 5→6, 7→8 all better.
    expect(rest).toEqual([
      ['Worthwhile', 2, 0, 1],
      ['Happiness', 3, 0, 0],
      ['Anxiety', 2, 0, 1],
    ]);
    // Three people: every count and average is hidden.
    expect(shown(table)[1]).toEqual(['Life satisfaction', '<5', '<5', '<5', '<5', '<5', '0']);
    expect(JSON.stringify(table)).not.toMatch(/Amy|Beth|Eilidh/);
  });

  it('shows the ONS bands of first and latest answers', () => {
    // Satisfaction first: 4 low, 5 medium, 7 high; latest: 6 and 5 medium, 9 very high.
    // Anxiety first: 7 high, 5 medium, 2 low; latest: 3 low, 6 high, 1 very low.
    const rows = raw(reports().wellbeing.ons4Distribution);
    expect(rows.slice(0, 4)).toEqual([
      ['Life satisfaction', 'Low', 1, 0],
      ['Life satisfaction', 'Medium', 1, 2],
      ['Life satisfaction', 'High', 1, 0],
      ['Life satisfaction', 'Very high', 0, 1],
    ]);
    expect(rows.slice(12)).toEqual([
      ['Anxiety', 'Very low', 0, 1],
      ['Anxiety', 'Low', 1, 1],
      ['Anxiety', 'Medium', 1, 0],
      ['Anxiety', 'High', 1, 1],
    ]);
  });

  it('counts concerns and how quickly they were picked up, showing fewer than five as "<5"', () => {
    // Keep an eye: n4. Talk to coordinator: n3, picked up after 90 min.
    // Urgent: n2 (3 days), n5 (30 min), n6 waiting.
    const concerns = reports().wellbeing.concerns;
    expect(raw(concerns)).toEqual([
      ['Keep an eye', 1, undefined, undefined, undefined, undefined],
      ['Talk to coordinator', 1, 1, 0, 1, undefined],
      ['Urgent', 3, 2, 1, 1, undefined],
    ]);
    // Every count is of notes about parents, and a typical time from fewer than five would be one parent's.
    const table = [
      ['Concern', 'Raised', 'Picked up', 'Waiting', 'Picked up within a day', 'Typical time to pick up (median)'],
      ['Keep an eye', '<5', '–', '–', '–', '–'],
      ['Talk to coordinator', '<5', '<5', '0', '<5', '–'],
      ['Urgent', '<5', '<5', '<5', '<5', '–'],
    ];
    expect(shown(concerns)).toEqual(table);
    // The funder summary's CSV holds the same cells.
    expect(toCsv(concerns).split('\r\n').slice(0, 4)).toEqual(table.map((row) => row.join(',')));
  });

  it('keeps back a concern count that would give a "<5" away', () => {
    // Seven more urgent concerns, each picked up within the hour: 10 raised, 9 picked up, n6 alone waiting.
    const data = quarter();
    const more = Array.from({ length: 7 }, (_, index): ReportNote => ({
      id: `urgent-${index}`,
      body: 'A note',
      attendeeId: 'p1',
      sessionId: 's3',
      createdAt: '2026-02-03T12:00:00.000Z',
      concern: 'urgent',
      concernPickedUpBy: 'Morag',
      pickedUpAt: '2026-02-03T12:40:00.000Z',
    }));
    const concerns = buildReports({ ...data, notes: [...data.notes, ...more] }, Q1, 'month', NOW).wellbeing.concerns;
    // 10 raised less 9 picked up would tell that one is waiting: so "picked up" is kept back.
    expect(shown(concerns)[3]).toEqual(['Urgent', '10', 'hidden', '<5', '8', '40 min']);
  });
});

describe('filters', () => {
  it('narrows to a venue, with its sessions’ notes', () => {
    // Buckie Centre: s3, s4; Cat, Eilidh, Cat, Eilidh, Amy; first-timers Cat and Eilidh.
    // Notes about s3 and s4: n2 anxiety, n5 confidence, n6 mood, n7.
    const buckie = reports({ venueId: 'v2' });
    expect(buckie.overview).toMatchObject({ sessionsRun: 2, attendances: 5, parents: 3, firstTime: 2 });
    expect(raw(buckie.wellbeing.focusAreas).filter((row) => Number(row[1]) > 0)).toEqual([
      ['Anxiety', 1, 1],
      ['Mood', 1, 1],
      ['Confidence', 1, 1],
    ]);
  });

  it('narrows to a locality of venue, a kind of session and a facilitator', () => {
    // Elgin venues: s1, s2 (s5 cancelled): 5 attendances of Amy, Beth, Dawn.
    expect(reports({ locality: 'elgin' }).overview).toMatchObject({ sessionsRun: 2, attendances: 5, parents: 3 });
    // Courses: s3, s4.
    expect(reports({ kind: 'course' }).overview).toMatchObject({ sessionsRun: 2, attendances: 5 });
    // Morag facilitated s0, s1, s2: s1 and s2 fall in the quarter.
    expect(reports({ facilitator: 'morag' }).overview).toMatchObject({ sessionsRun: 2, attendances: 5 });
  });

  it('narrows the date range', () => {
    // February only: s3 with Cat and Eilidh.
    expect(reports({ from: '2026-02-01', to: '2026-02-28' }).overview).toMatchObject({
      sessionsRun: 1,
      attendances: 2,
      parents: 2,
    });
  });
});

describe('the funder summary and CSV', () => {
  it('gives the headline figures with small numbers of people suppressed', () => {
    expect(headlines(reports())).toEqual([
      { label: 'Sessions run', value: '4' },
      { label: 'Attendances', value: '10' },
      { label: 'Parents reached', value: '5' },
      { label: 'Babies reached', value: '<5' },
      { label: 'First-time attenders', value: '<5' },
      { label: 'Parents who came back a second time', value: '<5' },
      { label: 'Parents who came five times or more', value: '0' },
      { label: 'Localities reached', value: '3' },
    ]);
  });

  it('keeps back who came back a second time when it would give away the few who came once', () => {
    // Ten more parents at both Elgin drop-ins: 15 reached, Dawn alone came once, 14 came back. "14" taken from
    // the 15 reached would say that one parent came once only.
    const base = quarter();
    const extra = Array.from({ length: 10 }, (_, index) => `extra${index}`);
    const data = {
      ...base,
      attendees: [...base.attendees, ...extra.map((id) => ({ id, displayName: id, locality: 'Elgin' }))],
      checkIns: [
        ...base.checkIns,
        ...extra.flatMap((id) =>
          ['s1', 's2'].map((sessionId) => ({ id: `${sessionId}:${id}`, sessionId, attendeeId: id, present: true })),
        ),
      ],
    };
    const busier = buildReports(data, Q1, 'month', NOW);
    expect(shown(busier.attendance.repeat).slice(1, 3)).toEqual([
      ['Came once only', '<5', '<5'],
      ['Came back a second time', 'hidden', 'hidden'],
    ]);
    expect(headlines(busier)).toContainEqual({ label: 'Parents reached', value: '15' });
    expect(headlines(busier)).toContainEqual({ label: 'Parents who came back a second time', value: 'hidden' });
  });

  it('writes a table as CSV with the same suppressed cells, quoted safely', () => {
    expect(toCsv(reports().attendance.repeat)).toBe(
      'Parents who,Parents,Share of parents\r\n' +
        'Came once only,<5,<5\r\n' +
        'Came back a second time,<5,<5\r\n' +
        'Came five times or more,0,0%\r\n',
    );
    const table: ReportTable = {
      id: 't',
      title: 'T',
      columns: [
        { key: 'name', label: 'Venue, town', kind: 'label' },
        { key: 'n', label: 'Parents', kind: 'people' },
      ],
      rows: [
        { name: 'The "Old" Hall, Elgin', n: 12 },
        { name: '=HYPERLINK("x")', n: 3 },
      ],
    };
    expect(toCsv(table)).toBe('"Venue, town",Parents\r\n"The ""Old"" Hall, Elgin",12\r\n"\'=HYPERLINK(""x"")",<5\r\n');
  });
});
