// The research screens: designing a questionnaire offline (questions, order, skip rules, preview), a new version
// once answers exist, and results that keep small numbers back.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getRecord, listRecords, saveRecord } from '../../src/db/records.ts';
import { ALEX, freshDb, json, renderApp, stubNoNetwork, stubServer } from './helpers.tsx';

const WAIT = { timeout: 5000 };
const AT = '2026-11-24T10:00:00Z';

afterEach(() => {
  vi.unstubAllGlobals();
});

const QUESTIONS = [
  { id: 'came', type: 'yesno', text: 'Have you been to a group?', required: true, skip: [{ when: 'no', to: 'why' }] },
  { id: 'liked', type: 'shortText', text: 'What did you like?' },
  {
    id: 'why',
    type: 'single',
    text: 'What gets in the way?',
    options: [
      { id: 'car', label: 'Transport' },
      { id: 'kids', label: 'Childcare' },
    ],
  },
];

async function seedQuestionnaire(db = freshDb()) {
  await saveRecord(db, 'questionnaire', 'qn1', {
    title: 'What would help you?',
    about: 'Run by Moray Peers.',
    status: 'open',
    linkId: 'abcdefghijklmnopqrstuv',
    versions: [{ number: 1, createdAt: AT, questions: QUESTIONS }],
  });
  return db;
}

describe('the questionnaire designer', { timeout: 60_000 }, () => {
  it('builds a questionnaire offline: questions, order, a skip rule, a preview, and says what to fix', async () => {
    stubNoNetwork();
    const { db, router } = await renderApp('/research/new', { user: ALEX });
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'New questionnaire' });

    await user.click(screen.getByRole('button', { name: 'Save questionnaire' }));
    const problems = await screen.findByRole('alert');
    expect(problems).toHaveTextContent('Give the questionnaire a title.');

    await user.type(screen.getByLabelText('Title'), 'After the group');
    await user.selectOptions(screen.getByLabelText('Kind of question to add'), 'yesno');
    await user.click(screen.getByRole('button', { name: 'Add question' }));
    await user.selectOptions(screen.getByLabelText('Kind of question to add'), 'shortText');
    await user.click(screen.getByRole('button', { name: 'Add question' }));
    await user.selectOptions(screen.getByLabelText('Kind of question to add'), 'single');
    await user.click(screen.getByRole('button', { name: 'Add question' }));
    await user.type(screen.getByLabelText('Question 1'), 'Did you come by bus?');
    await user.type(screen.getByLabelText('Question 2'), 'Which bus?');
    await user.type(screen.getByLabelText('Question 3'), 'How was it?');
    await user.type(screen.getByLabelText(/Answers to choose from.*question 3/), 'Good{Enter}Not good');
    await user.click(screen.getByLabelText(/Answer required for question 1/));
    // "No" skips the bus question.
    await user.selectOptions(screen.getByLabelText(/answer is “No”, go to/), 'Question 3: How was it?');
    // Moved down and back up: the order stays.
    await user.click(screen.getByRole('button', { name: 'Move down question 2' }));
    await user.click(screen.getByRole('button', { name: 'Move up question 3' }));

    await user.click(screen.getByRole('button', { name: 'Preview as a parent sees it' }));
    const preview = screen.getByRole('region', { name: 'Preview: After the group' });
    expect(within(preview).getByText('Which bus? (optional)')).toBeInTheDocument();
    await user.click(within(preview).getByLabelText('No'));
    expect(within(preview).queryByText('Which bus? (optional)')).not.toBeInTheDocument();
    expect(within(preview).getByText('How was it? (optional)')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save questionnaire' }));
    await vi.waitFor(() => expect(router.state.location.pathname).toMatch(/^\/research\/[^/]+$/), WAIT);
    const [saved] = await listRecords(db, 'questionnaire');
    expect(saved).toMatchObject({ title: 'After the group', status: 'draft' });
    const questions = saved?.versions?.[0]?.questions ?? [];
    expect(questions.map((question) => question.text)).toEqual(['Did you come by bus?', 'Which bus?', 'How was it?']);
    expect(questions[0]).toMatchObject({ required: true, skip: [{ when: 'no', to: questions[2]?.id }] });
    expect(questions[2]?.options?.map((option) => option.label)).toEqual(['Good', 'Not good']);
  });

  it('sets the link cap, a number’s range, a scale’s end words and help text, says what to fix, and previews them', async () => {
    stubNoNetwork();
    const { db, router } = await renderApp('/research/new', { user: ALEX });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Title'), 'Our groups');
    expect(screen.getByLabelText('Most answers to take by link')).toHaveValue('1000');
    await user.selectOptions(screen.getByLabelText('Kind of question to add'), 'number');
    await user.click(screen.getByRole('button', { name: 'Add question' }));
    await user.selectOptions(screen.getByLabelText('Kind of question to add'), 'scale');
    await user.click(screen.getByRole('button', { name: 'Add question' }));
    await user.type(screen.getByLabelText('Question 1'), 'How many groups have you been to?');
    await user.type(screen.getByLabelText('Question 2'), 'How welcome did you feel?');
    await user.type(screen.getByLabelText('Smallest number allowed (optional) for question 1'), '10');
    await user.type(screen.getByLabelText('Largest number allowed (optional) for question 1'), '2');
    const cap = screen.getByLabelText('Most answers to take by link');
    await user.clear(cap);
    await user.type(cap, '20000');

    await user.click(screen.getByRole('button', { name: 'Save questionnaire' }));
    const problems = await screen.findByRole('alert');
    expect(problems).toHaveTextContent('The most answers by link must be a whole number from 1 to 10,000.');
    expect(problems).toHaveTextContent(
      'Question 1 (“How many groups have you been to?”): the smallest number allowed is above the largest.',
    );
    expect(router.state.location.pathname).toBe('/research/new');

    const smallest = screen.getByLabelText('Smallest number allowed (optional) for question 1');
    await user.clear(smallest);
    await user.type(smallest, 'none');
    await user.click(screen.getByRole('button', { name: 'Save questionnaire' }));
    // The designer's list of problems is always in the page: wait for these words, not for the list.
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        'the smallest number allowed must be a whole number from -1,000,000 to 1,000,000.',
      ),
    );
    await user.clear(smallest);
    await user.type(smallest, '0');
    await user.clear(cap);
    await user.type(cap, '250');
    await user.type(screen.getByLabelText('Help text (optional) for question 1'), 'Count any Coorie group.');
    await user.type(screen.getByLabelText('Words for the lowest point (optional) of question 2'), 'Not at all');
    await user.type(screen.getByLabelText('Words for the highest point (optional) of question 2'), 'Very');

    await user.click(screen.getByRole('button', { name: 'Preview as a parent sees it' }));
    const preview = screen.getByRole('region', { name: 'Preview: Our groups' });
    const groups = within(preview).getByLabelText('How many groups have you been to? (optional)');
    expect(groups).toHaveAccessibleDescription('Count any Coorie group. A whole number from 0 to 2.');
    expect(
      within(preview).getByRole('group', { name: 'How welcome did you feel? (optional)' }),
    ).toHaveAccessibleDescription('1 is Not at all, 5 is Very.');

    await user.click(screen.getByRole('button', { name: 'Save questionnaire' }));
    await vi.waitFor(() => expect(router.state.location.pathname).toMatch(/^\/research\/[^/]+$/), WAIT);
    const [saved] = await listRecords(db, 'questionnaire');
    expect(saved?.linkCap).toBe(250);
    expect(saved?.versions?.[0]?.questions).toMatchObject([
      { type: 'number', min: 0, max: 2, help: 'Count any Coorie group.' },
      { type: 'scale', lowLabel: 'Not at all', highLabel: 'Very' },
    ]);
  });

  it('starts from a starter questionnaire', async () => {
    stubNoNetwork();
    await renderApp('/research', { user: ALEX });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('link', { name: 'End of course feedback' }));
    expect(await screen.findByLabelText('Title')).toHaveValue('End of course feedback');
    expect(screen.getByLabelText('Question 2')).toHaveValue('How many of the sessions did you come to?');
  });

  it('makes a new version once the newest has answers, and the answers keep their wording', async () => {
    stubNoNetwork();
    const db = await seedQuestionnaire();
    await saveRecord(db, 'response', 'r1', {
      questionnaireId: 'qn1',
      version: 1,
      how: 'kiosk',
      answers: { came: true },
    });
    const { router } = await renderApp('/research/qn1/edit', { db, user: ALEX });
    const user = userEvent.setup();
    expect(await screen.findByText(/Version 1 already has answers/)).toBeInTheDocument();
    const wording = screen.getByLabelText('Question 1');
    await user.clear(wording);
    await user.type(wording, 'Have you come to a group yet?');
    await user.click(screen.getByRole('button', { name: 'Save questionnaire' }));
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/research/qn1'), WAIT);
    const saved = await getRecord(db, 'questionnaire', 'qn1');
    expect(saved?.versions?.map((version) => version.questions[0]?.text)).toEqual([
      'Have you been to a group?',
      'Have you come to a group yet?',
    ]);
  });
});

describe('who may design', { timeout: 30_000 }, () => {
  const MORAG = { ...ALEX, id: 'u2', name: 'Morag', email: 'morag@example.org', role: 'facilitator' as const };
  const NEEDS = 'Designing questionnaires needs the peer researcher permission: ask a coordinator.';

  it('tells a member without the peer researcher mark to ask a coordinator, instead of the designer', async () => {
    stubNoNetwork();
    const db = await seedQuestionnaire();
    const { router } = await renderApp('/research/new', { db, user: MORAG });
    expect(await screen.findByText(NEEDS)).toBeInTheDocument();
    expect(screen.queryByLabelText('Title')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save questionnaire' })).not.toBeInTheDocument();
    await router.navigate('/research/qn1/edit');
    expect(await screen.findByText(NEEDS)).toBeInTheDocument();
    expect(screen.queryByLabelText('Question 1')).not.toBeInTheDocument();
  });

  it('offers no “New questionnaire” or “Edit questions” to a member who may not design; results stay', async () => {
    stubNoNetwork();
    const db = await seedQuestionnaire();
    const { router } = await renderApp('/research', { db, user: MORAG });
    expect(await screen.findByText(NEEDS)).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'New questionnaire' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'End of course feedback' })).not.toBeInTheDocument();
    await router.navigate('/research/qn1');
    expect(await screen.findByRole('heading', { level: 1, name: 'What would help you?' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Edit questions' })).not.toBeInTheDocument();
  });

  it('opens the designer to a peer researcher, and learns of the mark when Coorie comes back on screen', async () => {
    let marked = false;
    const calls = stubServer({ 'GET /api/me': () => json(200, { user: { ...MORAG, peerResearcher: marked } }) });
    const db = await seedQuestionnaire();
    await renderApp('/research/qn1/edit', { db, user: MORAG });
    expect(await screen.findByText(NEEDS)).toBeInTheDocument();
    await vi.waitFor(() => expect(calls.filter((call) => call.route === 'GET /api/me')).toHaveLength(1), WAIT);
    // A coordinator marks Morag as a peer researcher; her tablet hears of it when she comes back to Coorie.
    marked = true;
    document.dispatchEvent(new Event('visibilitychange'));
    expect(await screen.findByLabelText('Question 1', {}, WAIT)).toHaveValue('Have you been to a group?');
    expect(screen.queryByText(NEEDS)).not.toBeInTheDocument();
  });
});

describe('questionnaire results', { timeout: 30_000 }, () => {
  it('shows counts with small numbers kept back, the link, and free text for the team only', async () => {
    stubNoNetwork();
    const db = await seedQuestionnaire();
    const answers = [
      ...Array.from({ length: 9 }, () => ({ came: true, liked: 'The tea' })),
      ...Array.from({ length: 2 }, () => ({ came: false, why: 'car' })),
    ];
    for (const [index, given] of answers.entries()) {
      await saveRecord(db, 'response', `r${index}`, {
        questionnaireId: 'qn1',
        version: 1,
        how: 'kiosk',
        answeredOn: '2026-11-24',
        answers: given,
      });
    }
    await renderApp('/research/qn1', { db, user: ALEX });
    const figure = await screen.findByRole('region', { name: 'Have you been to a group?' }, WAIT);
    const rows = within(figure)
      .getAllByRole('row')
      .map((row) => row.textContent);
    expect(rows).toEqual(['AnswerPeopleShare', 'Yeshiddenhidden', 'No<5<5']);
    expect(screen.getByText('11 answers.')).toBeInTheDocument();
    expect(screen.getByText(/abcdefghijklmnopqrstuv/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Poster with a QR code of the link/ })).toHaveAttribute(
      'href',
      '/q/abcdefghijklmnopqrstuv/poster',
    );
    const texts = screen.getByRole('region', { name: 'What did you like?: what people wrote' });
    expect(within(texts).getAllByText('The tea')).toHaveLength(9);
    expect(within(texts).getByText(/For the team only/)).toBeInTheDocument();

    await userEvent.setup().selectOptions(screen.getByLabelText('How answered'), 'link');
    expect(await screen.findByText('No answers yet for these filters.')).toBeInTheDocument();
  });
});

describe('filtering results and printing a summary', { timeout: 30_000 }, () => {
  async function seedAnswers() {
    const db = await seedQuestionnaire();
    await saveRecord(db, 'venue', 'v-buckie', { name: 'Buckie Centre' });
    await saveRecord(db, 'venue', 'v-elgin', { name: 'Elgin Hall' });
    await saveRecord(db, 'session', 's-buckie', { title: 'Buckie drop-in', startsAt: AT, venueId: 'v-buckie' });
    await saveRecord(db, 'session', 's-elgin', { title: 'Elgin group', startsAt: AT, venueId: 'v-elgin' });
    const answers = [
      // Buckie: 7 yes and 6 no; Elgin: 6 yes, 2 of whom wrote something.
      ...Array.from({ length: 7 }, () => ({ sessionId: 's-buckie', given: { came: true } })),
      ...Array.from({ length: 6 }, () => ({ sessionId: 's-buckie', given: { came: false, why: 'car' } })),
      ...Array.from({ length: 6 }, (_, index) => ({
        sessionId: 's-elgin',
        given: index < 2 ? { came: true, liked: 'The tea' } : { came: true },
      })),
    ];
    for (const [index, { sessionId, given }] of answers.entries()) {
      await saveRecord(db, 'response', `r${index}`, {
        questionnaireId: 'qn1',
        version: 1,
        how: 'kiosk',
        answeredOn: '2026-11-24',
        sessionId,
        answers: given,
      });
    }
    return db;
  }

  const rowsOf = (region: HTMLElement) =>
    within(region)
      .getAllByRole('row')
      .map((row) => row.textContent);

  it('counts only the answers given at the venue chosen', async () => {
    stubNoNetwork();
    const db = await seedAnswers();
    await renderApp('/research/qn1', { db, user: ALEX });
    const user = userEvent.setup();
    const figure = await screen.findByRole('region', { name: 'Have you been to a group?' }, WAIT);
    expect(rowsOf(figure)).toEqual(['AnswerPeopleShare', 'Yes1368%', 'No632%']);
    expect(screen.getByText('19 answers.')).toBeInTheDocument();

    const venue = screen.getByLabelText('Venue');
    expect(
      within(venue)
        .getAllByRole('option')
        .map((option) => option.textContent),
    ).toEqual(['All venues', 'Buckie Centre', 'Elgin Hall']);
    await user.selectOptions(venue, 'Buckie Centre');
    expect(await screen.findByText('13 answers.')).toBeInTheDocument();
    expect(rowsOf(screen.getByRole('region', { name: 'Have you been to a group?' }))).toEqual([
      'AnswerPeopleShare',
      'Yes754%',
      'No646%',
    ]);
    await user.selectOptions(venue, 'Elgin Hall');
    expect(await screen.findByText('6 answers.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'What gets in the way?' })).toBeInTheDocument();
    expect(rowsOf(screen.getByRole('region', { name: 'Have you been to a group?' }))).toEqual([
      'AnswerPeopleShare',
      'Yes6100%',
      'No00%',
    ]);
  });

  it('says what to fix when a date is not real or “To” is before “From”, and holds the figures back till then', async () => {
    stubNoNetwork();
    const db = await seedAnswers();
    await renderApp('/research/qn1', { db, user: ALEX });
    const user = userEvent.setup();
    await screen.findByText('19 answers.', undefined, WAIT);
    await user.type(screen.getByLabelText('From'), '31/02/2026');
    expect(await screen.findByText('Enter the first day as a real date, like 01/04/2026.')).toBeInTheDocument();
    expect(screen.getByLabelText('From')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Put the dates right above and the figures will show.')).toHaveAttribute('role', 'status');
    expect(screen.queryByRole('region', { name: 'Have you been to a group?' })).not.toBeInTheDocument();

    await user.clear(screen.getByLabelText('From'));
    await user.type(screen.getByLabelText('From'), '25/11/2026');
    await user.type(screen.getByLabelText('To'), '24/11/2026');
    expect(await screen.findByText('The last day must be the same as or after the first day.')).toBeInTheDocument();
    expect(screen.queryByText('No answers yet for these filters.')).not.toBeInTheDocument();

    await user.clear(screen.getByLabelText('From'));
    await user.type(screen.getByLabelText('From'), '24/11/2026');
    expect(await screen.findByText('19 answers.')).toBeInTheDocument();
    expect(screen.queryByText(/The last day must be/)).not.toBeInTheDocument();
  });

  it('prints a summary with the filters used, small numbers kept back and nothing that people wrote', async () => {
    stubNoNetwork();
    const db = await seedAnswers();
    const { router } = await renderApp('/research/qn1?venue=v-elgin&from=2026-11-01&to=2026-11-30', {
      db,
      user: ALEX,
    });
    const user = userEvent.setup();
    await screen.findByText('6 answers.', undefined, WAIT);
    expect(screen.getByRole('region', { name: 'What did you like?: what people wrote' })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Print a summary' }));
    await screen.findByRole('heading', { level: 1, name: 'Summary of answers: What would help you?' }, WAIT);
    expect(router.state.location.pathname).toBe('/research/qn1/summary');

    const facts = Object.fromEntries(
      within(screen.getByRole('heading', { name: 'Filters used' }).nextElementSibling as HTMLElement)
        .getAllByRole('term')
        .map((term) => [term.textContent, term.nextElementSibling?.textContent]),
    );
    expect(facts).toEqual({
      Dates: '1 Nov 2026 to 30 Nov 2026',
      Version: 'Version 1',
      Venue: 'Elgin Hall',
      'How answered': 'Every way',
    });
    expect(rowsOf(screen.getByRole('region', { name: 'Have you been to a group?' }))).toEqual([
      'AnswerPeopleShare',
      'Yes6100%',
      'No00%',
    ]);
    // Two wrote something: neither the words nor a heading for them is printed.
    expect(screen.queryByText('The tea')).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /what people wrote/ })).not.toBeInTheDocument();
    expect(screen.getByText('One question answered in people’s own words is left out.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Print or save as PDF' })).toBeInTheDocument();

    // Every venue, only the kiosk: the filters said in words follow the address.
    await router.navigate('/research/qn1/summary?how=kiosk');
    await screen.findByText('On the kiosk', undefined, WAIT);
    expect(rowsOf(screen.getByRole('region', { name: 'Have you been to a group?' }))).toEqual([
      'AnswerPeopleShare',
      'Yes1368%',
      'No632%',
    ]);
    expect(screen.getByText('19')).toBeInTheDocument();
  });

  it('keeps a small count back in the summary as on the screen', async () => {
    stubNoNetwork();
    const db = await seedQuestionnaire();
    const answers = [
      ...Array.from({ length: 9 }, () => ({ came: true })),
      ...Array.from({ length: 2 }, () => ({ came: false })),
    ];
    for (const [index, given] of answers.entries()) {
      await saveRecord(db, 'response', `r${index}`, {
        questionnaireId: 'qn1',
        version: 1,
        how: 'link',
        answeredOn: '2026-11-24',
        answers: given,
      });
    }
    await renderApp('/research/qn1/summary', { db, user: ALEX });
    const figure = await screen.findByRole('region', { name: 'Have you been to a group?' }, WAIT);
    expect(rowsOf(figure)).toEqual(['AnswerPeopleShare', 'Yeshiddenhidden', 'No<5<5']);
    expect(screen.getByText('Every date')).toBeInTheDocument();
    expect(screen.getByText('11')).toBeInTheDocument();
  });
});

describe('a questionnaire that is not open', { timeout: 30_000 }, () => {
  it('offers no public link and no poster', async () => {
    stubNoNetwork();
    const db = await seedQuestionnaire();
    await saveRecord(db, 'questionnaire', 'qn1', { status: 'draft' });
    await renderApp('/research/qn1', { db, user: ALEX });
    await screen.findByText(/Draft · version 1/, undefined, WAIT);
    expect(screen.queryByText(/abcdefghijklmnopqrstuv/)).toBeNull();
    expect(screen.queryByRole('link', { name: /Poster with a QR code/ })).toBeNull();
  });
});

describe('a questionnaire on the kiosk', { timeout: 30_000 }, () => {
  it('is answered offline, anonymously, behind the kiosk lock, with what to fix shown beside the question', async () => {
    stubNoNetwork();
    const db = await seedQuestionnaire();
    await saveRecord(db, 'session', 's1', { title: 'Bumps and babies', startsAt: AT });
    const { router } = await renderApp('/sessions/s1/feedback', { db, user: ALEX });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Hand over “What would help you?”' }, WAIT));
    await screen.findByRole('heading', { level: 1, name: 'What would help you?' }, WAIT);
    expect(screen.queryByRole('navigation', { name: 'Sections' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByText('Choose an answer.')).toBeInTheDocument();
    await user.click(screen.getByLabelText('No'));
    // "No" skips "What did you like?".
    expect(screen.queryByLabelText(/What did you like/)).not.toBeInTheDocument();
    await user.click(screen.getByLabelText('Transport'));
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(await screen.findByRole('heading', { name: 'Thank you' })).toBeInTheDocument();

    const [response] = await listRecords(db, 'response');
    expect(response).toMatchObject({
      questionnaireId: 'qn1',
      version: 1,
      how: 'kiosk',
      sessionId: 's1',
      answers: { came: false, why: 'car' },
    });
    expect(response?.attendeeId).toBeUndefined();
    await router.navigate('/people');
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/kiosk'), WAIT);
  });
});

describe('the public questionnaire page', { timeout: 30_000 }, () => {
  it('says who runs it, keeps answers on the phone while offline, and sends them with no cookie when online', async () => {
    localStorage.clear();
    const questionnaire = {
      title: 'What would help you?',
      about: 'Run by Moray Peers.',
      version: 1,
      questions: [
        ...QUESTIONS,
        { id: 'kids', type: 'number', text: 'How many children?', help: 'Count all ages.', max: 12 },
      ],
    };
    stubServer({ 'GET /api/public/questionnaires/L1': () => json(200, { questionnaire }) });
    await renderApp('/answer/L1');
    const user = userEvent.setup();
    await screen.findByRole('heading', { level: 1, name: 'What would help you?' }, WAIT);
    expect(screen.getByText('Run by Moray Peers.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send answers' }));
    expect(await screen.findByText('Choose an answer.')).toBeInTheDocument();
    await user.click(screen.getByLabelText('Yes'));
    await user.type(screen.getByLabelText(/What did you like/), 'The tea');
    // The designer's help and range are shown with the question, and the range is held to.
    const children = screen.getByLabelText('How many children? (optional)');
    expect(children).toHaveAccessibleDescription('Count all ages. A whole number, 12 or less.');
    await user.type(children, '13');
    await user.click(screen.getByRole('button', { name: 'Send answers' }));
    expect(await screen.findByText('Type a number no more than 12.')).toBeInTheDocument();
    await user.clear(children);
    await user.type(children, '2');

    stubNoNetwork();
    await user.click(screen.getByRole('button', { name: 'Send answers' }));
    expect(await screen.findByText(/saved on this phone and will be sent when you have signal/)).toBeInTheDocument();

    const calls = stubServer({ 'POST /api/public/questionnaires/L1/responses': () => json(200, { status: 'saved' }) });
    window.dispatchEvent(new Event('online'));
    expect(await screen.findByText('Your answers have been sent.', undefined, WAIT)).toBeInTheDocument();
    expect(calls[0]?.body).toMatchObject({ version: 1, answers: { came: true, liked: 'The tea', kids: 2 } });
    const fetchStub = vi.mocked(fetch);
    expect(fetchStub.mock.calls[0]?.[1]).toMatchObject({ credentials: 'omit' });
  });
});

describe('research questions during a visit', { timeout: 30_000 }, () => {
  it('opens from the parent’s page', async () => {
    stubNoNetwork();
    const db = await seedQuestionnaire();
    await saveRecord(db, 'attendee', 'a1', { displayName: 'Kirsty' });
    const { router } = await renderApp('/people/a1', { db, user: ALEX });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('link', { name: 'Answer a questionnaire with them' }, WAIT));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Research questions with Kirsty' }, WAIT),
    ).toBeVisible();
    expect(router.state.location.pathname).toBe('/people/a1/research');
  });

  it('keeps the answers with the parent only when they consent', async () => {
    stubNoNetwork();
    const db = await seedQuestionnaire();
    await saveRecord(db, 'attendee', 'a1', { displayName: 'Kirsty' });
    const { router } = await renderApp('/people/a1/research', { db, user: ALEX });
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByLabelText('Questionnaire', undefined, WAIT), 'What would help you?');
    await user.click(screen.getByLabelText(/Kirsty agreed/));
    await user.click(screen.getByLabelText('Yes'));
    await user.click(screen.getByRole('button', { name: 'Save answers' }));
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/people/a1'), WAIT);
    const [response] = await listRecords(db, 'response');
    expect(response).toMatchObject({ how: 'visit', attendeeId: 'a1', consent: true, answers: { came: true } });
  });
});
