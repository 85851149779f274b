import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

const E164 = /^\+[1-9]\d{7,14}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The NUMBER shapes the platform accepts, as the core's default settings do. */
export function isNumberShape(value: string): boolean {
  return E164.test(value) || UUID.test(value);
}

/** The COUNTRY the platform gives a new number: its phone number's country; none for a UUID. */
export function countryOf(number: string): string {
  if (!E164.test(number)) return '';
  return parsePhoneNumberFromString(number)?.country ?? '';
}
