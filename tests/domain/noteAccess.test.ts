import { describe, expect, it } from 'vitest';
import { canSeeNote } from '../../src/domain/noteAccess.ts';

const author = { id: 'u1', role: 'facilitator' } as const;
const colleague = { id: 'u2', role: 'visitor' } as const;
const coordinator = { id: 'u3', role: 'coordinator' } as const;

describe('who may read a note', () => {
  it('shows a private note to its author and coordinators only', () => {
    const note = { createdBy: 'u1', visibility: 'private' } as const;
    expect(canSeeNote(note, author)).toBe(true);
    expect(canSeeNote(note, coordinator)).toBe(true);
    expect(canSeeNote(note, colleague)).toBe(false);
  });

  it('treats a note with no visibility as private, the careful default', () => {
    expect(canSeeNote({ createdBy: 'u1' }, colleague)).toBe(false);
  });

  it('shows a shared note to the whole team, and a deleted note to nobody', () => {
    expect(canSeeNote({ createdBy: 'u1', visibility: 'team' }, colleague)).toBe(true);
    expect(canSeeNote({ createdBy: 'u1', visibility: 'team', deleted: true }, coordinator)).toBe(false);
  });
});
