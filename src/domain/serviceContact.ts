// How to reach a directory entry from the tablet: a call for most, a text for a text-only line ("Text PANDAS to 85258").
import { normalisePhone } from './phone.ts';
import type { Service } from './service.ts';

export interface ServiceContact {
  method: 'call' | 'text';
  href: string;
  /** "Call 0800 83 85 87", "Text PANDAS to 85258". */
  label: string;
}

const TEXT_LINE = /\btext (\S+) to ([\d ]+\d)/i;

export function serviceContact(service: Pick<Service, 'phone' | 'offers'>): ServiceContact | undefined {
  const phone = service.phone?.trim();
  const number = normalisePhone(phone);
  if (!phone || !number) return undefined;
  const textLine = TEXT_LINE.exec(service.offers ?? '');
  if (textLine && normalisePhone(textLine[2]) === number) {
    const word = textLine[1] ?? '';
    return {
      method: 'text',
      href: `sms:${number}?&body=${encodeURIComponent(word)}`,
      label: `Text ${word} to ${phone}`,
    };
  }
  return { method: 'call', href: `tel:${number}`, label: `Call ${phone}` };
}
