import { validate, type ValidationResult } from '../validate.js';
import { batchKey } from './row-number.js';
import { tableRows } from './table-rows.js';

/**
 * The numbers a batch names, as meant (E.164 where that is certain), each once, in file order: what
 * `readSnapshot` needs to keep. Takes the batch's text, or its validation if there is one already.
 */
export function numbersInBatch(source: string | ValidationResult): string[] {
  const { table } = typeof source === 'string' ? validate(source) : source;
  const seen = new Set<string>();
  for (const row of tableRows(table)) {
    const key = batchKey(row);
    if (key !== '') seen.add(key);
  }
  return [...seen];
}
