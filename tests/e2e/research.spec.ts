// Peer research in Chromium: a coordinator designs a questionnaire with the network off and it syncs when back
// online; a parent answers it on the kiosk offline; another answers it by its public link in a second browser
// with no sign-in, which loses signal after opening the page and sends when it is back. Both answers reach the
// server and the results screen, where the count shows as "<5", and in the summary to print (no free text). Axe on
// the designer, the kiosk questionnaire, the public page, the results and the summary.
import { AccountPages, E2E_PIN } from './pages/AccountPages.ts';
import { KioskPage } from './pages/KioskPage.ts';
import { ShellPage } from './pages/ShellPage.ts';
import { pushSessionFromAnotherTablet, syncNow } from './pages/SyncPages.ts';
import { screenshot } from './screens.ts';
import { expect, expectAccessible, test, waitForServiceWorker } from './fixtures.ts';

const coordinator = {
  organisation: 'Mums Together Moray',
  name: 'Morag',
  email: 'morag@example.org',
  password: 'a long enough password',
};

const TITLE = 'How did you hear about us?';
const QUESTION = 'Where did you first hear of the group?';

interface Pulled {
  kind: string;
  id: string;
  values: Record<string, unknown>;
}

async function pulled(page: ShellPage['page'], kind: string): Promise<Pulled[]> {
  const pull = await page.request.get('/api/sync/pull?limit=1000');
  expect(pull.status()).toBe(200);
  return ((await pull.json()) as { changes: Pulled[] }).changes.filter((record) => record.kind === kind);
}

test('a questionnaire designed offline is answered on the kiosk and by its public link, and both answers count', async ({
  page,
  browser,
  server,
}) => {
  test.setTimeout(180_000);
  const shell = new ShellPage(page);
  await new AccountPages(page).setUp(coordinator);
  await waitForServiceWorker(page);
  await expect(page.getByText('Ready to work offline.')).toBeVisible();
  await page.getByRole('button', { name: 'Dismiss' }).click();

  // This morning's group, as another tablet would have put it on the server, for the kiosk to hang from.
  await pushSessionFromAnotherTablet(page, Date.now(), 'Elgin drop-in', 'elgin-drop-in');
  await syncNow(page);

  // No signal: the questionnaire is designed on the tablet.
  await page.context().setOffline(true);
  await shell.open('Settings');
  await page.getByRole('link', { name: 'Research questionnaires' }).click();
  await shell.expectHeading('Research');
  await page.getByRole('link', { name: 'New questionnaire' }).click();
  await shell.expectHeading('New questionnaire');
  await page.getByRole('button', { name: 'Save questionnaire' }).click();
  await expect(page.getByText('Please fix these before saving:')).toBeVisible();
  await page.getByLabel('Title').fill(TITLE);
  await page.getByLabel('Taking answers?').selectOption('open');
  await page.getByLabel('Kind of question to add').selectOption({ label: 'Short answer' });
  await page.getByRole('button', { name: 'Add question' }).click();
  await page.getByLabel('Question 1', { exact: true }).fill(QUESTION);
  await expectAccessible(page, 'designer');
  await screenshot(page, 'research-designer');
  await page.getByRole('button', { name: 'Save questionnaire' }).click();
  await shell.expectHeading(TITLE);
  await expect(page.getByText('Open to answers · version 1')).toBeVisible();

  // Back online: it reaches the server, with its public link.
  await page.context().setOffline(false);
  await syncNow(page);
  const questionnaires = await pulled(page, 'questionnaire');
  expect(questionnaires).toHaveLength(1);
  const questionnaire = questionnaires[0] as Pulled;
  expect(questionnaire.values).toMatchObject({ title: TITLE, status: 'open' });
  const linkId = questionnaire.values.linkId as string;
  expect(linkId).toEqual(expect.any(String));

  // The poster to print, with the link's QR code: a page of the server's, in a new tab.
  await page.goto(`/research/${questionnaire.id}`);
  await shell.expectHeading(TITLE);
  const [poster] = await Promise.all([
    page.context().waitForEvent('page'),
    page.getByRole('link', { name: /Poster with a QR code of the link/ }).click(),
  ]);
  await expect(poster.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(poster.getByRole('img', { name: `QR code: answer “${TITLE}”` })).toBeVisible();
  await expect(poster.getByText(`/answer/${linkId}`)).toBeVisible();
  await expectAccessible(poster, 'questionnaire poster');
  await screenshot(poster, 'research-poster');
  await poster.close();

  // A parent's own phone: no sign-in; the signal goes after the page has opened.
  const phone = await browser.newContext({ baseURL: server.url, viewport: { width: 390, height: 844 } });
  const parent = await phone.newPage();
  await parent.goto(`/answer/${linkId}`);
  await expect(parent.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await phone.setOffline(true);
  await parent.getByLabel(QUESTION).fill('A leaflet at the surgery');
  await expectAccessible(parent, 'public questionnaire page');
  await screenshot(parent, 'research-public-link');
  await parent.getByRole('button', { name: 'Send answers' }).click();
  await expect(
    parent.getByText('Your answers are saved on this phone and will be sent when you have signal.'),
  ).toBeVisible();
  await phone.setOffline(false);
  await expect(parent.getByText('Your answers have been sent.')).toBeVisible();
  expect(await phone.cookies()).toEqual([]);
  await phone.close();

  // The kiosk after the group, with no signal.
  await page.context().setOffline(true);
  await page.goto('/sessions/elgin-drop-in/feedback');
  await shell.expectHeading('Feedback kiosk');
  await page.getByRole('button', { name: `Hand over “${TITLE}”` }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await page.getByLabel(QUESTION).fill('My health visitor');
  await expectAccessible(page, 'kiosk questionnaire');
  await screenshot(page, 'research-kiosk');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Thank you' })).toBeVisible();
  await page.getByRole('button', { name: 'Next person' }).click();
  await new KioskPage(page).unlock(E2E_PIN);

  // Back online: both answers are on the server, and in the results on the tablet.
  await page.context().setOffline(false);
  await syncNow(page);
  const responses = await pulled(page, 'response');
  expect(responses.map((response) => response.values.how).sort()).toEqual(['kiosk', 'link']);
  for (const response of responses) expect(response.values.questionnaireId).toBe(questionnaire.id);

  await shell.open('Settings');
  await page.getByRole('link', { name: 'Research questionnaires' }).click();
  await page.getByRole('link', { name: TITLE }).click();
  await shell.expectHeading(TITLE);
  await expect(page.getByRole('status').filter({ hasText: 'answers.' })).toHaveText('<5 answers.');
  const written = page.getByRole('region', { name: `${QUESTION}: what people wrote` });
  await expect(written.getByRole('listitem')).toHaveCount(2);
  await expect(written.getByText('A leaflet at the surgery')).toBeVisible();
  await expect(written.getByText('My health visitor')).toBeVisible();
  await expectAccessible(page, 'results');
  await screenshot(page, 'research-results');

  // The summary to print, with the filters chosen: the figures under the same rules, and never what people wrote.
  await page.getByLabel('How answered', { exact: true }).selectOption({ label: 'On the kiosk' });
  await expect(page.getByRole('status').filter({ hasText: 'answers.' })).toHaveText('<5 answers.');
  await page.getByRole('link', { name: 'Print a summary' }).click();
  await shell.expectHeading(`Summary of answers: ${TITLE}`);
  await expect(page).toHaveURL(/\/summary\?how=kiosk$/);
  await expect(page.getByRole('definition').filter({ hasText: 'On the kiosk' })).toBeVisible();
  await expect(page.getByText('What people wrote in their own words is for the team only')).toBeVisible();
  await expect(page.getByText('Every question here is answered in people’s own words')).toBeVisible();
  await expect(page.getByText('My health visitor')).toHaveCount(0);
  await expect(page.getByText('A leaflet at the surgery')).toHaveCount(0);
  await expectAccessible(page, 'results summary');
  await screenshot(page, 'research-summary');
  // On paper: the summary alone, without the app's navigation or the print button.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: `Summary of answers: ${TITLE}` })).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
});
