import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validateBytes, type BytesValidationResult } from '@numbers-csv/shared';
import { describe as list } from './helpers/issues.js';

const folder = fileURLToPath(new URL('../../examples/', import.meta.url));
const read = (name: string): BytesValidationResult => validateBytes(readFileSync(folder + name));
/** line:column code, 1-based, in document order. */
const found = (result: BytesValidationResult): string[] => result.issues.map((issue) => `${issue.range.start.line + 1}:${issue.range.start.character + 1} ${issue.code}`);

describe('examples/', () => {
  const valid = ['create.csv', 'update.csv', 'attach.csv', 'detach.csv', 'delete.csv', 'mixed.csv', 'export.csv'];

  it('has the files this suite knows about', () => {
    const files = readdirSync(folder).filter((name) => name.endsWith('.csv'));
    for (const name of valid) assert.ok(files.includes(name), name);
  });

  for (const name of valid) {
    it(`${name} is valid`, () => {
      const result = read(name);
      assert.deepEqual(result.issues, [], list(result.issues));
      assert.ok(Object.values(result.table.counts).some((count) => count > 0));
    });
  }

  it('spreadsheet-mistakes.csv: every mistake at its exact place', () => {
    const result = read('spreadsheet-mistakes.csv');
    assert.equal(result.encoding, 'utf-8-bom');
    assert.equal(result.table.lineBreak, '\r\n');
    assert.deepEqual(found(result), [
      '1:103 unknown-column', // trailing unnamed, empty columns
      '1:104 unknown-column',
      '3:1 number-missing-plus',
      '3:24 unknown-provider', // Twilio
      '4:1 number-scientific',
      '5:1 number-formatting', // (415) 555-0104 with COUNTRY US
      '5:40 invalid-locale', // en_us
      '6:14 operation-case',
      '6:32 null-lookalike',
      '7:14 whitespace', // " Update "
      '9:1 formula', // ="+14155550107"
      '10:1 duplicate-number',
      '11:1 blank-row',
      '12:1 blank-row',
    ]);
    // The quoted NOTE that spans lines 7 and 8 is read as one value.
    assert.equal(result.table.rows[5]?.values[8], 'Moved to the\r\nsecond floor');
  });

  it('spreadsheet-semicolons.csv: one error for the separator, nothing else', () => {
    assert.deepEqual(found(read('spreadsheet-semicolons.csv')), ['1:7 wrong-delimiter']);
  });

  it('spreadsheet-unicode-text.csv: UTF-16 with tabs, as Excel saves "Unicode text"', () => {
    const result = read('spreadsheet-unicode-text.csv');
    assert.equal(result.encoding, 'utf-16le');
    assert.deepEqual(found(result), ['1:1 encoding', '1:7 wrong-delimiter']);
    assert.equal(result.table.rows[0]?.values[4], 'Réception');
  });

  it('spreadsheet-windows-1252.csv: read as Windows-1252, with a warning', () => {
    const result = read('spreadsheet-windows-1252.csv');
    assert.equal(result.encoding, 'windows-1252');
    assert.deepEqual(found(result), ['1:1 encoding']);
    assert.equal(result.table.rows[0]?.values[4], 'Cafétéria');
  });
});
