// The Reports screen over a real (fake-IndexedDB) device database: figures, filters in the address, small
// numbers suppressed, CSV files, and the explanation other roles see.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { addDays, format } from 'date-fns';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CALENDAR, calendarDate, londonDate, londonInstant } from '../../src/domain/london.ts';
import type { CoorieDb } from '../../src/db/database.ts';
import { saveRecord } from '../../src/db/records.ts';
import { ALEX, freshDb, renderApp, stubNoNetwork } from './helpers.tsx';

vi.setConfig({ testTimeout: 30_000 });
const SLOW = { timeout: 10_000 };

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** A calendar date `days` from today in London. */
const day = (days: number) =>
  format(addDays(calendarDate(londonDate(new Date())), days), 'yyyy-MM-dd', { in: CALENDAR });

/**
 * Elgin Hall: a drop-in a fortnight ago with six parents (two from Elgin, four from Forres). Buckie Centre: a
 * course a week ago with two parents from Buckie, one of whom used the childcare.
 */
async function seed(db: CoorieDb) {
  await saveRecord(db, 'venue', 'v1', { name: 'Elgin Hall', locality: 'Elgin' });
  await saveRecord(db, 'venue', 'v2', { name: 'Buckie Centre', locality: 'Buckie' });
  const session = (id: string, days: number, venueId: string, kind: 'drop-in' | 'course', facilitator: string) =>
    saveRecord(db, 'session', id, {
      title: `Session ${id}`,
      startsAt: londonInstant(day(days), '10:00'),
      venueId,
      kind,
      facilitators: [facilitator],
    });
  await session('s1', -14, 'v1', 'drop-in', 'Morag');
  await session('s2', -7, 'v2', 'course', 'Iona');
  const people: [string, string, string][] = [
    ['a1', 'Elgin', 's1'],
    ['a2', 'Elgin', 's1'],
    ['a3', 'Forres', 's1'],
    ['a4', 'Forres', 's1'],
    ['a5', 'Forres', 's1'],
    ['a6', 'Forres', 's1'],
    ['a7', 'Buckie', 's2'],
    ['a8', 'Buckie', 's2'],
  ];
  for (const [id, locality, sessionId] of people) {
    await saveRecord(db, 'attendee', id, { displayName: `Parent ${id}`, locality, heardVia: 'health visitor' });
    await saveRecord(db, 'checkIn', `${sessionId}:${id}`, {
      sessionId,
      attendeeId: id,
      present: true,
      childcareUsed: id === 'a7',
    });
  }
}

async function openReports(db: CoorieDb, path = '/reports', user = ALEX) {
  stubNoNetwork();
  const app = await renderApp(path, { db, user });
  await screen.findByRole('heading', { level: 1, name: 'Reports' }, SLOW);
  return app;
}

const figure = (name: string) => screen.getByRole('region', { name });
const cells = (region: HTMLElement, row: string) =>
  within(within(region).getByRole('rowheader', { name: row }).closest('tr') as HTMLElement)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);

/** jsdom's Blob has no text(): read it as a browser without that would. */
function readBlob(blob: Blob | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!blob) return reject(new Error('No file was made'));
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('Could not read the file'));
    reader.readAsText(blob);
  });
}

describe('the Reports screen', () => {
  it('shows a year of figures counted on the device, with small numbers of people and of their attendances as "<5"', async () => {
    const db = freshDb();
    await seed(db);
    await openReports(db);
    const localities = await screen.findByRole('region', { name: 'Where parents live' }, SLOW);
    // Parents, attendances, first-time attenders.
    // Four attendances from Forres would say as much about who came as the "<5" parents beside them.
    expect(cells(localities, 'Forres')).toEqual(['<5', '<5', '<5']);
    expect(cells(localities, 'Keith')).toEqual(['0', '0', '0']);
    expect(cells(figure('How parents heard about the group'), 'Health visitor')).toEqual(['8']);
    // Elgin Hall's 6 attendances would give Buckie's "<5" away from the 8 in all: kept back.
    expect(cells(figure('Attendance by venue'), 'Elgin Hall')).toEqual(['Elgin', '1', 'hidden', '6']);
    expect(cells(figure('Attendance by venue'), 'Buckie Centre')).toEqual(['Buckie', '1', '<5', '<5']);
    expect(screen.queryByText(/Parent a\d/)).not.toBeInTheDocument();
  });

  it('changes the figures with the filters, and keeps them in the address', async () => {
    const db = freshDb();
    await seed(db);
    const { router } = await openReports(db);
    const user = userEvent.setup();
    await screen.findByRole('region', { name: 'Coming back' }, SLOW);
    expect(cells(figure('Coming back'), 'Came once only')).toEqual(['8', '100%']);

    await user.selectOptions(screen.getByLabelText('Venue'), 'Elgin Hall');
    await waitFor(() => expect(cells(figure('Coming back'), 'Came once only')).toEqual(['6', '100%']));
    expect(router.state.location.search).toContain('venue=v1');

    await user.selectOptions(screen.getByLabelText('Venue'), 'All venues');
    await user.selectOptions(screen.getByLabelText('Facilitator'), 'Iona');
    await waitFor(() => expect(cells(figure('Coming back'), 'Came once only')).toEqual(['<5', '<5']));
    expect(router.state.location.search).toContain('facilitator=Iona');

    // A fortnight ago only: the Elgin drop-in; Iona was not there.
    await user.selectOptions(screen.getByLabelText('Facilitator'), 'All facilitators');
    await user.selectOptions(screen.getByLabelText('Kind of session'), 'Drop-in');
    await waitFor(() => expect(cells(figure('Coming back'), 'Came once only')).toEqual(['6', '100%']));
  });

  it('says why there is no chart when every figure is under five, instead of an empty frame', async () => {
    const db = freshDb();
    await seed(db);
    // Iona ran only the Buckie course, with two parents: every figure of hers is "<5".
    await openReports(db, '/reports?facilitator=Iona');
    const heard = await screen.findByRole('region', { name: 'How parents heard about the group' }, SLOW);
    await waitFor(() => expect(cells(heard, 'Health visitor')).toEqual(['<5']));
    expect(heard).toHaveTextContent(
      'No chart: every figure here is under 5, or kept back with one that is, so the table shows “<5” or “hidden” and a chart would give them away.',
    );
    expect(heard.querySelector('.report-chart')).toBeNull();
  });

  it('opens with the filters in the address, and says what is wrong with the dates', async () => {
    const db = freshDb();
    await seed(db);
    await openReports(db, `/reports?from=${day(-10)}&to=${day(0)}&view=barriers`);
    // Only the Buckie course a week ago falls in the last ten days.
    const support = await screen.findByRole('region', { name: 'Childcare, transport and babies' }, SLOW);
    expect(cells(support, 'Used the childcare')).toEqual(['<5', '<5']);
    expect(screen.getByRole('link', { name: 'Barriers and support' })).toHaveAttribute('aria-current', 'page');

    const user = userEvent.setup();
    const from = screen.getByLabelText('From');
    await user.clear(from);
    await user.type(from, day(1));
    expect(await screen.findByText('The last day must be the same as or after the first day.')).toBeInTheDocument();
    expect(screen.getByLabelText('To')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('region', { name: 'Childcare, transport and babies' })).not.toBeInTheDocument();
  });

  it('saves a table as a CSV file with the same suppressed figures', async () => {
    const db = freshDb();
    await seed(db);
    const blobs: Blob[] = [];
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (blob: Blob) => (blobs.push(blob), 'blob:report') }));
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    await openReports(db, `/reports?from=${day(-30)}&to=${day(0)}`);
    const localities = await screen.findByRole('region', { name: 'Where parents live' }, SLOW);
    await userEvent
      .setup()
      .click(within(localities).getByRole('button', { name: 'Download CSV of where parents live' }));

    expect(names).toEqual([`coorie-reach-by-locality-${day(-30)}-to-${day(0)}.csv`]);
    const text = await readBlob(blobs[0]);
    // (Reading as UTF-8 takes the byte-order mark off; the browser test checks it is there.)
    expect(text).toBe(
      'Locality,Parents,Attendances,First-time attenders\r\n' +
        'Elgin,<5,<5,<5\r\n' +
        'Lossiemouth,0,0,0\r\n' +
        'Forres,<5,<5,<5\r\n' +
        'Buckie,<5,<5,<5\r\n' +
        'Keith,0,0,0\r\n' +
        'Speyside,0,0,0\r\n' +
        'Other,0,0,0\r\n',
    );
  });

  it('gives a printable funder summary for the range', async () => {
    const db = freshDb();
    await seed(db);
    await openReports(db, `/reports?from=${day(-30)}&to=${day(0)}&view=summary`);
    const heading = await screen.findByRole('heading', { level: 2, name: /^Funder summary:/ }, SLOW);
    expect(heading).toHaveTextContent(`Funder summary: ${format(calendarDate(day(-30)), 'd MMM yyyy')}`);
    const headline = (label: string) => screen.getByText(label, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(headline('Sessions run')).toBe('2');
    expect(headline('Parents reached')).toBe('8');
    expect(headline('Localities reached')).toBe('3');
    expect(screen.getByRole('button', { name: 'Print or save as PDF' })).toBeInTheDocument();
  });

  it('tells a facilitator that reports are for coordinators', async () => {
    const db = freshDb();
    await seed(db);
    await openReports(db, '/reports', { ...ALEX, role: 'facilitator' });
    expect(await screen.findByText('Reports are for coordinators.', {}, SLOW)).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Report filters' })).not.toBeInTheDocument();
  });
});
