import { describe, expect, it } from 'vitest';
import { overlayLibrary } from '../../src/domain/library/overrides.ts';

interface Entry {
  id: string;
  title: string;
  safety: string;
  deleted?: boolean;
}

const builtIn: Entry[] = [
  { id: 'starter-a', title: 'Treasure basket', safety: 'Check every item' },
  { id: 'starter-b', title: 'Bubbles', safety: 'Keep the pot closed' },
];

describe('the library with the organisation’s own records', () => {
  it('replaces a built-in by an own record with its id, and adds the rest', () => {
    const entries = overlayLibrary(builtIn, [
      { id: 'starter-a', title: 'Our treasure basket', safety: 'Check every item twice' },
      { id: 'own-1', title: 'Scarf peekaboo', safety: 'Short scarves only' },
    ]);
    expect(entries.map((entry) => [entry.record.title, entry.origin])).toEqual([
      ['Our treasure basket', 'edited'],
      ['Bubbles', 'built-in'],
      ['Scarf peekaboo', 'own'],
    ]);
  });

  it('shows the original again once the override is deleted, and never a deleted own record', () => {
    const entries = overlayLibrary(builtIn, [
      { id: 'starter-a', title: 'Our treasure basket', safety: '', deleted: true },
      { id: 'own-1', title: 'Gone', safety: '', deleted: true },
    ]);
    expect(entries.map((entry) => entry.record.title)).toEqual(['Treasure basket', 'Bubbles']);
  });
});
