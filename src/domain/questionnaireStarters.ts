// Two questionnaires to start from, in Coorie's own plain words: "what would help you", on the themes of the
// Moray peer research (how parents hear of support, what gets in the way, what peer support could help with,
// how they would like it), and an end-of-course feedback form. No licensed or clinical instrument is here.
import type { Question } from './questionnaire.ts';

export interface StarterQuestionnaire {
  key: string;
  title: string;
  about: string;
  questions: Question[];
}

const ABOUT =
  'This questionnaire is run by our peer support team. You do not give your name, and nobody can tell which ' +
  'answers are yours. We use the answers, added together with everyone else’s, to plan groups and to tell ' +
  'funders what parents need. We never publish a number smaller than five. You can skip any question.';

const options = (...labels: [string, string][]) => labels.map(([id, label]) => ({ id, label }));

const WHAT_WOULD_HELP: Question[] = [
  { id: 'found-heading', type: 'heading', text: 'Finding support' },
  {
    id: 'heard',
    type: 'multiple',
    text: 'Where have you heard about support for parents? Choose any.',
    options: options(
      ['social', 'Social media'],
      ['search', 'Searching online'],
      ['hv', 'Health visitor'],
      ['midwife', 'Midwife'],
      ['gp', 'GP'],
      ['group', 'A baby group'],
      ['friend', 'A friend or family'],
    ),
    other: true,
  },
  {
    id: 'enough',
    type: 'single',
    text: 'Is there enough support near you for parents’ mental health and wellbeing?',
    options: options(['none', 'None that I know of'], ['some', 'Some, but not enough'], ['enough', 'Yes, enough']),
  },
  { id: 'challenges-heading', type: 'heading', text: 'How you have been' },
  {
    id: 'hard-pregnancy',
    type: 'yesno',
    text: 'Did you find anything hard about your wellbeing in pregnancy?',
  },
  {
    id: 'help-with',
    type: 'multiple',
    text: 'What could talking to other parents help you with? Choose any.',
    options: options(
      ['anxiety', 'Worry or anxiety'],
      ['mood', 'Low mood'],
      ['confidence', 'Confidence'],
      ['esteem', 'How I feel about myself'],
      ['lonely', 'Feeling lonely'],
      ['partner', 'Getting on with my partner'],
      ['friends', 'Keeping in touch with friends'],
      ['identity', 'Who I am now I am a parent'],
    ),
    other: true,
  },
  { id: 'how-heading', type: 'heading', text: 'What would suit you' },
  {
    id: 'format',
    type: 'single',
    text: 'How would you most like to meet?',
    options: options(
      ['dropin', 'A drop-in group, with my baby'],
      ['course', 'A group that meets for a few weeks'],
      ['one', 'One to one, in person'],
      ['phone', 'By phone or video'],
    ),
    other: true,
  },
  {
    id: 'barriers',
    type: 'multiple',
    text: 'What might make it hard to come? Choose any.',
    options: options(
      ['transport', 'Getting there'],
      ['childcare', 'Childcare for older children'],
      ['seen', 'Worry about being seen or known'],
      ['time', 'The day or time'],
      ['nervous', 'Feeling nervous about coming on my own'],
    ),
    other: true,
  },
  {
    id: 'tried',
    type: 'yesno',
    text: 'Have you been to one of our groups?',
    skip: [{ when: 'no', to: 'anything-else' }],
  },
  {
    id: 'welcome',
    type: 'scale',
    scale: '1-5',
    text: 'How welcome did you feel?',
    lowLabel: 'Not at all',
    highLabel: 'Very',
  },
  {
    id: 'anything-else',
    type: 'longText',
    text: 'Is there anything else that would help you? Please leave out names.',
  },
];

const END_OF_COURSE: Question[] = [
  {
    id: 'explain',
    type: 'explanation',
    text: 'Thank you for coming to the course. These questions take about two minutes.',
  },
  { id: 'sessions', type: 'number', text: 'How many of the sessions did you come to?', min: 0, max: 20 },
  {
    id: 'overall',
    type: 'scale',
    scale: '0-10',
    text: 'Overall, how helpful was the course for you?',
    lowLabel: 'Not at all',
    highLabel: 'Very',
    required: true,
  },
  {
    id: 'better',
    type: 'multiple',
    text: 'Since starting the course, do you feel better about any of these? Choose any.',
    options: options(
      ['confidence', 'My confidence as a parent'],
      ['lonely', 'Feeling less alone'],
      ['worry', 'Worry or anxiety'],
      ['bond', 'Time with my baby'],
      ['support', 'Knowing where to get help'],
    ),
  },
  {
    id: 'childcare-used',
    type: 'yesno',
    text: 'Did you use the childcare?',
    skip: [{ when: 'no', to: 'recommend' }],
  },
  { id: 'childcare-ok', type: 'scale', scale: '1-5', text: 'How happy were you with the childcare?' },
  { id: 'recommend', type: 'yesno', text: 'Would you tell a friend about the course?', required: true },
  { id: 'best', type: 'shortText', text: 'What was the best part?' },
  { id: 'change', type: 'longText', text: 'What could we do better? Please leave out names.' },
];

export const STARTER_QUESTIONNAIRES: readonly StarterQuestionnaire[] = [
  { key: 'what-would-help', title: 'What would help you?', about: ABOUT, questions: WHAT_WOULD_HELP },
  { key: 'end-of-course', title: 'End of course feedback', about: ABOUT, questions: END_OF_COURSE },
];
