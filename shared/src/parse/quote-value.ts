import type { Delimiter } from '../table.js';

/** A value as a CSV field: quoted when it holds the separator, a quote or a line break. */
export function quoteValue(value: string, delimiter: Delimiter = ','): string {
  if (value.includes(delimiter) || value.includes('"') || value.includes('\n') || value.includes('\r')) {
    return `"${value.replaceAll('"', '""')}"`;
  }
  return value;
}
