import { OPERATIONS, type Operation } from '../domain/operations.js';
import type { Settings } from '../settings.js';
import type { Table } from '../table.js';

export interface CountsSummary {
  /** "Create 3/100 · Update 812/800": rows per operation against its limit. */
  text: string;
  /** Operations with more rows than their limit, in the order of OPERATIONS. */
  over: Operation[];
}

/**
 * Rows per operation and their limits, for a code lens on the header and a status bar item. Only
 * the operations the file has are listed, or all of them while it has none, to show the limits.
 */
export function countsSummary(table: Table, settings: Settings): CountsSummary {
  const present = OPERATIONS.filter((operation) => table.counts[operation] > 0);
  const shown = present.length > 0 ? present : OPERATIONS;
  return {
    text: shown.map((operation) => `${operation} ${table.counts[operation]}/${settings.limits[operation]}`).join(' · '),
    over: present.filter((operation) => table.counts[operation] > settings.limits[operation]),
  };
}
