import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { validate } from '@numbers-csv/shared';
import { annotatedCsvModule } from './built.js';

const { annotatedCsv } = annotatedCsvModule;

const HEADER = 'NUMBER,OPERATION,MINIAPP_ID,PHONE_NUMBER_SET_ID,APPLICATION_TAG,LOCALE,NOTE';

/** The annotated file of `text` with its own issues, read back as records. */
function annotated(text: string): { csv: string; records: string[][] } {
  const csv = annotatedCsv(text, validate(text).issues);
  return { csv, records: parse(csv, { relax_column_count: true, bom: true }) as string[][] };
}

describe('blocks: annotated CSV', () => {
  it('adds ISSUES last: the header gets the name, each row its issues as COLUMN: message [code]', () => {
    const text = `${HEADER}\n+14155550101,Update,,,,xx_YY,\n+14155550102,Update,,,,,Fine\n12,Frobnicate,,,,,\n`;
    const { csv, records } = annotated(text);
    assert.deepEqual(records[0]?.at(-1), 'ISSUES');
    assert.match(records[1]?.at(-1) ?? '', /^LOCALE: "xx_YY" is not a known language tag\. .* \[invalid-locale\]$/);
    assert.equal(records[2]?.at(-1), '');
    assert.match(records[3]?.at(-1) ?? '', /^NUMBER: .* \[invalid-number\]; OPERATION: "Frobnicate" is not an operation\. .* \[unknown-operation\]$/);
    // The rows themselves are as they were.
    assert.deepEqual(
      records.map((record) => record.slice(0, -1)),
      parse(text),
    );
    assert.ok(csv.endsWith('\n') && !csv.includes('\r'));
  });

  it('puts the cell after a quoted value that spans lines, and keeps CRLF line breaks', () => {
    const text = `${HEADER}\r\n+14155550101,Update,,,,xx_YY,"first line\r\nsecond, line"\r\n+14155550102,Update,,,,en-US,"say ""hi"""\r\n`;
    const { csv, records } = annotated(text);
    assert.equal(records.length, 3);
    assert.equal(records[1]?.[6], 'first line\r\nsecond, line');
    assert.match(records[1]?.[7] ?? '', /\[invalid-locale\]$/);
    assert.equal(records[2]?.[6], 'say "hi"');
    assert.equal(records[2]?.[7], '');
    assert.equal(csv.split('\r\n').length, 5, 'four line breaks, all CRLF: one inside the quoted value, three after records');
    assert.doesNotMatch(csv.replaceAll('\r\n', ''), /[\r\n]/);
  });

  it('quotes an issue cell that holds the separator or quotes (RFC 4180)', () => {
    const text = `${HEADER}\n+14155550101,Update,,,,xx_YY,\n`;
    const { csv } = annotated(text);
    const line = csv.split('\n')[1] ?? '';
    assert.match(line, /^\+14155550101,Update,,,,xx_YY,,"LOCALE: ""xx_YY"" is not a known language tag\..*\[invalid-locale\]"$/);
  });

  it('uses the file’s separator, keeps its byte order mark, and marks warnings', () => {
    const text = `\uFEFFNUMBER;OPERATION;NOTES\n+14155550101;Delete;x\n`;
    const issues = validate(text).issues;
    assert.ok(issues.some((issue) => issue.severity === 'warning'));
    const csv = annotatedCsv(text, issues);
    assert.ok(csv.startsWith('\uFEFFNUMBER;OPERATION;NOTES;'));
    const records = parse(csv, { delimiter: ';', bom: true, relax_column_count: true }) as string[][];
    assert.equal(records.length, 2);
    assert.deepEqual(records[1]?.slice(0, 3), ['+14155550101', 'Delete', 'x']);
  });

  it('puts issues of no row in the header’s cell, so that none is lost', () => {
    const text = 'NUMBER,OPERATION,NOTE\n+14155550102,Update,Back office\n';
    const issues = validate(text).issues;
    assert.ok(issues.some((issue) => issue.row === undefined && issue.code === 'missing-column'));
    const records = parse(annotatedCsv(text, issues)) as string[][];
    assert.match(records[0]?.at(-1) ?? '', /^ISSUES \(file: MINIAPP_ID: Update rows need a MINIAPP_ID column.* \[missing-column\]; /);
  });

  it('leaves empty lines empty and the last line without a break if it had none', () => {
    const text = `${HEADER}\n\n+14155550101,Delete,,,,,`;
    const csv = annotatedCsv(text, []);
    assert.equal(csv, `${HEADER},ISSUES\n\n+14155550101,Delete,,,,,,`);
  });
});
