/**
 * Every issue the product can report, in one place. Codes are stable ids: tools, settings
 * (severity overrides) and `docs/rules.md` refer to them, so a code is never renamed.
 */
export const CATALOGUE = {
  // structure
  'empty-file': { severity: 'error', group: 'structure', summary: 'The file has no header and no rows.' },
  'file-too-large': { severity: 'error', group: 'structure', summary: 'The file is larger than the configured cap.' },
  'unclosed-quote': { severity: 'error', group: 'structure', summary: 'A quoted field is never closed.' },
  'stray-quote': { severity: 'error', group: 'structure', summary: 'A quote where CSV does not allow one.' },
  'field-count': { severity: 'error', group: 'structure', summary: 'A row has more or fewer fields than the header.' },
  'blank-row': { severity: 'warning', group: 'structure', summary: 'A row with no values.' },
  'wrong-delimiter': { severity: 'error', group: 'structure', summary: 'Fields are separated by `;` or tabs instead of commas.' },
  'encoding': { severity: 'warning', group: 'structure', summary: 'The file is not UTF-8.' },
  // header
  'missing-operation-column': { severity: 'error', group: 'header', summary: 'The header has no OPERATION column.' },
  'missing-column': { severity: 'error', group: 'header', summary: 'A column required by an operation in the file is missing.' },
  'unknown-column': { severity: 'warning', group: 'header', summary: 'A column the platform does not know.' },
  'duplicate-column': { severity: 'error', group: 'header', summary: 'The same column appears twice.' },
  // values
  'unknown-operation': { severity: 'error', group: 'values', summary: 'OPERATION is not one of Create, Update, Attach, Detach, Delete.' },
  'operation-case': { severity: 'warning', group: 'values', summary: 'OPERATION is not spelled canonically.' },
  'missing-value': { severity: 'error', group: 'values', summary: 'A value the operation cannot work without is empty.' },
  'null-not-allowed': { severity: 'error', group: 'values', summary: '`<NULL>` where a value cannot be cleared.' },
  'null-lookalike': { severity: 'warning', group: 'values', summary: 'A value that looks like `<NULL>` but is not.' },
  'invalid-number': { severity: 'error', group: 'values', summary: 'NUMBER is neither an E.164 phone number nor a UUID.' },
  'number-scientific': { severity: 'error', group: 'values', summary: 'NUMBER was turned into scientific notation.' },
  'number-missing-plus': { severity: 'error', group: 'values', summary: 'NUMBER lost its leading `+`.' },
  'number-formatting': { severity: 'error', group: 'values', summary: 'NUMBER has spaces, dashes, dots or brackets.' },
  'invalid-locale': { severity: 'error', group: 'values', summary: 'LOCALE is not a BCP 47 language tag.' },
  'locale-case': { severity: 'warning', group: 'values', summary: 'LOCALE is not in canonical case.' },
  'invalid-country': { severity: 'warning', group: 'values', summary: 'COUNTRY is not an ISO 3166-1 alpha-2 code.' },
  'unknown-provider': { severity: 'error', group: 'values', summary: 'PROVIDER is not a known provider.' },
  'provider-ignored': { severity: 'warning', group: 'values', summary: 'PROVIDER on a row that is not a Create.' },
  'update-no-change': { severity: 'warning', group: 'values', summary: 'An Update row that changes nothing.' },
  'whitespace': { severity: 'warning', group: 'values', summary: 'Spaces around a value.' },
  'formula': { severity: 'error', group: 'values', summary: 'A spreadsheet formula instead of a value.' },
  // across rows
  'duplicate-number': { severity: 'error', group: 'rows', summary: 'The same NUMBER on more than one row.' },
  'limit-exceeded': { severity: 'error', group: 'rows', summary: 'More rows of an operation than its limit.' },
  // against live data: only when the platform's export is given
  'number-not-found': { severity: 'error', group: 'live', summary: 'The number to change is not among the live numbers.' },
  'number-exists': { severity: 'error', group: 'live', summary: 'The number to create already exists.' },
  'set-group-mismatch': { severity: 'error', group: 'live', summary: "PHONE_NUMBER_SET_ID names a set of another group than the number's." },
  'group-not-owned': { severity: 'error', group: 'live', summary: 'The file touches a group where you are not OWNER.' },
  'already-attached': { severity: 'warning', group: 'live', summary: 'An Attach to the mini app the number already has.' },
  'not-attached': { severity: 'warning', group: 'live', summary: 'A Detach of a number attached to no mini app.' },
  'read-only-change': { severity: 'warning', group: 'live', summary: 'A value the platform ignores differs from the live one.' },
} as const satisfies Record<string, { severity: Severity; group: IssueGroup; summary: string }>;

export type Severity = 'error' | 'warning' | 'info';
export type IssueGroup = 'structure' | 'header' | 'values' | 'rows' | 'live';
export type IssueCode = keyof typeof CATALOGUE;

export const ISSUE_CODES = Object.keys(CATALOGUE) as IssueCode[];

export function isIssueCode(value: string): value is IssueCode {
  return Object.hasOwn(CATALOGUE, value);
}
