import type { Operation } from './operations.js';

/** The export's columns, in the order the platform writes them. */
export const EXPORT_COLUMNS = [
  'APPLICATION_TAG',
  'COUNTRY',
  'GROUP_ID',
  'LOCALE',
  'MINIAPP_DIAMANT_APP_NAME',
  'MINIAPP_GROUP',
  'MINIAPP_ID',
  'MINIAPP_NAME',
  'MINIAPP_TYPE',
  'NUMBER',
  'PHONE_NUMBER_SET_ID',
  'NOTE',
] as const;

export const KNOWN_COLUMNS = [...EXPORT_COLUMNS, 'OPERATION', 'PROVIDER'] as const;
export type ColumnName = (typeof KNOWN_COLUMNS)[number];

/** How a column name reads without case and with spaces or dashes as underscores: `Phone Number Set Id`. */
export function normalizeColumnName(name: string): string {
  return name.trim().toUpperCase().replace(/[\s-]+/g, '_');
}

export function isKnownColumn(name: string): name is ColumnName {
  return (KNOWN_COLUMNS as readonly string[]).includes(name);
}

/** Columns that must be in the header when the file holds at least one row of the operation. */
export const REQUIRED_COLUMNS: Record<Operation, readonly ColumnName[]> = {
  Create: ['GROUP_ID', 'NUMBER', 'OPERATION', 'PROVIDER'],
  Update: ['NUMBER', 'MINIAPP_ID', 'PHONE_NUMBER_SET_ID', 'APPLICATION_TAG', 'LOCALE', 'NOTE', 'OPERATION'],
  Attach: ['NUMBER', 'MINIAPP_ID', 'OPERATION', 'LOCALE'],
  Detach: ['NUMBER', 'OPERATION'],
  Delete: ['NUMBER', 'OPERATION'],
};

/**
 * Cells that must hold a value: the operation cannot work without them (our reading of the
 * platform's "required"). The other required columns of Update may be empty: empty means "leave as is".
 */
export const REQUIRED_VALUES: Record<Operation, readonly ColumnName[]> = {
  Create: ['NUMBER', 'OPERATION', 'GROUP_ID', 'PROVIDER'],
  Update: ['NUMBER', 'OPERATION'],
  Attach: ['NUMBER', 'OPERATION', 'MINIAPP_ID', 'LOCALE'],
  Detach: ['NUMBER', 'OPERATION'],
  Delete: ['NUMBER', 'OPERATION'],
};

/** The fields an Update can change; a row that leaves them all empty changes nothing. */
export const UPDATE_FIELDS: readonly ColumnName[] = ['MINIAPP_ID', 'PHONE_NUMBER_SET_ID', 'APPLICATION_TAG', 'LOCALE', 'NOTE'];

/** `<NULL>` clears a value; it is never allowed in these, whatever the operation. */
export const NEVER_NULL: readonly ColumnName[] = ['NUMBER', 'OPERATION', 'GROUP_ID', 'PROVIDER'];

/** Export columns the platform ignores in an operations file. */
export const READ_ONLY_COLUMNS: readonly ColumnName[] = [
  'COUNTRY',
  'MINIAPP_DIAMANT_APP_NAME',
  'MINIAPP_GROUP',
  'MINIAPP_NAME',
  'MINIAPP_TYPE',
];

export const NULL_TOKEN = '<NULL>';
