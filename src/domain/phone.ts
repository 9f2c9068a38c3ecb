// Phone numbers as people type them ("07700 900123", "+44 (0)1343 563999", "116 123") in one comparable form.

const SHORT_CODE = /^[1-9]\d{2,5}$/;

/**
 * E.164 ("+447700900123") for full numbers, UK numbers written with a leading 0 included; service short codes
 * (999, 111, 116 123, 85258) as their digits. Undefined when it cannot be a phone number.
 */
export function normalisePhone(raw: string | undefined): string | undefined {
  const trimmed = raw?.trim() ?? '';
  if (!trimmed || /[^\d\s()+.-]/.test(trimmed)) return undefined;
  let international = trimmed.startsWith('+');
  // "+44 (0)7700…" is common on letterheads; the (0) is not dialled from abroad.
  let digits = trimmed.replace(/\(0\)/g, '').replace(/\D/g, '');
  if (!international) {
    if (digits.startsWith('00')) {
      digits = digits.slice(2);
      international = true;
    } else if (digits.startsWith('0') && (digits.length === 10 || digits.length === 11)) {
      digits = `44${digits.slice(1)}`;
      international = true;
    } else if (SHORT_CODE.test(digits)) {
      return digits;
    } else if (digits.startsWith('44') && digits.length === 12) {
      international = true;
    } else {
      return undefined;
    }
  }
  if (digits.startsWith('440')) digits = `44${digits.slice(3)}`;
  if (digits.length < 8 || digits.length > 15) return undefined;
  if (digits.startsWith('44') && digits.length !== 11 && digits.length !== 12) return undefined;
  return `+${digits}`;
}

/** A UK mobile: the only UK numbers a text reliably reaches. */
function isUkMobile(phone: string | undefined): boolean {
  return /^\+447\d{9}$/.test(normalisePhone(phone) ?? '');
}

/** Numbers outside the UK are taken as able to receive texts; UK ones must be mobiles. */
export function canReceiveTexts(phone: string | undefined): boolean {
  const normalised = normalisePhone(phone);
  if (!normalised || !normalised.startsWith('+')) return false;
  return normalised.startsWith('+44') ? isUkMobile(normalised) : true;
}
