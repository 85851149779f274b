import { readLocale } from '../../domain/locale.js';
import type { CellCheck } from './diagnosis.js';

/** LOCALE: a BCP 47 language tag such as en-US, in canonical case. */
export const checkLocale: CellCheck = ({ value }) => {
  const reading = readLocale(value);
  switch (reading.kind) {
    case 'valid':
      return undefined;
    case 'case':
      return {
        code: 'locale-case',
        message: `Write the locale as "${reading.canonical}".`,
        fixes: [{ title: `Change to ${reading.canonical}`, value: reading.canonical, safe: true }],
      };
    case 'invalid':
      return {
        code: 'invalid-locale',
        message: reading.canonical
          ? `"${value}" is not a language tag; BCP 47 joins its parts with "-": ${reading.canonical}.`
          : `"${value}" is not a known language tag. Use a BCP 47 tag such as en-US or fr-FR.`,
        ...(reading.canonical ? { fixes: [{ title: `Change to ${reading.canonical}`, value: reading.canonical, safe: true }] } : {}),
      };
  }
};
