import { countryNamed } from '../../domain/countries.js';
import type { CellCheck } from './diagnosis.js';

/** COUNTRY: an ISO 3166-1 alpha-2 code. The platform ignores it in operations, but it tells how to read NUMBER. */
export const checkCountry: CellCheck = ({ value }) => {
  const named = countryNamed(value);
  if (named === value) return undefined;
  if (named) return { code: 'invalid-country', message: `Write the country code in capitals: ${named}.`, fixes: [{ title: `Change to ${named}`, value: named, safe: true }] };
  return { code: 'invalid-country', message: `"${value}" is not an ISO 3166-1 alpha-2 country code (such as US, GB, DE).` };
};
