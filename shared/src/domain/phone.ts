import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

export type NumberFormat = 'e164' | 'uuid';

/**
 * What a NUMBER cell holds. `fixes` are the E.164 numbers it can only mean; there are two when a
 * lost `+` reads as a valid number both internationally and in the row's country.
 */
export type NumberReading =
  | { kind: 'e164' }
  | { kind: 'uuid' }
  | { kind: 'scientific' }
  | { kind: 'missing-plus'; fixes: string[] }
  | { kind: 'formatted'; fixes: string[] }
  | { kind: 'invalid' };

const E164 = /^\+[1-9]\d{7,14}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?e[+-]?\d+$/i;
const DIGITS = /^\d{8,15}$/;
/** Digits written the way people write phone numbers: spaces, dashes, dots, slashes, brackets. */
const WRITTEN = /^\+?[\d\s().\-/]+$/;
const LAYOUT = /[\s().\-/]/;

const E164_READING: NumberReading = { kind: 'e164' };
const UUID_READING: NumberReading = { kind: 'uuid' };

/**
 * Reads a trimmed NUMBER value. Only values that miss the E.164 and UUID shapes reach the phone
 * library, and only they need the row's country, which is why it is asked for lazily.
 */
export function readNumber(value: string, country: () => string | undefined): NumberReading {
  if (E164.test(value)) return E164_READING;
  if (UUID.test(value)) return UUID_READING;
  return slowReadings.get(value, country());
}

/**
 * The number an E.164 value stands for, or 0 when the value is not E.164 (no E.164 number is 0).
 * The same test as the E164 pattern, fused with the conversion: rules that key rows by number run
 * it on every row, where the pattern and then Number() cost twice as much. 15 digits are exact in a double.
 */
export function e164Value(value: string): number {
  const length = value.length;
  if (length < 9 || length > 16 || value.charCodeAt(0) !== 43 /* + */) return 0;
  let number = 0;
  for (let i = 1; i < length; i++) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9 || (i === 1 && digit === 0)) return 0;
    number = number * 10 + digit;
  }
  return number;
}

/** A key under which two cells name the same number: its E.164 form where that is certain. */
export function numberKey(value: string, country: () => string | undefined): string {
  if (E164.test(value)) return value;
  const reading = readNumber(value, country);
  if (reading.kind === 'uuid') return value.toLowerCase();
  if ((reading.kind === 'formatted' || reading.kind === 'missing-plus') && reading.fixes.length === 1) return reading.fixes[0] as string;
  return value;
}

function readSlowly(value: string, country: string | undefined): NumberReading {
  if (SCIENTIFIC.test(value)) return { kind: 'scientific' };
  if (DIGITS.test(value)) {
    const fixes = new Set<string>();
    const international = validE164(`+${value}`, undefined);
    if (international) fixes.add(international);
    const national = country ? validE164(value, country) : undefined;
    if (national) fixes.add(national);
    return { kind: 'missing-plus', fixes: [...fixes] };
  }
  const digits = value.replace(/\D/g, '').length;
  // Only a number with layout characters is "formatted"; `+1415555` is simply too short.
  if (WRITTEN.test(value) && LAYOUT.test(value) && digits >= 6 && digits <= 17) {
    const fixed = validE164(value, value.startsWith('+') ? undefined : country);
    return { kind: 'formatted', fixes: fixed ? [fixed] : [] };
  }
  return { kind: 'invalid' };
}

function validE164(text: string, country: string | undefined): string | undefined {
  const parsed = parsePhoneNumberFromString(text, country as CountryCode | undefined);
  return parsed?.isValid() ? parsed.number : undefined;
}

/** Phone parsing costs microseconds; exports repeat the same few malformed shapes, so remember them. */
class ReadingCache {
  private readonly entries = new Map<string, NumberReading>();

  get(value: string, country: string | undefined): NumberReading {
    const key = `${country ?? ''}|${value}`;
    let reading = this.entries.get(key);
    if (reading === undefined) {
      if (this.entries.size >= 10_000) this.entries.clear();
      reading = readSlowly(value, country);
      this.entries.set(key, reading);
    }
    return reading;
  }
}

const slowReadings = new ReadingCache();
