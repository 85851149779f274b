import { EXPORT_COLUMNS, readSnapshot, validate, type ExportColumn, type Snapshot, type ValidationResult } from '@numbers-csv/shared';
import { settings as makeSettings } from '../../helpers/issues.js';

export type ExportRow = Partial<Record<ExportColumn, string>>;

/** A field as the platform writes it: quoted when it must be (RFC 4180). */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The platform's export of these numbers: every column, in its order, empty where not given. */
export function exportOf(rows: readonly ExportRow[], lineBreak = '\n'): string {
  const lines = [EXPORT_COLUMNS.join(','), ...rows.map((row) => EXPORT_COLUMNS.map((column) => field(row[column] ?? '')).join(','))];
  return `${lines.join(lineBreak)}${lineBreak}`;
}

/** A number of group ocp in set testSetId, attached to support.app: the export's usual row. */
export function attached(number: string, more: ExportRow = {}): ExportRow {
  return {
    COUNTRY: 'US',
    GROUP_ID: 'ocp',
    LOCALE: 'en-US',
    MINIAPP_DIAMANT_APP_NAME: 'miniApps',
    MINIAPP_GROUP: 'ocp',
    MINIAPP_ID: 'support.app',
    MINIAPP_NAME: 'support',
    MINIAPP_TYPE: 'Numeric',
    NUMBER: number,
    PHONE_NUMBER_SET_ID: 'testSetId',
    ...more,
  };
}

/** A number of group ocp in set testSetId, attached to no mini app. */
export function detached(number: string, more: ExportRow = {}): ExportRow {
  return { COUNTRY: 'US', GROUP_ID: 'ocp', LOCALE: 'en-US', NUMBER: number, PHONE_NUMBER_SET_ID: 'testSetId', ...more };
}

/**
 * The live data most tests plan against. Group ocp: +14155550101 (attached to support.app),
 * +14155550102 (attached to none), +14155550103 (sales.app, en-GB, tagged, with a note). Group
 * emea-support: +442079460101 in set emeaSet, attached to emea.app.
 */
export const LIVE: readonly ExportRow[] = [
  attached('+14155550101'),
  detached('+14155550102', { NOTE: 'Main line' }),
  attached('+14155550103', { LOCALE: 'en-GB', MINIAPP_ID: 'sales.app', MINIAPP_NAME: 'sales', APPLICATION_TAG: 'sales', NOTE: 'Reception, front desk' }),
  attached('+442079460101', { COUNTRY: 'GB', GROUP_ID: 'emea-support', LOCALE: 'en-GB', MINIAPP_GROUP: 'emea-support', MINIAPP_ID: 'emea.app', MINIAPP_NAME: 'emea', PHONE_NUMBER_SET_ID: 'emeaSet' }),
];

export function liveSnapshot(rows: readonly ExportRow[] = LIVE): Promise<Snapshot> {
  return readSnapshot(exportOf(rows));
}

/** Validates a batch against live data, as the tools do once they have read the export. */
export async function checkLive(batch: string, options: { rows?: readonly ExportRow[]; ownedGroups?: readonly string[] } = {}): Promise<ValidationResult> {
  const snapshot = await liveSnapshot(options.rows);
  return validate(batch, makeSettings(), { snapshot, ...(options.ownedGroups ? { ownedGroups: options.ownedGroups } : {}) });
}

/** Chunks of the text's UTF-8 bytes, `sizes` long in turn: as a response body arrives. */
export async function* inChunks(text: string, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length] ?? 1;
    yield bytes.subarray(at, at + size);
    at += size;
    // A body comes in over time; let the reader run between chunks as it would.
    await Promise.resolve();
  }
}
