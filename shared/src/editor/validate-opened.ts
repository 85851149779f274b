import { keepFindings, reportKept, type KeptValidation } from '../kept-validation.js';
import { readHeader } from '../new-table.js';
import { readRecords } from '../parse/read-records.js';
import { isBlankRecord } from '../rules/blank-row.js';
import type { Finding } from '../rules/context.js';
import { RowChecks } from '../rules/row-checks.js';
import type { Settings } from '../settings.js';
import type { CsvRecord } from '../table.js';
import { startValidation, validate, validateRecords, type Started, type ValidationResult } from '../validate.js';
import { readInSlices } from './read-in-slices.js';

/**
 * Validates a text an editor opened, as `validate` does, and keeps what the next edit needs to be
 * validated from. The text is read a slice at a time and each row is checked as its slice comes in:
 * once the rules have seen a row, its values go (see `release`), so they die young instead of all of
 * them outliving the reading of the whole file.
 *
 * Nothing is kept for a file that has no rows to check (empty or too large), a file with a byte order
 * mark or another separator than commas (their fixes rewrite the whole file), or one with a quote
 * mistake, which the next edit may move anywhere.
 */
export function validateOpened(source: string, settings: Settings): { result: ValidationResult; kept?: KeptValidation } {
  const started = startValidation(source, settings);
  if ('done' in started) return { result: started.done };
  const { text, table, ctx } = started;
  if (table.bom || table.delimiter !== ',') {
    const { records, findings } = readRecords(text, 0, table.delimiter);
    return { result: validateRecords(started, records, findings) };
  }

  const records: CsvRecord[] = [];
  let kept: KeptValidation | undefined;
  const slices = readInSlices(text, table.delimiter);
  let slice = slices.next();
  for (; !slice.done; slice = slices.next()) {
    for (const record of slice.value) {
      records.push(record);
      if (kept) keepFindings(kept, record, ctx);
      else if (!isBlankRecord(record)) kept = startKeeping(started, record, records, settings);
    }
  }
  // A quote mistake: the whole reading replaces what the slices gave, and what was checked goes with it.
  if (slice.value) return { result: validate(source, settings) };
  if (!kept) return { result: validateRecords(started, records, []) };
  return { result: reportKept(kept, text, table.lines), kept };
}

/** What is kept, from the header on: the header's rules have run, and no row has been checked. */
function startKeeping({ table, ctx }: Started, headerRecord: CsvRecord, records: CsvRecord[], settings: Settings): KeptValidation {
  const header = readHeader(headerRecord);
  table.header = header;
  const head: Finding[] = [];
  ctx.recording = head;
  const checks = new RowChecks(header, ctx);
  ctx.recording = undefined;
  return { settings, delimiter: table.delimiter, header, records, checks, head: { offset: headerRecord.offset, findings: head }, rows: new Map() };
}
