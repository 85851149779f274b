import { countryNamed } from '../../domain/countries.js';
import { e164Value, readNumber } from '../../domain/phone.js';
import type { CellCheck } from './diagnosis.js';

const EXAMPLE = '+14155550123';

/** NUMBER: an E.164 phone number or a UUID, and what spreadsheets do to phone numbers. */
export const checkNumber: CellCheck = ({ value, row, settings }) => {
  // Nearly every NUMBER is E.164: pass it before building the country lookup and the messages' parts.
  if (e164Value(value) !== 0 && settings.numberFormats.includes('e164')) return undefined;
  const countryOf = () => countryNamed(row.value('COUNTRY'));
  const reading = readNumber(value, countryOf);
  const e164 = settings.numberFormats.includes('e164');
  const uuid = settings.numberFormats.includes('uuid');
  if ((reading.kind === 'e164' && e164) || (reading.kind === 'uuid' && uuid)) return undefined;
  const accepted = [e164 ? `an E.164 phone number (${EXAMPLE})` : '', uuid ? 'a UUID' : ''].filter(Boolean).join(' or ');
  const country = countryOf();
  switch (reading.kind) {
    case 'e164':
      return { code: 'invalid-number', message: `NUMBER must be ${accepted} here; phone numbers are not accepted in this environment.` };
    case 'uuid':
      return { code: 'invalid-number', message: `NUMBER must be ${accepted} here; UUIDs are not accepted in this environment.` };
    case 'scientific':
      return {
        code: 'number-scientific',
        message: `"${value}" is scientific notation: a spreadsheet turned the phone number into a rounded figure and its last digits are lost. Export the column as text and copy the numbers again.`,
      };
  }
  if (!e164) return { code: 'invalid-number', message: `NUMBER must be ${accepted}; "${value}" is not.` };
  if (reading.kind === 'missing-plus') {
    const [only] = reading.fixes;
    return {
      code: 'number-missing-plus',
      message:
        reading.fixes.length === 1
          ? `"${value}" lost its leading "+" (a spreadsheet read it as a figure). It should read ${only}.`
          : reading.fixes.length === 0
            ? `"${value}" has no leading "+": E.164 numbers start with "+" and the country code.${country ? '' : ' Set COUNTRY to let the tools work it out.'}`
            : `"${value}" has no leading "+", and could be ${reading.fixes.join(' or ')}. Write the one you mean.`,
      fixes: reading.fixes.map((fix) => ({ title: `Change to ${fix}`, value: fix, safe: reading.fixes.length === 1 })),
    };
  }
  if (reading.kind === 'formatted') {
    const [only] = reading.fixes;
    return {
      code: 'number-formatting',
      message: only
        ? `"${value}" is written for people; the platform needs E.164: ${only}.`
        : `"${value}" is written for people; the platform needs E.164 (${EXAMPLE}).${country || value.startsWith('+') ? '' : ' Set COUNTRY, or write the number with "+" and its country code.'}`,
      ...(only ? { fixes: [{ title: `Change to ${only}`, value: only, safe: true }] } : {}),
    };
  }
  const digits = /^\+(\d+)$/.exec(value)?.[1];
  if (digits !== undefined) {
    return { code: 'invalid-number', message: `"${value}" has ${digits.length} digits; an E.164 number has 8 to 15 after the "+", the first not 0.` };
  }
  return { code: 'invalid-number', message: `NUMBER must be ${accepted}; "${value}" is not.` };
};
