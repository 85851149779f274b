import { z } from 'zod';
import { EXPORT_COLUMNS, normalizeColumnName } from '../domain/columns.js';
import type { ExportColumn } from './snapshot.js';

/** Where each export column stands in a record of the export. */
export type ExportPositions = Readonly<Partial<Record<ExportColumn, number>>>;

/**
 * Columns a plan reads on every row it predicts. The others (COUNTRY and the mini app's description)
 * only feed the read-only check, which says nothing where the export lacks them.
 */
const NEEDED: readonly ExportColumn[] = ['NUMBER', 'GROUP_ID', 'MINIAPP_ID', 'PHONE_NUMBER_SET_ID', 'APPLICATION_TAG', 'LOCALE', 'NOTE'];

function positionsOf(names: readonly string[]): ExportPositions {
  const positions: Partial<Record<ExportColumn, number>> = {};
  names.forEach((name, index) => {
    const column = EXPORT_COLUMNS.find((known) => known === normalizeColumnName(name));
    if (column !== undefined && positions[column] === undefined) positions[column] = index;
  });
  return positions;
}

/** The export's header line comes from the platform, so it is checked before any row is trusted. */
export const exportHeaderSchema = z
  .array(z.string())
  .transform(positionsOf)
  .superRefine((positions, ctx) => {
    const missing = NEEDED.filter((column) => positions[column] === undefined);
    if (missing.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `The export's header has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}: this is not the platform's numbers export (its columns are ${EXPORT_COLUMNS.join(', ')}).`,
      });
    }
  });
