// Long lists at check-in and in People: only the rows near the screen are in the page, each saying where it
// stands in the whole list, and search and taps still reach anyone.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoorieDb } from '../../src/db/database.ts';
import { saveRecord } from '../../src/db/records.ts';
import { WINDOW_FROM } from '../../src/app/components/VirtualList.tsx';
import { ALEX, freshDb, renderApp, stubNoNetwork } from './helpers.tsx';

vi.setConfig({ testTimeout: 60_000 });
const SLOW = { timeout: 15_000 };

afterEach(() => {
  vi.unstubAllGlobals();
});

// jsdom has no scrolling (window.scrollTo only reports "not implemented"); the windowed list may ask to keep
// the rows in place as they are measured.
beforeEach(() => {
  vi.stubGlobal('scrollTo', () => undefined);
});

const PEOPLE = 1000;
const EXPECTED = 200;
const name = (index: number) => `Parent ${String(index + 1).padStart(4, '0')}`;

/** Many people, written as the repository writes rows (one transaction a table, as a sync's pull does). */
async function seedPeople(db: CoorieDb): Promise<void> {
  const version = { displayName: '0001780000000000-0000-seedseedseed1' };
  await db.records('attendee').bulkPut(
    Array.from({ length: PEOPLE }, (_, index) => ({
      id: `p${index}`,
      displayName: name(index),
      locality: index % 2 === 0 ? 'Elgin' : 'Buckie',
      _v: version,
    })),
  );
}

/** The rows of a list, checking that each says its place in the whole list. */
function rowsOf(list: HTMLElement, size: number): HTMLElement[] {
  const rows = within(list).getAllByRole('listitem');
  for (const row of rows) {
    expect(row).toHaveAttribute('aria-setsize', String(size));
    expect(Number(row.getAttribute('aria-posinset'))).toBeGreaterThanOrEqual(1);
  }
  return rows;
}

describe('long lists', () => {
  it('People keeps at most 100 rows in the page and finds the thousandth person by name', async () => {
    stubNoNetwork();
    const db = freshDb();
    await seedPeople(db);
    await renderApp('/people', { db, user: ALEX });
    const list = await screen.findByRole('list', { name: 'People' }, SLOW);
    const rows = rowsOf(list, PEOPLE);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(100);
    expect(rows[0]).toHaveAttribute('aria-posinset', '1');
    expect(rows[0]).toHaveTextContent(name(0));

    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox', { name: 'Search by name or area' }), name(PEOPLE - 1));
    expect(await screen.findByText(`1 of ${PEOPLE} people shown`, {}, SLOW)).toBeInTheDocument();
    const found = within(screen.getByRole('list', { name: 'People' })).getAllByRole('listitem');
    expect(found).toHaveLength(1);
    // A short list is a plain list again: no place to announce beyond its own length.
    expect(found[0]).not.toHaveAttribute('aria-setsize');
    await user.click(within(found[0] as HTMLElement).getByRole('link', { name: new RegExp(name(PEOPLE - 1)) }));
    expect(await screen.findByRole('heading', { level: 1, name: name(PEOPLE - 1) }, SLOW)).toBeInTheDocument();
  });

  it('check-in windows a long list of expected people, counts a tap, and finds anyone else by name', async () => {
    stubNoNetwork();
    const db = freshDb();
    await seedPeople(db);
    await saveRecord(db, 'session', 's1', { title: 'Big group', startsAt: '2026-11-24T10:00:00.000Z' });
    const version = { sessionId: '0001780000000000-0000-seedseedseed1' };
    await db.records('outreach').bulkPut(
      Array.from({ length: EXPECTED }, (_, index) => ({
        id: `o${index}`,
        sessionId: 's1',
        attendeeId: `p${index}`,
        outcome: 'coming' as const,
        _v: version,
      })),
    );
    await renderApp('/sessions/s1/check-in', { db, user: ALEX });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: `Check in ${name(0)}` }, SLOW));
    expect(await screen.findByText('1 here · 0 babies', {}, SLOW)).toBeInTheDocument();
    const expected = within(screen.getByRole('region', { name: 'Expected' })).getByRole('list');
    const rows = rowsOf(expected, EXPECTED);
    expect(EXPECTED).toBeGreaterThan(WINDOW_FROM);
    expect(rows.length).toBeLessThanOrEqual(100);
    expect(within(rows[0] as HTMLElement).getByRole('button', { name: `Undo check-in for ${name(0)}` })).toBeVisible();

    // Nobody past the expected is on show until a name is typed; then the last person is one tap away.
    expect(screen.queryByText(name(PEOPLE - 1))).not.toBeInTheDocument();
    await user.type(screen.getByRole('searchbox', { name: 'Find a name' }), name(PEOPLE - 1));
    const someoneElse = screen.getByRole('region', { name: 'Someone else?' });
    await user.click(await within(someoneElse).findByRole('button', { name: `Check in ${name(PEOPLE - 1)}` }, SLOW));
    expect(await screen.findByText('2 here · 0 babies', {}, SLOW)).toBeInTheDocument();
    const checkIn = await db.records('checkIn').get(`s1:p${PEOPLE - 1}`);
    expect(checkIn?.present).toBe(true);
  });

  it('keeps a focused row in the page, and focus on it, when the list scrolls far away and back', async () => {
    stubNoNetwork();
    const db = freshDb();
    await seedPeople(db);
    await renderApp('/people', { db, user: ALEX });
    const list = await screen.findByRole('list', { name: 'People' }, SLOW);
    const link = within(list).getByRole('link', { name: new RegExp(name(1)) });
    link.focus();
    expect(link).toHaveFocus();

    // Far down the list: the rows near the top leave the page, but the focused one stays, in its place in order.
    scrollPage(PEOPLE * 60);
    await vi.waitFor(() => expect(within(list).queryByText(name(0))).not.toBeInTheDocument(), SLOW);
    expect(link).toHaveFocus();
    const rows = rowsOf(list, PEOPLE);
    expect(rows[0]).toHaveAttribute('aria-posinset', '2');
    expect(Number(rows[1]?.getAttribute('aria-posinset'))).toBeGreaterThan(PEOPLE / 2);
    expect(rows.length).toBeLessThanOrEqual(100);

    // Back at the top, the rows around it return, in order.
    scrollPage(0);
    await vi.waitFor(() => expect(within(list).getByText(name(0))).toBeInTheDocument(), SLOW);
    expect(link).toHaveFocus();
    expect(rowsOf(list, PEOPLE).map((row) => row.getAttribute('aria-posinset'))).toEqual(
      Array.from({ length: rowsOf(list, PEOPLE).length }, (_, index) => String(index + 1)),
    );
  });
});

/** Scrolls the page as a keyboard or finger would (jsdom has no layout: the position is set, then announced). */
function scrollPage(y: number) {
  Object.defineProperty(window, 'scrollY', { value: y, configurable: true });
  Object.defineProperty(window, 'pageYOffset', { value: y, configurable: true });
  window.dispatchEvent(new Event('scroll'));
}
