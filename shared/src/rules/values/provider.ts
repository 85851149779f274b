import { closest } from '../../text/suggest.js';
import type { CellCheck } from './diagnosis.js';

/** PROVIDER: required by Create, where it must be a known provider; ignored by every other operation. */
export const checkProvider: CellCheck = ({ value, row, settings }) => {
  if (row.operation === undefined) return undefined;
  if (row.operation !== 'Create') {
    return {
      code: 'provider-ignored',
      message: `PROVIDER is used only by Create; on ${row.operation === 'Update' || row.operation === 'Attach' ? 'an' : 'a'} ${row.operation} row the platform ignores "${value}".`,
      fixes: [{ title: 'Clear PROVIDER', value: '', safe: true }],
    };
  }
  const providers = settings.providers;
  if (providers.includes(value)) return undefined;
  const sameLetters = providers.find((provider) => provider.toLowerCase() === value.toLowerCase());
  const guess = sameLetters ?? closest(value, providers);
  return {
    code: 'unknown-provider',
    message: `"${value}" is not a known provider${guess ? `; did you mean ${guess}?` : '.'} Known: ${providers.join(', ')}.`,
    ...(guess ? { fixes: [{ title: `Change to ${guess}`, value: guess, safe: sameLetters !== undefined }] } : {}),
  };
};
