// The signposting directory as the screens see it: the shipped entries with the organisation's own laid over
// them, and a search across what people remember about a service (its name, what it does, where).
import { useMemo } from 'react';
import { format } from 'date-fns';
import { useRecords } from '../../db/hooks.ts';
import { calendarDate, CALENDAR } from '../../domain/london.ts';
import { STARTER_SERVICES } from '../../domain/library/services.ts';
import { overlayLibrary, type LibraryEntry } from '../../domain/library/overrides.ts';
import type { Service } from '../../domain/service.ts';

export type ServiceEntry = LibraryEntry<Service>;

/** Shipped entries keep their deliberate order (999 first); the organisation's own follow, by name. */
export function useDirectory(): ServiceEntry[] | undefined {
  // Rows were validated against the service schema when saved.
  const rows = useRecords('service');
  return useMemo(() => {
    if (!rows) return undefined;
    const entries = overlayLibrary<Service>(STARTER_SERVICES, rows);
    const shipped = entries.filter((entry) => entry.origin !== 'own');
    const own = entries
      .filter((entry) => entry.origin === 'own')
      .toSorted((a, b) => (a.record.name ?? '').localeCompare(b.record.name ?? '', 'en-GB'));
    return [...shipped, ...own];
  }, [rows]);
}

export function useServiceEntry(id: string): ServiceEntry | null | undefined {
  const directory = useDirectory();
  return directory && (directory.find((entry) => entry.record.id === id) ?? null);
}

/** Entries whose name, offer or locality holds every word typed, in any order and any case. */
export function searchDirectory(entries: readonly ServiceEntry[], query: string): ServiceEntry[] {
  const words = query.toLocaleLowerCase('en-GB').split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter(({ record }) => {
    const haystack = [record.name, record.offers, record.locality].join(' ').toLocaleLowerCase('en-GB');
    return words.every((word) => haystack.includes(word));
  });
}

/** "23 Nov 2026" for a YYYY-MM-DD date. */
export function checkedDate(date: string): string {
  return format(calendarDate(date), 'd MMM yyyy', { in: CALENDAR });
}
