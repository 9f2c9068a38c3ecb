// Promotion's pure parts: the routes promoted speak the words "How did you hear about us" records, the report
// sets one against the other with small numbers suppressed, and the ready-made post holds only what is public.
import { describe, expect, it } from 'vitest';
import { HEARD_VIA } from '../../src/app/people/personForm.ts';
import { PROMOTION_ROUTES, readyMadePost } from '../../src/domain/promotion.ts';
import { buildReports, shownText, type ReportTable } from '../../src/domain/reports/index.ts';
import { NOW, Q1, quarter } from './reports.fixture.ts';

const shown = (table: ReportTable) =>
  table.rows.map((_, row) => table.columns.map((column) => shownText(table, row, column)));

describe('routes promoted', () => {
  it('are all answers the person form records', () => {
    for (const route of PROMOTION_ROUTES) expect(HEARD_VIA).toContain(route);
  });

  it('are set against how parents heard, promoted first, a route that brought nobody as 0, small numbers hidden', () => {
    // Amy and Eilidh health visitor; Beth friend; Cat GP; Dawn blank (reports.test.ts).
    const reports = buildReports(quarter(), Q1, 'month', NOW, ['health visitor', 'social media']);
    const table = reports.attendance.heardViaByRoute;
    expect(table && shown(table)).toEqual([
      ['Health visitor', 'Yes', '<5'],
      ['Social media', 'Yes', '0'],
      ['Friend', 'No', '<5'],
      ['GP', 'No', '<5'],
      ['Not recorded', '–', '<5'],
    ]);
    expect(table?.rows.map((row) => row.parents)).toEqual([2, 0, 1, 1, 1]);
  });

  it('is left out when the routes are not known (offline)', () => {
    expect(buildReports(quarter(), Q1, 'month', NOW).attendance.heardViaByRoute).toBeUndefined();
  });
});

describe('the ready-made post', () => {
  const session = (title: string, startsAt: string, cancelled = false) => ({
    title,
    startsAt,
    cancelled,
    venue: { name: 'Elgin Town Hall', locality: 'Elgin' },
  });

  it('lists the next sessions on in London time, with the link', () => {
    const post = readyMadePost({
      organisation: 'Moray Peers',
      sessions: [
        session('Baby chat', '2026-12-08T10:00:00Z'),
        session('Called off', '2026-12-09T10:00:00Z', true),
        session('Summer chat', '2026-07-07T09:30:00Z'),
      ],
      url: 'https://coorie.example.org/t/moray-peers-abc',
      babiesWelcome: true,
      contact: 'Call the office on 01343 000000',
    });
    expect(post).toBe(
      [
        'Coming up with Moray Peers:',
        '',
        '• Tuesday 8 December, 10am: Baby chat at Elgin Town Hall, Elgin',
        '• Tuesday 7 July, 10:30am: Summer chat at Elgin Town Hall, Elgin',
        '',
        'Babies are very welcome.',
        'Call the office on 01343 000000',
        'All our sessions: https://coorie.example.org/t/moray-peers-abc',
      ].join('\n'),
    );
  });

  it('still reads well with nothing planned', () => {
    const post = readyMadePost({
      organisation: 'Moray Peers',
      sessions: [],
      url: 'u',
      babiesWelcome: false,
      contact: '',
    });
    expect(post).toBe(
      'Coming up with Moray Peers:\n\nNew sessions will be on our timetable soon.\n\nAll our sessions: u',
    );
  });
});
