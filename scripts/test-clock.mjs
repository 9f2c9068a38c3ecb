// Runs the Vitest tests at the awkward moments of a London day (TEST_NOW, read by tests/setup.ts): half past
// eleven at night, half past midnight, and either side of the nights the clocks go forward and back.
// `npm run test:clock -- tests/app` passes its arguments to Vitest; TEST_CLOCK_AT=<ISO> runs one moment only.
import { spawnSync } from 'node:child_process';

const MOMENTS = [
  ['23:30 GMT', '2026-12-01T23:30:00Z'],
  ['00:30 GMT', '2026-12-02T00:30:00Z'],
  ['23:30 BST', '2026-07-01T22:30:00Z'],
  ['00:30 BST', '2026-06-30T23:30:00Z'],
  ['00:30 GMT, half an hour before the clocks go forward', '2027-03-28T00:30:00Z'],
  ['23:30 BST, the evening after the clocks went forward', '2027-03-28T22:30:00Z'],
  ['01:30 BST, the first of two half past ones as the clocks go back', '2026-10-25T00:30:00Z'],
  ['23:30 BST, the night before the clocks go back', '2026-10-24T22:30:00Z'],
];

const only = process.env.TEST_CLOCK_AT;
const moments = only ? [[only, only]] : MOMENTS;
const failed = [];
for (const [label, at] of moments) {
  console.log(`\n── Tests at ${label} (TEST_NOW=${at}) ──`);
  const run = spawnSync('npx', ['vitest', 'run', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, TEST_NOW: at },
  });
  if (run.status !== 0) failed.push(label);
}
if (failed.length > 0) {
  console.error(`\nFailed at: ${failed.join('; ')}`);
  process.exit(1);
}
console.log(`\nPassed at all ${moments.length} moments.`);
