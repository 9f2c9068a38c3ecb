// Small-number suppression: the one place every report, chart, CSV and summary shows numbers through.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chartPeople, showAverage, showPeople, showShare } from '../../src/domain/reports/suppress.ts';
import {
  cellText,
  chartValue,
  columnSums,
  keepBack,
  showMinutes,
  shownText,
  shownValue,
  toCsv,
  type ReportTable,
} from '../../src/domain/reports/table.ts';

describe('small-number suppression', () => {
  it('shows counts of one to four people as "<5", and nobody as 0', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 120].map(showPeople)).toEqual(['0', '<5', '<5', '<5', '<5', '5', '6', '120']);
  });

  it('hides a share when either side is a small number of people', () => {
    expect(showShare(2, 20)).toBe('<5'); // 10% of 20 would give the 2 away
    expect(showShare(3, 3)).toBe('<5');
    expect(showShare(5, 20)).toBe('25%');
    expect(showShare(0, 20)).toBe('0%');
    expect(showShare(0, 0)).toBe('–');
  });

  it('hides an average of fewer than five people’s answers', () => {
    expect(showAverage(6.25, 4)).toBe('<5');
    expect(showAverage(6.25, 5)).toBe('6.3');
    expect(showAverage(undefined, 0)).toBe('–');
  });

  it('draws no bar for a small count of people, but counts of sessions as they are', () => {
    expect([0, 3, 7].map(chartPeople)).toEqual([0, null, 7]);
    expect(chartValue({ key: 'n', label: 'Parents', kind: 'people' }, 4)).toBeNull();
    expect(chartValue({ key: 'n', label: 'Sessions', kind: 'count' }, 4)).toBe(4);
    expect(cellText({ key: 'n', label: 'Sessions', kind: 'count' }, 4)).toBe('4');
    expect(cellText({ key: 'n', label: 'Parents', kind: 'people' }, 4)).toBe('<5');
  });

  it('says how long something took in words', () => {
    expect([45, 60, 200, 1440, 2175, 4320].map(showMinutes)).toEqual([
      '45 min',
      '1 h',
      '3 h 20 min',
      '1 day',
      '1 day 12 h',
      '3 days',
    ]);
  });
});

/** Parents by locality, with a share of all parents: the column adds up to the parents reached, shown elsewhere. */
function byLocality(parents: number[]): ReportTable {
  const total = parents.reduce((sum, count) => sum + count, 0);
  return {
    id: 'by-locality',
    title: 'Where parents live',
    columns: [
      { key: 'locality', label: 'Locality', kind: 'label' },
      { key: 'parents', label: 'Parents', kind: 'people' },
      { key: 'share', label: 'Share', kind: 'share' },
    ],
    rows: parents.map((count, index) => ({
      locality: `Place ${index + 1}`,
      parents: count,
      share: { part: count, whole: total },
    })),
  };
}

const column = (table: ReportTable, key: string) => table.columns.find((each) => each.key === key)!;
const parentsShown = (table: ReportTable) =>
  table.rows.map((_, row) => shownText(table, row, column(table, 'parents')));

/**
 * What someone who knows the rules could tell about each "<5" of a column that adds up to a known total: the
 * values it could have, given the figures shown, that a "<5" is 1 to 4 and a hidden figure 5 or more.
 */
function possibleValues(table: ReportTable, total: number): number[][] {
  const texts = parentsShown(table);
  const shown = texts.reduce((sum, text) => sum + (/^\d+$/.test(text) ? Number(text) : 0), 0);
  const smalls = texts.filter((text) => text === '<5').length;
  const hidden = texts.filter((text) => text === 'hidden').length;
  const left = total - shown;
  return texts.flatMap((text) => {
    if (text !== '<5') return [];
    return [
      [1, 2, 3, 4].filter((value) => {
        const rest = left - value;
        const least = (smalls - 1) * 1 + hidden * 5;
        const most = hidden > 0 ? Infinity : (smalls - 1) * 4;
        return rest >= least && rest <= most;
      }),
    ];
  });
}

describe('keeping back a figure that would give a small number away', () => {
  it('hides the next smallest figure, with its share, when a lone "<5" could be worked out from the total', () => {
    // 40 parents reached: 3 from one place could be worked out as 40 - 25 - 12 if both were shown.
    const table = keepBack(byLocality([25, 3, 12, 0]), columnSums(byLocality([25, 3, 12, 0]), ['parents']));
    expect(parentsShown(table)).toEqual(['25', '<5', 'hidden', '0']);
    expect(shownText(table, 2, column(table, 'share'))).toBe('hidden');
    expect(shownText(table, 0, column(table, 'share'))).toBe('63%');
    expect(shownValue(table, 2, column(table, 'parents'))).toBeNull();
    expect(shownValue(table, 0, column(table, 'parents'))).toBe(25);
    expect(toCsv(table)).toBe(
      'Locality,Parents,Share\r\n' +
        'Place 1,25,63%\r\n' +
        'Place 2,<5,<5\r\n' +
        'Place 3,hidden,hidden\r\n' +
        'Place 4,0,0%\r\n',
    );
  });

  it('hides a figure big enough that the "<5" could still be anything from 1 to 4', () => {
    // Hiding the 6 leaves 3 + 6 = 9 unaccounted for: a hidden figure is at least 5, so the "<5" is 1 to 4. Enough.
    const nine = byLocality([3, 6, 30]);
    expect(parentsShown(keepBack(nine, columnSums(nine, ['parents'])))).toEqual(['<5', 'hidden', '30']);
    // Hiding the 5 would leave 1 + 5 = 6, so the "<5" could only be 1; the 5 and the 7 together leave 13, less
    // two hidden figures of at least 5, so at most 3. The 30 on its own is enough.
    const six = byLocality([1, 5, 7, 30]);
    expect(parentsShown(keepBack(six, columnSums(six, ['parents'])))).toEqual(['<5', '5', '7', 'hidden']);
  });

  it('leaves a table as it is with no "<5", or with "<5"s that cover each other', () => {
    const none = byLocality([25, 0, 12]);
    expect(keepBack(none, columnSums(none, ['parents']))).toBe(none);
    // 1 + 4 = 5 between them: either could be anything from 1 to 4.
    const covered = byLocality([1, 4, 20]);
    expect(keepBack(covered, columnSums(covered, ['parents']))).toBe(covered);
    // 1 + 1 = 2 between them could only be 1 and 1: the 20 goes.
    const ones = byLocality([1, 1, 20]);
    expect(parentsShown(keepBack(ones, columnSums(ones, ['parents'])))).toEqual(['<5', '<5', 'hidden']);
  });

  it('hides what it can when the total is itself small, and no more (the README says so)', () => {
    // Two "<5"s and a hidden 6 cover each other: 4 + 4 + 6 = 14, and either "<5" could be anything from 1 to 4.
    const pair = byLocality([4, 4, 0, 6]);
    expect(parentsShown(keepBack(pair, columnSums(pair, ['parents'])))).toEqual(['<5', '<5', '0', 'hidden']);
    // 13 parents reached: neither the 5 nor the 6 is enough alone, and with both hidden the "<5" is at most 3
    // (13 less two hidden figures of at least 5). Nothing is left to hide.
    const tiny = byLocality([2, 5, 6]);
    expect(parentsShown(keepBack(tiny, columnSums(tiny, ['parents'])))).toEqual(['<5', 'hidden', 'hidden']);
  });

  it('never lets a "<5" be worked out, whatever the figures, while there are figures left to hide', () => {
    const counts = fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 40 })), {
      minLength: 2,
      maxLength: 8,
    });
    fc.assert(
      fc.property(counts, (parents) => {
        const plain = byLocality(parents);
        const table = keepBack(plain, columnSums(plain, ['parents']));
        const total = parents.reduce((sum, count) => sum + count, 0);
        const texts = parentsShown(table);
        texts.forEach((text, row) => {
          const count = parents[row] ?? 0;
          // A figure is shown as it is, or as "<5" when it is 1 to 4, or hidden: never anything else.
          if (text === '<5') expect(count >= 1 && count <= 4).toBe(true);
          else if (text !== 'hidden') expect(text).toBe(String(count));
        });
        // Where every figure above zero is hidden or small already, the total itself is small: nothing more to do.
        if (texts.every((text, row) => text === 'hidden' || text === '<5' || parents[row] === 0)) return;
        for (const values of possibleValues(table, total)) expect(values).toEqual([1, 2, 3, 4]);
      }),
      { numRuns: 500 },
    );
  });
});
