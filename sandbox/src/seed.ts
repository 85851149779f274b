import { fileURLToPath } from 'node:url';
import { EXPORT_COLUMNS } from '@numbers-csv/shared';
import { readCsv } from './csv.js';
import { NumbersState, blankRow, type LiveRow } from './state.js';

/** The repository's example export, the sandbox's numbers unless told otherwise. */
export const DEFAULT_SEED_FILE = fileURLToPath(new URL('../../examples/export.csv', import.meta.url));

/**
 * The state an export-shaped CSV describes: its numbers (unless `numbers` is false), and a group per
 * GROUP_ID, a set per PHONE_NUMBER_SET_ID and a mini app per MINIAPP_ID the rows name.
 */
export function stateFromSeed(text: string, options: { numbers: boolean }): NumbersState {
  const [header, ...records] = readSeedRecords(text);
  if (header === undefined) return new NumbersState();
  const names = header.map((name) => name.trim());
  const state = new NumbersState();
  records.forEach((values, index) => {
    if (values.every((value) => value.trim() === '')) return;
    const row = blankRow();
    for (const column of EXPORT_COLUMNS) {
      const at = names.indexOf(column);
      row[column] = at < 0 ? '' : (values[at] ?? '').trim();
    }
    if (row.NUMBER === '') throw new Error(`Seed row ${index + 1} has no NUMBER; every seed row describes one number.`);
    if (row.GROUP_ID === '') throw new Error(`Seed row ${index + 1} (${row.NUMBER}) has no GROUP_ID; every number belongs to a group.`);
    learnFrom(state, row);
    if (options.numbers && !state.numbers.has(row.NUMBER)) state.numbers.set(row.NUMBER, row);
  });
  return state;
}

function readSeedRecords(text: string): string[][] {
  try {
    return readCsv(text);
  } catch (error) {
    throw new Error(`The seed is not readable CSV: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function learnFrom(state: NumbersState, row: LiveRow): void {
  state.groups.add(row.GROUP_ID);
  if (row.PHONE_NUMBER_SET_ID !== '') state.learnSet({ id: row.PHONE_NUMBER_SET_ID, group: row.GROUP_ID });
  if (row.MINIAPP_ID !== '') {
    state.learnMiniApp({
      id: row.MINIAPP_ID,
      name: row.MINIAPP_NAME,
      type: row.MINIAPP_TYPE,
      group: row.MINIAPP_GROUP,
      diamantAppName: row.MINIAPP_DIAMANT_APP_NAME,
    });
  }
}
