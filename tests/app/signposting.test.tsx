import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getRecord, saveRecord } from '../../src/db/records.ts';
import { londonDate } from '../../src/domain/london.ts';
import { STARTER_SERVICES } from '../../src/domain/library/services.ts';
import { ALEX, freshDb, renderApp, stubNoNetwork } from './helpers.tsx';

// The first screen of a file loads its lazy route chunk; on a busy machine that takes more than a second.

afterEach(() => {
  vi.unstubAllGlobals();
});

async function card(name: string): Promise<HTMLElement> {
  const item = (await screen.findByRole('heading', { level: 2, name })).closest('li');
  if (!item) throw new Error(`no entry for ${name}`);
  return item;
}

const shownNames = () =>
  within(screen.getByRole('list', { name: 'Services' }))
    .getAllByRole('heading', { level: 2 })
    .map((heading) => heading.textContent);

describe('the signposting directory', { timeout: 20_000 }, () => {
  it('lists every shipped service with tap-to-call and the date it was last checked', async () => {
    stubNoNetwork();
    const { db } = await renderApp('/signposting', { user: ALEX });
    await screen.findByRole('heading', { level: 1, name: 'Signposting' });
    expect(await screen.findByText(`${STARTER_SERVICES.length} services`)).toBeInTheDocument();

    const breathingSpace = await card('Breathing Space');
    expect(within(breathingSpace).getByRole('link', { name: 'Call 0800 83 85 87 (Breathing Space)' })).toHaveAttribute(
      'href',
      'tel:+44800838587',
    );
    expect(within(breathingSpace).getByText('Check before use — last checked 23 Nov 2026')).toBeInTheDocument();
    expect(within(breathingSpace).getByRole('link', { name: 'Website: breathingspace.scot' })).toHaveAttribute(
      'href',
      'https://breathingspace.scot',
    );
    expect(
      within(await card('PANDAS Foundation text support')).getByRole('link', { name: /Text PANDAS to 85258/ }),
    ).toHaveAttribute('href', 'sms:85258?&body=PANDAS');
    expect(
      within(await card('Moray Children and Family Access Team (child protection)')).getByText(
        /Number not yet verified/,
      ),
    ).toBeVisible();
    expect(within(await card('Samaritans')).queryByText(/Number not yet verified/)).not.toBeInTheDocument();
    expect(await db.records('service').count()).toBe(0);
  });

  it('finds services by name, by what they offer and by place, in any order of words', async () => {
    stubNoNetwork();
    const db = freshDb();
    await saveRecord(db, 'service', 's1', {
      name: 'Lossie baby bank',
      offers: 'Nappies, clothes and prams, free',
      locality: 'Lossiemouth',
      checkedOn: '2026-11-01',
    });
    await renderApp('/signposting', { db, user: ALEX });
    const user = userEvent.setup();
    const search = await screen.findByRole('searchbox', { name: 'Search services' });

    await user.type(search, 'breathing');
    expect(shownNames()).toEqual(['Breathing Space']);
    await user.clear(search);
    await user.type(search, 'protection moray');
    expect(shownNames()).toEqual([
      'Moray Community Care Access Team (adult protection)',
      'Moray Children and Family Access Team (child protection)',
    ]);
    await user.clear(search);
    await user.type(search, 'LOSSIEMOUTH');
    expect(shownNames()).toEqual(['Lossie baby bank']);
    await user.clear(search);
    await user.type(search, 'nappies');
    expect(shownNames()).toEqual(['Lossie baby bank']);
    await user.clear(search);
    await user.type(search, 'zebra');
    expect(screen.getByText('No services match “zebra”.')).toBeInTheDocument();
  });

  it('is linked from Settings', async () => {
    stubNoNetwork();
    await renderApp('/settings', { user: ALEX });
    await userEvent.setup().click(await screen.findByRole('link', { name: 'Signposting directory' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Signposting' })).toBeInTheDocument();
  });
});

describe('adding a local service', { timeout: 20_000 }, () => {
  it('says what to fix as people type and when they try to save', async () => {
    stubNoNetwork();
    const { db } = await renderApp('/signposting/new', { user: ALEX });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'Add a local service' });
    expect(screen.getByLabelText(/Details last checked on/)).toHaveValue(
      londonDate(new Date()).split('-').reverse().join('/'),
    );

    await user.click(screen.getByRole('button', { name: 'Add service' }));
    expect(screen.getByLabelText('Name')).toHaveFocus();
    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('Error: Enter the name of the service.');

    await user.type(screen.getByLabelText(/Phone/), 'ring the hall');
    expect(screen.getByText('Enter a phone number like 01343 563999, 07700 900123 or 116 123.')).toBeVisible();
    await user.clear(screen.getByLabelText(/Phone/));
    expect(screen.queryByText(/Enter a phone number/)).not.toBeInTheDocument();

    await user.type(screen.getByLabelText(/Website/), 'not a site');
    expect(screen.getByText('Enter a web address like www.example.org.')).toBeVisible();

    const checked = screen.getByLabelText(/Details last checked on/);
    await user.clear(checked);
    await user.type(checked, '2999-01-01');
    expect(screen.getByText("The date you checked can't be in the future.")).toBeVisible();
    expect(await db.records('service').count()).toBe(0);
  });

  it('saves the service, which then shows in the directory with a call button', async () => {
    stubNoNetwork();
    const { db } = await renderApp('/signposting/new', { user: ALEX });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Name'), 'Elgin baby bank');
    await user.type(screen.getByLabelText(/Phone/), '01343 123456');
    await user.type(screen.getByLabelText(/Website/), 'www.example.org');
    await user.type(screen.getByLabelText(/Area/), 'Elgin');
    await user.click(screen.getByRole('button', { name: 'Add service' }));

    await screen.findByRole('heading', { level: 1, name: 'Signposting' });
    const entry = await card('Elgin baby bank');
    expect(within(entry).getByRole('link', { name: /Call 01343 123456/ })).toHaveAttribute('href', 'tel:+441343123456');
    expect(within(entry).getByRole('link', { name: 'Website: example.org' })).toHaveAttribute(
      'href',
      'https://www.example.org/',
    );
    expect(within(entry).getByText(/added by your organisation/)).toBeInTheDocument();
    const [saved] = await db.records('service').toArray();
    expect(saved).toMatchObject({ name: 'Elgin baby bank', locality: 'Elgin', checkedOn: londonDate(new Date()) });
  });

  it('corrects a shipped entry by saving a copy under its id, which replaces it', async () => {
    stubNoNetwork();
    const { db } = await renderApp('/signposting', { user: ALEX });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 2, name: 'Moray Children and Family Access Team (child protection)' });
    await user.click(
      within(await card('Moray Children and Family Access Team (child protection)')).getByRole('link', {
        name: /^Edit/,
      }),
    );
    await user.click(await screen.findByLabelText('Number not yet verified'));
    const checked = screen.getByLabelText(/Details last checked on/);
    await user.clear(checked);
    // A day already past at every moment npm run test:clock tries: the form refuses a check in the future.
    await user.type(checked, '2026-05-20');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    await screen.findByRole('heading', { level: 1, name: 'Signposting' });
    const entry = await card('Moray Children and Family Access Team (child protection)');
    expect(within(entry).queryByText(/Number not yet verified/)).not.toBeInTheDocument();
    expect(within(entry).getByText(/last checked 20 May 2026 · updated by your organisation/)).toBeInTheDocument();
    expect(shownNames()).toHaveLength(STARTER_SERVICES.length);
    expect(await getRecord(db, 'service', 'starter-moray-child-protection')).toMatchObject({
      needsChecking: false,
      checkedOn: '2026-05-20',
      phone: '01343 554370',
    });
  });
});
