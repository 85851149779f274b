import { NEVER_NULL, NULL_TOKEN, READ_ONLY_COLUMNS, REQUIRED_COLUMNS, REQUIRED_VALUES, type ColumnName } from '../domain/columns.js';
import { OPERATIONS, type Operation } from '../domain/operations.js';
import { listOf } from './wording.js';

/**
 * What each column means and how its values are written, from the platform's page and our reading
 * of it (docs/DOMAIN.md). Examples are the platform's own where it gives one.
 */
export const COLUMN_DOCS: Readonly<Record<ColumnName, string>> = {
  APPLICATION_TAG: 'A tag that applications use to tell numbers apart; free text, empty in most exports.',
  COUNTRY: "The number's country, as an ISO 3166-1 alpha-2 code (US, GB, FR). It also tells how to read a NUMBER written without its +.",
  GROUP_ID: 'The group the number belongs to (ocp). Create puts the new number in this group; applying a file needs the permission of each group it touches.',
  LOCALE: "The number's language, as a BCP 47 tag (en-US, fr-FR).",
  MINIAPP_DIAMANT_APP_NAME: 'The application platform of the mini-app the number is attached to (miniApps).',
  MINIAPP_GROUP: 'The group of the mini-app the number is attached to (ocp).',
  MINIAPP_ID: 'The mini-app the number is attached to, by its ID (test.surname_test.Numeric.MiniApps.ocp). Attach and Update attach the number to it.',
  MINIAPP_NAME: 'The name of the mini-app the number is attached to (czindros_test).',
  MINIAPP_TYPE: 'The type of the mini-app the number is attached to (Numeric).',
  NUMBER: "The phone number, in E.164 (+14155550123), or the number's UUID. One row per number per file.",
  PHONE_NUMBER_SET_ID: "The phone number set the number belongs to (testSetId). An Update moves the number to this set, which must belong to the number's group.",
  NOTE: 'A free-text note about the number.',
  OPERATION: 'What the row does: Create, Update, Attach, Detach or Delete. Not in the export: add it to make an operations file.',
  PROVIDER: 'Where a new number is acquired from (twilio). Only Create uses it.',
};

/** How the operations use a column. */
export interface ColumnUse {
  /** Operations whose rows need the column in the header. */
  requiredBy: Operation[];
  /** Operations whose rows need a value in the column. */
  valueRequiredBy: Operation[];
  /** `<NULL>` clears the column in an Update row. */
  clearable: boolean;
  /** The platform ignores the column in an operations file. */
  readOnly: boolean;
}

export function columnUse(column: ColumnName): ColumnUse {
  return {
    requiredBy: OPERATIONS.filter((operation) => REQUIRED_COLUMNS[operation].includes(column)),
    valueRequiredBy: OPERATIONS.filter((operation) => REQUIRED_VALUES[operation].includes(column)),
    clearable: canClear(column),
    readOnly: READ_ONLY_COLUMNS.includes(column),
  };
}

/**
 * Whether `<NULL>` clears the column in an Update row, the only operation where it clears anything.
 * The same reading as the null-not-allowed rule (nullAllowed in rules/values/generic.ts), which a test
 * holds them to.
 */
export function canClear(column: ColumnName): boolean {
  return !NEVER_NULL.includes(column) && !READ_ONLY_COLUMNS.includes(column);
}

/** The column's use in sentences, for a hover or a completion's documentation (Markdown). */
export function describeColumnUse(column: ColumnName): string[] {
  const use = columnUse(column);
  const lines: string[] = [];
  if (use.readOnly) lines.push('Read-only: it comes from the export, and the platform ignores it in an operations file.');
  if (use.requiredBy.length > 0) lines.push(`Required by ${operationList(use.requiredBy)}.`);
  if (use.valueRequiredBy.length === OPERATIONS.length) lines.push('Every row needs a value.');
  else if (use.valueRequiredBy.length > 0) lines.push(`Needs a value in ${operationList(use.valueRequiredBy)} rows.`);
  if (use.requiredBy.includes('Update') && !use.valueRequiredBy.includes('Update')) lines.push('Empty in an Update row: left as it is.');
  if (use.clearable) lines.push(`Write \`${NULL_TOKEN}\` in an Update row to clear it.`);
  else if (NEVER_NULL.includes(column)) lines.push(`\`${NULL_TOKEN}\` cannot clear it.`);
  return lines;
}

/** The column's meaning and its use as a bulleted list (Markdown), for a hover or a completion. */
export function columnMarkdown(column: ColumnName): string {
  return `${COLUMN_DOCS[column]}\n\n${describeColumnUse(column).map((line) => `- ${line}`).join('\n')}`;
}

/** "every operation", "Create", "Update and Attach", "Create, Update and Attach". */
export function operationList(operations: readonly Operation[]): string {
  if (operations.length === OPERATIONS.length) return 'every operation';
  return listOf(operations);
}
