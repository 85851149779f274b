import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { completionsAt, CsvDocument, DEFAULT_SETTINGS, hoverAt, LineIndex, parseSettings, tableValues, validate, type DocumentChange, type Settings, type ValidationResult } from '@numbers-csv/shared';

const RUNS = Number(process.env['FC_NUM_RUNS'] ?? 300);
const SEED = process.env['FC_SEED'] ?? '20261204';
if (SEED !== 'random') fc.configureGlobal({ seed: Number(SEED) });

/** What must be equal: every record as read, every issue, the counts; not object identity. */
function comparable(result: ValidationResult): unknown {
  const { table, issues } = result;
  // A document lets the values of most records go: they are read again from its text.
  const records = [...(table.header ? [table.header.record] : []), ...table.rows].map((record) => {
    const { index, offset, length, starts, quoted, recovered } = record;
    return { index, offset, length, values: tableValues(table, record), starts, quoted, recovered };
  });
  return { records, issues, counts: table.counts, dataRows: table.dataRows, delimiter: table.delimiter, lineBreak: table.lineBreak, bom: table.bom, names: table.header?.names };
}

function assertSameAsFull(document: CsvDocument, context: string, settings: Settings = DEFAULT_SETTINGS): void {
  assert.deepEqual(comparable(document.result), comparable(validate(document.text, settings)), context);
}

/** Limits of one row each, so that edits take operations over and back under their limits. */
const TIGHT = parseSettings({ limits: { Create: 1, Update: 1, Attach: 1, Detach: 1, Delete: 1 } }).settings;

/** An edit at offsets of the current text, turned into the range an editor would send. */
function change(text: string, start: number, end: number, inserted: string): DocumentChange {
  const lines = new LineIndex(text);
  return { range: lines.range(start, end), text: inserted };
}

const example = (name: string) => readFileSync(new URL(`../../../../examples/${name}`, import.meta.url), 'utf8');

const PIECES = [
  'a', '1', ',', ',', '"', '"', '\n', '\n', '\r\n', '\r', ' ', ';', '<NULL>', 'Update', 'Delete', '+14155550123', 'en-US', 'NUMBER', ',,\n',
  // Whole rows: numbers already in the files (duplicates), and operations that fill the limits.
  '\n+14155550110,Delete', '\n+14155550101,Update,,,x', '\n+1 415 555 0102,Detach', '\n14155550111,Create,ocp,twilio',
];

/** Files with the usual mistakes, an unknown column and a column without a name among them. */
const UNKNOWN_COLUMNS = 'NUMBER,OPERATION,LOCAL,,MINIAPP_ID\n+14155550101,Update,en-US,,app\n+14155550102,Attach,,,app\n';

const editArbitrary = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  removed: fc.nat({ max: 30 }),
  inserted: fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }).map((parts) => parts.join('')),
});

describe('CsvDocument', () => {
  it('validates an edited document exactly as a fresh validation of its text', () => {
    const texts = [...['mixed.csv', 'update.csv', 'export.csv', 'spreadsheet-mistakes.csv', 'create.csv'].map(example), UNKNOWN_COLUMNS];
    fc.assert(
      fc.property(fc.constantFrom(...texts), fc.constantFrom(DEFAULT_SETTINGS, TIGHT), fc.array(editArbitrary, { minLength: 1, maxLength: 8 }), (initial, settings, edits) => {
        const document = new CsvDocument(initial, settings);
        for (const [step, edit] of edits.entries()) {
          const text = document.text;
          const start = Math.floor(edit.at * text.length);
          const end = Math.min(text.length, start + edit.removed);
          document.update([change(text, start, end, edit.inserted)]);
          assertSameAsFull(document, `after edit ${step + 1}: ${JSON.stringify(edit)}`, settings);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('applies several changes of one batch in order', () => {
    const document = new CsvDocument('NUMBER,OPERATION\n+14155550101,Delete\n+14155550102,Detach\n');
    let text = document.text;
    const headerEnd = text.indexOf('\n');
    const first = change(text, headerEnd, headerEnd, '\n+14155550109,update');
    text = text.slice(0, headerEnd) + '\n+14155550109,update' + text.slice(headerEnd);
    const second = change(text, 0, 0, ' ');
    document.update([first, second]);
    assert.equal(document.text, ' NUMBER,OPERATION\n+14155550109,update\n+14155550101,Delete\n+14155550102,Detach\n');
    assertSameAsFull(document, 'after a batch');
    assert.ok(document.result.issues.some((issue) => issue.code === 'operation-case' && issue.range.start.line === 1));
  });

  it('follows a quote opened and closed again across rows', () => {
    const document = new CsvDocument('NUMBER,OPERATION,NOTE\n+14155550101,Delete,a\n+14155550102,Delete,b\n+14155550103,Delete,c\n');
    const open = document.text.indexOf(',a') + 1;
    document.update([change(document.text, open, open, '"')]);
    assertSameAsFull(document, 'quote opened');
    assert.ok(document.result.issues.some((issue) => issue.code === 'unclosed-quote' || issue.code === 'stray-quote'));
    const close = document.text.indexOf(',b') + 2;
    document.update([change(document.text, close, close, '"')]);
    assertSameAsFull(document, 'quote closed two rows later');
    document.update([{ text: 'NUMBER,OPERATION\n+14155550101,Delete\n' }]);
    assertSameAsFull(document, 'whole text replaced');
  });

  it('moves the header findings when a blank line before the header gets a longer line break', () => {
    const document = new CsvDocument('\nNUMBER,GROUP_ID\n+14155550110,ocp\n');
    assert.ok(document.result.issues.some((issue) => issue.code === 'missing-operation-column'));
    document.update([change(document.text, 0, 0, '\r')]);
    assertSameAsFull(document, 'blank line now ends in CRLF');
  });

  describe('reading a large file a slice at a time', () => {
    /** Rows well past the first megabyte, where the first slice ends. */
    const large = (row: (i: number) => string) => ['NUMBER,OPERATION,NOTE', ...Array.from({ length: 30_000 }, (_, i) => row(i))].join('\r\n') + '\r\n';
    const number = (i: number) => `+1415${String(5_000_000 + i).padStart(7, '0')}`;

    it('reads records exactly as a whole reading does, with quoted notes across the slice boundaries', () => {
      const text = large((i) => `${number(i)},Delete,"note ${i}\nsecond line, ""quoted"""`);
      assert.ok(text.length > 1.5 * 1024 * 1024, 'long enough for two slices');
      assertSameAsFull(new CsvDocument(text), 'opened');
    });

    it('falls back to a whole reading for a quote mistake, and keeps up with edits after it', () => {
      const text = large((i) => (i === 20_000 ? `${number(i)},Delete,"unclosed` : `${number(i)},Delete,plain ${i % 7}`));
      const document = new CsvDocument(text);
      assertSameAsFull(document, 'opened');
      assert.ok(document.result.issues.some((issue) => issue.code === 'unclosed-quote' || issue.code === 'stray-quote'));
      const at = document.text.indexOf('"unclosed');
      document.update([change(document.text, at, at + 1, '')]);
      assertSameAsFull(document, 'quote removed');
      const later = document.text.indexOf(number(25_000));
      document.update([change(document.text, later, later + 1, '')]);
      assertSameAsFull(document, 'a number broken after it');
    });
  });

  it('answers hovers and completions on an edited document, whose text is kept in pieces', () => {
    const document = new CsvDocument('NUMBER,OPERATION,NOTE\n+14155550101,Delete,"a, b"\n+14155550102,Detach,c\n');
    const at = document.text.indexOf('Detach');
    document.update([change(document.text, at, at + 6, 'Del')]);
    assert.equal(document.text, 'NUMBER,OPERATION,NOTE\n+14155550101,Delete,"a, b"\n+14155550102,Del,c\n');
    const completions = completionsAt(document.result, at + 3, DEFAULT_SETTINGS);
    assert.deepEqual([completions?.start, completions?.end], [at, at + 3]);
    assert.ok(completions?.items.some((item) => item.label === 'Delete'));
    const inQuotes = document.text.indexOf('a, b') + 1;
    assert.match(hoverAt(document.result, inQuotes, DEFAULT_SETTINGS)?.markdown ?? '', /NOTE/);
  });

  it('joins a lone carriage return and a typed line feed into one line break', () => {
    const document = new CsvDocument('NUMBER,OPERATION\r+14155550101,Delete\r+14155550102,Delete\r');
    const at = document.text.indexOf('+14155550102');
    document.update([change(document.text, at, at, '\n')]);
    assertSameAsFull(document, 'CR then LF');
  });
});
