import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { EXPORT_COLUMNS } from '@numbers-csv/shared';
import { csvLine } from './csv.js';
import type { LiveRow } from './state.js';

/** Rows per write: large enough that a million numbers are a thousand writes, not a million. */
export const EXPORT_CHUNK_ROWS = 1000;

/**
 * Streams the export: header and rows as CSV, a chunk at a time, waiting whenever the client reads
 * slower than we write. Stops quietly when the client goes away.
 */
export async function streamExport(res: ServerResponse, rows: readonly Readonly<LiveRow>[], chunkDelayMs: () => number): Promise<void> {
  res.writeHead(200, { 'Content-Type': 'text/csv; charset=utf-8' });
  const chunks = Math.max(1, Math.ceil(rows.length / EXPORT_CHUNK_ROWS));
  for (let index = 0; index < chunks; index++) {
    if (index > 0) {
      const delay = chunkDelayMs();
      if (delay > 0) await sleep(delay);
    }
    let chunk = index === 0 ? csvLine(EXPORT_COLUMNS) : '';
    for (const row of rows.slice(index * EXPORT_CHUNK_ROWS, (index + 1) * EXPORT_CHUNK_ROWS)) {
      chunk += csvLine(EXPORT_COLUMNS.map((column) => row[column]));
    }
    if (res.destroyed) return;
    if (!res.write(chunk) && !(await drained(res))) return;
  }
  res.end();
}

/** Resolves true once the response can take more, false if the connection closed first. */
function drained(res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const settle = (ok: boolean) => () => {
      res.off('drain', onDrain);
      res.off('close', onClose);
      resolve(ok);
    };
    const onDrain = settle(true);
    const onClose = settle(false);
    res.on('drain', onDrain);
    res.on('close', onClose);
  });
}
