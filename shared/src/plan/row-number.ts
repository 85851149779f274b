import { intendedValue } from '../domain/cells.js';
import { countryNamed } from '../domain/countries.js';
import { e164Value, numberKey } from '../domain/phone.js';
import type { Row } from '../rules/row.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The row's number as meant, the duplicate-number rule's key: `+1 415 555 0123` and `+14155550123`
 * are one number. '' when the row has none.
 */
export function batchKey(row: Row): string {
  const value = intendedValue(row.raw('NUMBER') ?? '');
  if (value === '' || e164Value(value) !== 0) return value;
  return numberKey(value, () => countryNamed(row.value('COUNTRY')));
}

/**
 * The key of a NUMBER cell that needs no fixing (E.164 or a UUID as written); undefined otherwise.
 * Context rules look up only these: a malformed cell already has its error, and one cell gets one.
 */
export function cleanKey(row: Row): string | undefined {
  const value = row.value('NUMBER');
  if (e164Value(value) !== 0) return value;
  return UUID.test(value) ? value.toLowerCase() : undefined;
}
