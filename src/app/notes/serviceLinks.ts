// How to reach a directory entry from the escalation screen: a call, or a text for text-only lines.
import { STARTER_SERVICES, type StarterService } from '../../domain/library/services.ts';
import { smsLink, telLink } from '../../domain/outreach.ts';
import type { Service } from '../../domain/service.ts';

/** Lines reached by text, not a call, with the word to send (PANDAS: "text PANDAS to 85258"). */
const TEXT_ONLY: Readonly<Record<string, string>> = { 'starter-pandas': 'PANDAS' };

export interface ServiceLink {
  href: string;
  /** "Call 116 123" or "Text PANDAS to 85258". */
  action: string;
}

export function serviceLink(service: Pick<Service, 'id' | 'phone'>): ServiceLink | undefined {
  const phone = service.phone?.trim();
  if (!phone) return undefined;
  const word = TEXT_ONLY[service.id];
  if (word) {
    const href = smsLink(phone, word);
    return href ? { href, action: `Text ${word} to ${phone}` } : undefined;
  }
  const href = telLink(phone);
  return href ? { href, action: `Call ${phone}` } : undefined;
}

/** The shipped directory with whatever the organisation changed on this device laid over it, by id. */
export function directory(rows: readonly Service[] | undefined): Map<string, Service> {
  const byId = new Map<string, Service>(STARTER_SERVICES.map((service: StarterService) => [service.id, service]));
  for (const row of rows ?? []) byId.set(row.id, { ...byId.get(row.id), ...row });
  return byId;
}
