import { NULL_TOKEN, REQUIRED_COLUMNS, REQUIRED_VALUES, UPDATE_FIELDS } from '../domain/columns.js';
import type { Operation } from '../domain/operations.js';
import { listOf } from './wording.js';

/** What each operation does, as the platform's page describes it (Markdown). */
export const OPERATION_DOCS: Readonly<Record<Operation, string>> = {
  Create: 'Creates a number: acquires NUMBER from PROVIDER and puts it in the group GROUP_ID.',
  Update:
    `Changes a number: each of ${listOf(UPDATE_FIELDS)} that holds a value is set to it, \`${NULL_TOKEN}\` clears it, ` +
    "and an empty cell leaves it as it is. A PHONE_NUMBER_SET_ID must belong to the number's group.",
  Attach: 'Attaches the number to the mini-app MINIAPP_ID, with the locale LOCALE.',
  Detach: 'Detaches the number from its mini-app.',
  Delete: 'Deletes the number.',
};

/** The columns an operation needs, and those that need a value, in one line. */
export function operationNeeds(operation: Operation): string {
  const columns = REQUIRED_COLUMNS[operation].filter((column) => column !== 'OPERATION');
  const values = REQUIRED_VALUES[operation].filter((column) => column !== 'OPERATION');
  const empty = columns.filter((column) => !values.includes(column));
  return `Needs ${listOf(columns)}${empty.length > 0 ? ` (${listOf(empty)} may be empty)` : ''}.`;
}
