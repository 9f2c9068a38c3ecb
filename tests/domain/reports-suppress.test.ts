// Small-number suppression: the one place every report, chart, CSV and summary shows numbers through.
import { describe, expect, it } from 'vitest';
import { chartPeople, showAverage, showPeople, showShare } from '../../src/domain/reports/suppress.ts';
import { cellText, chartValue, showMinutes } from '../../src/domain/reports/table.ts';

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
