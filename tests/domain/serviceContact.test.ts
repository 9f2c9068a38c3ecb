import { describe, expect, it } from 'vitest';
import { STARTER_SERVICES } from '../../src/domain/library/services.ts';
import { serviceContact } from '../../src/domain/serviceContact.ts';

const starter = (id: string) => STARTER_SERVICES.find((service) => service.id === id) ?? { phone: '', offers: '' };

describe('reaching a directory entry', () => {
  it('calls a phone line', () => {
    expect(serviceContact(starter('starter-breathing-space'))).toEqual({
      method: 'call',
      href: 'tel:+44800838587',
      label: 'Call 0800 83 85 87',
    });
    expect(serviceContact(starter('starter-emergency-999'))?.href).toBe('tel:999');
  });

  it('texts a text-only line with the word it asks for', () => {
    expect(serviceContact(starter('starter-pandas'))).toEqual({
      method: 'text',
      href: 'sms:85258?&body=PANDAS',
      label: 'Text PANDAS to 85258',
    });
  });

  it('offers nothing without a number that can be dialled', () => {
    expect(serviceContact(starter('starter-bookbug'))).toBeUndefined();
    expect(serviceContact({ phone: 'ask at reception', offers: '' })).toBeUndefined();
  });
});
