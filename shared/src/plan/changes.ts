import { NULL_TOKEN, UPDATE_FIELDS } from '../domain/columns.js';
import type { Row } from '../rules/row.js';
import type { ExportColumn, LiveValues, MiniApp, Snapshot } from './snapshot.js';

/** One field of a number, before and after a row runs. */
export interface Change {
  readonly column: ExportColumn;
  readonly before: string;
  readonly after: string;
  /** Set on the mini app's description, which follows MINIAPP_ID: the row does not write it. */
  readonly derived?: true;
}

export type RowEffect = 'create' | 'update' | 'attach' | 'detach' | 'delete' | 'no-op';

export interface RowChanges {
  effect: RowEffect;
  /** Only fields whose value differs; none for a Delete (the number goes, with all of `before`). */
  changes: Change[];
  /** Columns whose value after the row cannot be told: the description of a mini app no number has yet. */
  unsure: ExportColumn[];
}

/** The columns that describe a number's mini app: set with MINIAPP_ID, cleared with it. */
export const MINIAPP_DESCRIPTION: readonly ExportColumn[] = ['MINIAPP_DIAMANT_APP_NAME', 'MINIAPP_GROUP', 'MINIAPP_NAME', 'MINIAPP_TYPE'];

/** What a Create may set besides GROUP_ID (docs/numbers-api.md, "What a row does"). */
const CREATE_FIELDS: readonly ExportColumn[] = ['LOCALE', 'MINIAPP_ID', 'PHONE_NUMBER_SET_ID', 'APPLICATION_TAG', 'NOTE'];

/**
 * What a row that the platform accepts does to its number, field by field: the one place that reads
 * docs/numbers-api.md's table "What a row does". `before` is the number's live values (undefined for a
 * Create). Our reading where the contract is silent: an Attach to the mini app the number has, with
 * another LOCALE, still sets the LOCALE.
 */
export function rowChanges(row: Row, before: LiveValues | undefined, snapshot: Snapshot): RowChanges {
  const writes = writesOf(row, before);
  const was = (column: ExportColumn) => before?.[column] ?? '';
  const changes: Change[] = [];
  for (const [column, after] of writes) if (after !== was(column)) changes.push({ column, before: was(column), after });

  const unsure: ExportColumn[] = [];
  const app = writes.get('MINIAPP_ID');
  if (app !== undefined && app !== was('MINIAPP_ID')) {
    const described = app === '' ? undefined : snapshot.miniApps.get(app);
    for (const column of MINIAPP_DESCRIPTION) {
      if (!snapshot.columns.has(column)) continue;
      if (app !== '' && described === undefined) {
        unsure.push(column);
        continue;
      }
      const after = described === undefined ? '' : descriptionOf(described, column);
      if (after !== was(column)) changes.push({ column, before: was(column), after, derived: true });
    }
  }

  switch (row.operation) {
    case 'Create':
      return { effect: 'create', changes, unsure };
    case 'Delete':
      return { effect: 'delete', changes: [], unsure: [] };
    case 'Update':
    case 'Attach':
    case 'Detach':
      return changes.length > 0 ? { effect: row.operation === 'Update' ? 'update' : row.operation === 'Attach' ? 'attach' : 'detach', changes, unsure } : { effect: 'no-op', changes: [], unsure: [] };
    case undefined:
      return { effect: 'no-op', changes: [], unsure: [] };
  }
}

/** The fields a row writes, with the value each gets; `<NULL>` clears, an empty cell leaves as is. */
function writesOf(row: Row, before: LiveValues | undefined): Map<ExportColumn, string> {
  const writes = new Map<ExportColumn, string>();
  const given = (columns: readonly ExportColumn[], clears: boolean) => {
    for (const column of columns) {
      const value = row.value(column);
      if (value === '') continue;
      if (value === NULL_TOKEN) {
        if (clears) writes.set(column, '');
      } else writes.set(column, value);
    }
  };
  switch (row.operation) {
    case 'Create':
      given(['GROUP_ID', ...CREATE_FIELDS], false);
      break;
    case 'Update':
      given(UPDATE_FIELDS as readonly ExportColumn[], true);
      break;
    case 'Attach':
      given(['MINIAPP_ID', 'LOCALE'], false);
      break;
    case 'Detach':
      if ((before?.MINIAPP_ID ?? '') !== '') writes.set('MINIAPP_ID', '');
      break;
    case 'Delete':
    case undefined:
      break;
  }
  return writes;
}

function descriptionOf(app: MiniApp, column: ExportColumn): string {
  switch (column) {
    case 'MINIAPP_NAME':
      return app.name;
    case 'MINIAPP_TYPE':
      return app.type;
    case 'MINIAPP_GROUP':
      return app.group;
    case 'MINIAPP_DIAMANT_APP_NAME':
      return app.diamantAppName;
    default:
      return '';
  }
}
