// The pull's answer is checked in place on the device (parsePullResponse, isChange) rather than parsed by the
// protocol's schemas: the two must agree on every answer, good or bad.
import { describe, expect, it } from 'vitest';
import { changeSchema, isChange, parsePullResponse, pullResponseSchema, type Change } from '../../src/sync/protocol.ts';

const good: Change = {
  kind: 'note',
  id: 'n1',
  values: { body: 'Slept better this week', followUpDone: false, concern: null },
  versions: { body: '0001764583200000-0000-tablet01', followUpDone: '0001764583200000-0001-tablet01' },
};

const changes: [string, unknown][] = [
  ['a change', good],
  ['one with no fields', { kind: 'venue', id: 'v1', values: {}, versions: {} }],
  ['a kind of 40 characters', { ...good, kind: 'k'.repeat(40) }],
  ['a kind of 41', { ...good, kind: 'k'.repeat(41) }],
  ['an id of 200 characters', { ...good, id: 'i'.repeat(200) }],
  ['an id of 201', { ...good, id: 'i'.repeat(201) }],
  ['a version of 41 characters', { ...good, versions: { body: 'v'.repeat(41) } }],
  ['a version that is a number', { ...good, versions: { body: 12 } }],
  ['a version that is null', { ...good, versions: { body: null } }],
  ['values that are a list', { ...good, values: ['body'] }],
  ['values that are null', { ...good, values: null }],
  ['values that are a string', { ...good, values: 'body' }],
  ['versions that are a list', { ...good, versions: [] }],
  ['no values', { kind: good.kind, id: good.id, versions: good.versions }],
  ['no versions', { kind: good.kind, id: good.id, values: good.values }],
  ['a field the protocol does not name', { ...good, extra: 1 }],
  ['a kind that is a number', { ...good, kind: 7 }],
  ['an id that is missing', { kind: good.kind, values: good.values, versions: good.versions }],
  ['a list', [good]],
  ['null', null],
  ['a string', 'note'],
  [
    'values from JSON with a __proto__ key',
    JSON.parse('{"kind":"note","id":"n2","values":{"__proto__":{"x":1}},"versions":{}}'),
  ],
];

const page = (changes: unknown, rest: Record<string, unknown> = {}) => ({
  protocol: 1,
  serverTime: 1_764_583_200_000,
  epoch: 'e1',
  changes,
  purge: [],
  cursor: 'c1',
  more: true,
  remaining: 10,
  ...rest,
});

describe('a pulled change checked in place', () => {
  it.each(changes)('agrees with the schema on %s', (_name, value) => {
    expect(isChange(value)).toBe(changeSchema.safeParse(value).success);
  });

  it('takes the change as it came, without a copy', () => {
    const answer = page([good]);
    expect(parsePullResponse(answer)?.changes[0]).toBe(good);
  });
});

describe('a pull’s answer checked in place', () => {
  const answers: [string, unknown][] = [
    ['a page', page([good])],
    ['an empty last page', page([], { more: false, remaining: 0 })],
    ['one without the optional fields', { protocol: 1, serverTime: 1, changes: [good], cursor: 'c', more: false }],
    ['one with a bad change among good ones', page([good, { ...good, extra: true }, good])],
    ['another protocol', page([good], { protocol: 2 })],
    ['changes that are not a list', page({ 0: good })],
    ['no changes', { protocol: 1, serverTime: 1, cursor: 'c', more: false }],
    ['a purge that names no id', page([good], { purge: [{ kind: 'note' }] })],
    ['more that is a string', page([good], { more: 'yes' })],
    ['an epoch that is empty', page([good], { epoch: '' })],
    ['null', null],
    ['a list', [page([good])]],
  ];

  it.each(answers)('agrees with the schema on %s', (_name, value) => {
    const parsed = pullResponseSchema.safeParse(value);
    expect(parsePullResponse(value)).toEqual(parsed.success ? parsed.data : undefined);
  });
});
