import { cellKind } from '../domain/cells.js';
import { NEVER_NULL, NULL_TOKEN, READ_ONLY_COLUMNS, REQUIRED_COLUMNS, REQUIRED_VALUES, UPDATE_FIELDS, isKnownColumn, type ColumnName } from '../domain/columns.js';
import { OPERATIONS } from '../domain/operations.js';
import type { Row } from '../rules/row.js';
import { canClear } from './column-docs.js';
import { code, listOf } from './wording.js';

/*
 * What a row asks the platform to do, read from its values alone: the file's intent, never a claim
 * about the live data (whether the number exists, which mini-app it has now).
 */

/** The whole row in one sentence (Markdown): "Update: on `+14155550123`, sets LOCALE to `en-GB` and clears NOTE." */
export function describeRow(row: Row): string {
  const number = valueOr(row, 'NUMBER');
  switch (row.operation) {
    case 'Create':
      return `Create: creates ${number} in group ${valueOr(row, 'GROUP_ID')} with provider ${valueOr(row, 'PROVIDER')}.`;
    case 'Update':
      return describeUpdate(row, number);
    case 'Attach':
      return `Attach: attaches ${number} to mini-app ${valueOr(row, 'MINIAPP_ID')} with locale ${valueOr(row, 'LOCALE')}.`;
    case 'Detach':
      return `Detach: detaches ${number} from its mini-app.`;
    case 'Delete':
      return `Delete: deletes ${number}.`;
    case undefined:
      return `No operation: ${whyNoOperation(row)}`;
  }
}

/**
 * What one cell contributes to its row, as a phrase ("sets LOCALE to `en-GB`", "clears NOTE");
 * undefined for the OPERATION cell, which `describeRow` says all about.
 *
 * @param column the header's name for the cell's field, undefined when the header has no such field
 * @param value the cell's value, trimmed
 */
export function describeCell(row: Row, column: string | undefined, value: string, fieldIndex: number): string | undefined {
  if (column === undefined) return `field ${fieldIndex + 1} has no column in the header, so the platform would ignore it`;
  if (column === '') return `column ${fieldIndex + 1} has no name, so the platform would ignore this value`;
  if (!isKnownColumn(column)) return `${column} is not a column the platform knows, so it would ignore this value`;
  if (column === 'OPERATION') return undefined;
  if (READ_ONLY_COLUMNS.includes(column)) return `${column} is read-only: the platform ignores it in an operations file`;
  const operation = row.operation;
  if (operation === undefined) return value === '' ? `${column} is empty` : `${column} ${code(value)}`;
  if (value === NULL_TOKEN && !(operation === 'Update' && canClear(column))) {
    return NEVER_NULL.includes(column) ? `${column} cannot be cleared with ${NULL_TOKEN}` : `${NULL_TOKEN} clears a value only in Update rows`;
  }
  if (value === '' && REQUIRED_VALUES[operation].includes(column)) return `${column} is empty, and ${operation} needs a value`;
  if (column === 'NUMBER') return `the number to ${operation.toLowerCase()}: ${code(value)}`;
  if (operation === 'Update' && UPDATE_FIELDS.includes(column)) {
    const effect = updateEffect(column, value, 'the number') ?? `leaves ${column} as it is`;
    return cellKind(value) === 'null-lookalike' ? `${effect}, as text (write ${NULL_TOKEN} to clear it)` : effect;
  }
  if (column === 'PROVIDER' && operation !== 'Create') return value === '' ? `only Create uses PROVIDER` : `ignored: only Create uses PROVIDER`;
  if (!REQUIRED_COLUMNS[operation].includes(column)) return `${column} is not among ${operation}'s fields`;
  if (value === '') return `${column} is empty`;
  if (operation === 'Create' && column === 'GROUP_ID') return `creates the number in group ${code(value)}`;
  if (operation === 'Create' && column === 'PROVIDER') return `acquires the number from ${code(value)}`;
  if (operation === 'Attach' && column === 'MINIAPP_ID') return `attaches the number to mini-app ${code(value)}`;
  if (operation === 'Attach' && column === 'LOCALE') return `with locale ${code(value)}`;
  return `${column} ${code(value)}`;
}

function describeUpdate(row: Row, number: string): string {
  const changes: string[] = [];
  const kept: ColumnName[] = [];
  for (const column of UPDATE_FIELDS) {
    // A column the header lacks is not this row's doing: the missing-column error speaks for it.
    if (row.raw(column) === undefined) continue;
    const effect = updateEffect(column, row.value(column), 'it');
    if (effect) changes.push(effect);
    else kept.push(column);
  }
  if (changes.length === 0) {
    return `Update: changes nothing on ${number}${kept.length > 0 ? `, as ${listOf(kept)} ${kept.length > 1 ? 'are' : 'is'} empty` : ''}.`;
  }
  const leaves = kept.length > 0 ? `; leaves ${listOf(kept)} as ${kept.length > 1 ? 'they are' : 'it is'}` : '';
  return `Update: on ${number}, ${listOf(changes)}${leaves}.`;
}

/** What an Update does with one of the fields it changes; undefined when the cell is empty. */
function updateEffect(column: ColumnName, value: string, subject: string): string | undefined {
  if (value === '') return undefined;
  if (value === NULL_TOKEN) return `clears ${column}`;
  if (column === 'MINIAPP_ID') return `attaches ${subject} to mini-app ${code(value)}`;
  if (column === 'PHONE_NUMBER_SET_ID') return `moves ${subject} to set ${code(value)}`;
  return `sets ${column} to ${code(value)}`;
}

function whyNoOperation(row: Row): string {
  const value = row.value('OPERATION');
  if (value === '') return 'the row has no OPERATION value, so the platform cannot tell what to do.';
  return `${code(value)} is not one of ${listOf(OPERATIONS, 'or')}.`;
}

function valueOr(row: Row, column: ColumnName): string {
  const value = row.value(column);
  return value === '' ? `(no ${column})` : code(value);
}
