import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { fieldSpan, fixAll, isReleased, release, tableValues, validate, type CsvRecord, type Issue, type IssueCode, type Operation, type Position, type Range } from '@numbers-csv/shared';

/** Enough runs to find the usual suspects; `FC_NUM_RUNS` raises it for a longer hunt. */
const RUNS = Number(process.env['FC_NUM_RUNS'] ?? 500);

/**
 * The same inputs on every run by default, so that a red build always points at a change and can be
 * replayed; `FC_SEED=random` (or a number) explores further, and prints the seed of any failure.
 */
const SEED = process.env['FC_SEED'] ?? '20261204';
if (SEED !== 'random') fc.configureGlobal({ seed: Number(SEED) });

// ---------------------------------------------------------------------------------------------
// Texts

/** Pieces of CSV and of this domain, so that random texts hit quotes, separators and rules. */
const CSVISH = [
  ',', ',', ';', '\t', '"', '"', '""', '\r', '\n', '\n', '\r\n', ' ', 'a', 'Z', '1', '0', 'é', '😀', '\uFEFF',
  '<NULL>', 'NULL', 'null', '=', '=A1', '+', '-', '(', ')', '.', 'E+10',
  'NUMBER', 'OPERATION', 'LOCALE', 'LOCAL', 'PROVIDER', 'GROUP_ID', 'MINIAPP_ID', 'NOTE', 'COUNTRY',
  'Create', 'Update', 'update', 'Attach', 'Detach', 'Delete', 'Delet',
  '+14155550101', '14155550101', '4155550101', '+1 415 555 0101', 'en-US', 'en_us', 'US', 'twilio', 'Twilio',
];

const csvishText = fc.array(fc.constantFrom(...CSVISH), { maxLength: 60 }).map((parts) => parts.join(''));

/** Lone surrogates are valid in a JS string (an editor can hold them) but not in any file encoding. */
const anyUnit = fc.oneof(fc.string({ unit: 'binary', maxLength: 1 }), fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit)));

const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: anyUnit, maxLength: 80 }),
  csvishText,
  // A real header first, so that row rules run on the random rest.
  fc.tuple(fc.constantFrom('NUMBER,OPERATION\n', 'NUMBER,OPERATION,LOCALE,MINIAPP_ID,GROUP_ID,PROVIDER,NOTE\r\n', 'NUMBER;OPERATION\n'), csvishText).map(([head, rest]) => head + rest),
);

/** Fields that csv-parse accepts, so that the reader can be compared with it on many quotes and line breaks. */
const wellFormedCsv = (() => {
  const plainUnit = fc.constantFrom('a', 'b', '1', ' ', '\t', 'é', '😀', '<NULL>', '+1415', ';');
  const quotedUnit = fc.constantFrom('a', ',', '"', '""', '\n', '\r\n', '\r', ' ', ';', '😀');
  const field = fc.oneof(
    fc.string({ unit: plainUnit, maxLength: 6 }),
    fc.string({ unit: quotedUnit, maxLength: 6 }).map((value) => `"${value.replaceAll('"', '""')}"`),
  );
  const record = fc.array(field, { minLength: 1, maxLength: 5 }).map((fields) => fields.join(','));
  const lineBreak = fc.constantFrom('\n', '\r\n', '\r');
  return fc
    .tuple(fc.array(fc.tuple(record, lineBreak), { minLength: 1, maxLength: 8 }), fc.boolean())
    .map(([records, trailing]) => {
      const text = records.map(([line, brk]) => line + brk).join('');
      const last = records[records.length - 1]?.[1] ?? '';
      return trailing ? text : text.slice(0, text.length - last.length);
    });
})();

// Valid files: a header with every column an operation may need, in any order, and rows of each operation.

const BATCH_COLUMNS = ['NUMBER', 'OPERATION', 'GROUP_ID', 'PROVIDER', 'MINIAPP_ID', 'PHONE_NUMBER_SET_ID', 'APPLICATION_TAG', 'LOCALE', 'NOTE'] as const;
type BatchColumn = (typeof BATCH_COLUMNS)[number];
const OPERATION_NAMES: readonly Operation[] = ['Create', 'Update', 'Attach', 'Detach', 'Delete'];

const NOTES = ['', 'Main line', 'Reception, front desk', 'Say "hi"', 'Two\nlines', '<NULL>'];

function rowValues(operation: Operation, i: number, note: string): Record<BatchColumn, string> {
  const values: Record<BatchColumn, string> = {
    NUMBER: `+1415555${String(1000 + i).padStart(4, '0')}`,
    OPERATION: operation,
    GROUP_ID: '',
    PROVIDER: '',
    MINIAPP_ID: '',
    PHONE_NUMBER_SET_ID: '',
    APPLICATION_TAG: '',
    LOCALE: '',
    NOTE: '',
  };
  if (operation === 'Create') Object.assign(values, { GROUP_ID: 'ocp', PROVIDER: 'twilio' });
  if (operation === 'Update') Object.assign(values, { MINIAPP_ID: 'test.surname_test.Numeric.MiniApps.ocp', PHONE_NUMBER_SET_ID: 'testSetId', LOCALE: 'en-US', NOTE: note });
  if (operation === 'Attach') Object.assign(values, { MINIAPP_ID: 'test.surname_test.Numeric.MiniApps.ocp', LOCALE: 'fr-FR' });
  return values;
}

const field = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

interface FileModel {
  columns: BatchColumn[];
  rows: [Operation, string][];
  lineBreak: '\n' | '\r\n';
  trailing: boolean;
  bom: boolean;
}

const fileModel: fc.Arbitrary<FileModel> = fc.record({
  columns: fc.shuffledSubarray([...BATCH_COLUMNS], { minLength: BATCH_COLUMNS.length }),
  rows: fc.array(fc.tuple(fc.constantFrom(...OPERATION_NAMES), fc.constantFrom(...NOTES)), { minLength: 1, maxLength: 12 }),
  lineBreak: fc.constantFrom('\n', '\r\n'),
  trailing: fc.boolean(),
  bom: fc.boolean(),
});

/**
 * The file as CSV. Columns in `dropped` are left out of the header, and also out of the rows unless
 * `headerOnly`: the two ways a column goes missing when people edit a file by hand.
 */
function renderFile({ columns, rows, lineBreak, trailing, bom }: FileModel, dropped: readonly BatchColumn[] = [], headerOnly = false): string {
  const kept = columns.filter((column) => !dropped.includes(column));
  const lines = [kept.join(','), ...rows.map(([operation, note], i) => {
    const values = rowValues(operation, i, note);
    return (headerOnly ? columns : kept).map((column) => field(values[column])).join(',');
  })];
  return `${bom ? '\uFEFF' : ''}${lines.join(lineBreak)}${trailing ? lineBreak : ''}`;
}

const validFile = fileModel.map((model) => renderFile(model));

interface Edit {
  at: number;
  kind: 'insert' | 'delete' | 'replace';
  length: number;
  text: string;
}

const EDIT_PIECES = [',', ';', '"', '\r', '\n', '\r\n', '\t', ' ', '  ', 'a', '1', '+', '-', '(', '<NULL>', 'null', 'NULL', '=', 'delete', 'update', 'en-us', 'Twilio', '\uFEFF'];
const randomEdit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('insert', 'delete', 'replace'),
  length: fc.integer({ min: 1, max: 6 }),
  text: fc.array(fc.constantFrom(...EDIT_PIECES), { minLength: 1, maxLength: 3 }).map((parts) => parts.join('')),
});

function applyRandomEdits(text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const { at, kind, length, text: piece } of edits) {
    const start = at % (out.length + 1);
    const end = kind === 'insert' ? start : Math.min(out.length, start + length);
    out = out.slice(0, start) + (kind === 'delete' ? '' : piece) + out.slice(end);
  }
  return out;
}

/** A valid file after random edits, some of which take a column out (most runs take none). */
const editedValidFile = fc
  .record({
    model: fileModel,
    dropped: fc.oneof({ weight: 3, arbitrary: fc.constant<BatchColumn[]>([]) }, { weight: 2, arbitrary: fc.subarray([...BATCH_COLUMNS], { minLength: 1, maxLength: 3 }) }),
    headerOnly: fc.boolean(),
    edits: fc.array(randomEdit, { minLength: 1, maxLength: 4 }),
  })
  .map(({ model, dropped, headerOnly, edits }) => applyRandomEdits(renderFile(model, dropped, headerOnly), edits));

// ---------------------------------------------------------------------------------------------
// Checks

const show = (text: string): string => JSON.stringify(text);

function describeIssues(issues: readonly Issue[]): string {
  return issues.map((issue) => `  ${issue.range.start.line}:${issue.range.start.character}-${issue.range.end.line}:${issue.range.end.character} ${issue.severity} ${issue.code}: ${issue.message}`).join('\n') || '  (none)';
}

/** Line lengths without their breaks, split independently of the core's LineIndex. */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}

const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);

function checkRange(range: Range, lengths: readonly number[], what: string, text: string): void {
  for (const [end, position] of [['start', range.start], ['end', range.end]] as const) {
    const length = lengths[position.line];
    assert.ok(
      Number.isInteger(position.line) && Number.isInteger(position.character) && position.line >= 0 && length !== undefined && position.character >= 0 && position.character <= length,
      `${what}: ${end} ${position.line}:${position.character} is outside the document (${lengths.length} lines; that line has ${length ?? 'no'} characters) in ${show(text)}`,
    );
  }
  assert.ok(before(range.start, range.end), `${what}: start ${range.start.line}:${range.start.character} is after end ${range.end.line}:${range.end.character} in ${show(text)}`);
}

function checkIssueRanges(text: string, issues: readonly Issue[]): void {
  const lengths = lineLengths(text);
  for (const issue of issues) {
    const name = `${issue.code} "${issue.message}"`;
    checkRange(issue.range, lengths, name, text);
    issue.related?.forEach((related, i) => checkRange(related.range, lengths, `${name}, related ${i}`, text));
    issue.fixes?.forEach((fix) => fix.edits.forEach((edit, i) => checkRange(edit.range, lengths, `${name}, fix "${fix.title}" edit ${i}`, text)));
  }
}

function errorCounts(issues: readonly Issue[]): Map<IssueCode, number> {
  const counts = new Map<IssueCode, number>();
  for (const issue of issues) if (issue.severity === 'error') counts.set(issue.code, (counts.get(issue.code) ?? 0) + 1);
  return counts;
}

/**
 * A value as csv-parse can give it: it reads the text as UTF-8, where a lone surrogate becomes
 * U+FFFD. The reader keeps the text's own characters, which the span check below holds it to.
 */
const asUtf8 = (value: string): string => value.replace(/\p{Surrogate}/gu, '\uFFFD');

function unquote(raw: string): string {
  return raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1).replaceAll('""', '"') : raw;
}

/** Fields in order, inside their record, with one separator between neighbours. */
function checkRecordShape(text: string, record: CsvRecord): void {
  const where = `record ${record.index} (offset ${record.offset}) of ${show(text)}`;
  if (record.starts) assert.equal(record.starts.length, record.values.length, `${where}: ${record.values.length} values but ${record.starts.length} field starts`);
  let previousEnd = -1;
  record.values.forEach((_, i) => {
    const [start, end] = fieldSpan(record, i) ?? [Number.NaN, Number.NaN];
    assert.ok(start <= end, `${where}: field ${i} ends before it starts`);
    if (i === 0) assert.equal(start, record.offset, `${where}: the first field does not start the record`);
    else assert.equal(start, previousEnd + 1, `${where}: field ${i} does not follow field ${i - 1} and one separator`);
    previousEnd = end;
  });
  assert.equal(previousEnd, record.offset + record.length, `${where}: the last field does not end the record`);
  assert.ok(record.offset + record.length <= text.length, `${where}: runs past the end of the text`);
}

// ---------------------------------------------------------------------------------------------

describe('properties of validation', function () {
  // Hundreds of validations per property; generous for slow machines, and never a timing assertion.
  this.timeout(120_000);

  it('never throws, on any text', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, editedValidFile), (text) => {
        validate(text);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('places every issue, related range and fix edit inside the document, start before end', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, editedValidFile, wellFormedCsv), (source) => {
        const { table, issues } = validate(source);
        // Positions never count a byte order mark: they refer to the table's text, which has none.
        const text = table.text;
        assert.equal(table.lines.lineCount, lineLengths(text).length, `LineIndex counts ${table.lines.lineCount} lines in ${show(text)}`);
        checkIssueRanges(text, issues);
      }),
      // Earlier counterexamples: a header read as one field, under a sniffed `;`.
      { numRuns: RUNS * 2, examples: [['"\r\n",;;\n'], ['"\r\n",;a1;\n']] },
    );
  });

  it('reads records that tile the text, whatever the quotes', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, editedValidFile, wellFormedCsv), (source) => {
        const { table } = validate(source);
        const text = table.text;
        const records = table.header ? [table.header.record, ...table.rows] : [];
        let previousEnd = -1;
        for (const record of records) {
          checkRecordShape(text, record);
          assert.ok(record.offset > previousEnd, `record ${record.index} overlaps the one before it in ${show(text)}`);
          previousEnd = record.offset + record.length;
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('reads the values of a record that let them go again from its text, as they were read', () => {
    let released = 0;
    fc.assert(
      fc.property(fc.oneof(anyText, editedValidFile, wellFormedCsv), (source) => {
        const { table } = validate(source);
        for (const record of table.rows) {
          const copy = { ...record, values: [...record.values] };
          release(copy, record.values.length);
          if (!isReleased(copy)) continue;
          released++;
          assert.deepEqual(tableValues(table, copy), record.values, `record ${record.index} of ${show(table.text)}`);
        }
      }),
      { numRuns: RUNS },
    );
    assert.ok(released > RUNS, `only ${released} records were released`);
  });

  it('finds no error in the generated valid files', () => {
    fc.assert(
      fc.property(validFile, (text) => {
        const errors = validate(text).issues.filter((issue) => issue.severity === 'error');
        assert.equal(errors.length, 0, `errors in ${show(text)}:\n${describeIssues(errors)}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('fixAll never adds an error, for any code, to an edited valid file', () => {
    fc.assert(fc.property(editedValidFile, checkFixAllAddsNoError), { numRuns: RUNS * 2 });
  });

  // The smallest inputs on which that property failed, so that each stays in view until it is fixed.
  for (const [name, text] of [
    ['a U+FEFF that a fix brings to the start of the text', ',\uFEFFNUMBER, OPERATION\n,+14155550101,Delete\n'],
    ['"Add 1 empty field" on a row that ends inside an unclosed quote', 'NUMBER,OPERATION,LOCALE,NOTE\n+14155550101,Delete,"en-US\n'],
    ['a formula in NUMBER whose text is not a number', 'NUMBER,OPERATION\n="abc",Delete\n'],
    ['"Add an empty column" on a header that ends inside an unclosed quote', 'NUMBER,OPERATION,NOTE,"PHONE_NUMBER_SET_ID\n+14155551001,Update,x,testSetId\n'],
  ] as const) {
    it(`fixAll never adds an error: ${name}`, () => checkFixAllAddsNoError(text));
  }
});

/** For every code, no more errors after fixAll than before it. */
function checkFixAllAddsNoError(text: string): void {
  const found = validate(text).issues;
  const fixed = fixAll(text);
  const was = errorCounts(found);
  const is = errorCounts(fixed.issues);
  for (const [code, count] of is) {
    assert.ok(
      count <= (was.get(code) ?? 0),
      `fixAll raised ${code} errors from ${was.get(code) ?? 0} to ${count}\ninput: ${show(text)}\nfixed: ${show(fixed.text)}\nbefore:\n${describeIssues(found)}\nafter:\n${describeIssues(fixed.issues)}`,
    );
  }
}

describe('the reader agrees with csv-parse', function () {
  this.timeout(120_000);

  it('on every text csv-parse accepts: same values, and spans that hold exactly the raw fields', () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.oneof(wellFormedCsv, csvishText, anyText, editedValidFile), (source) => {
        const { table } = validate(source);
        // The byte order mark is not data: offsets refer to the text without it, and csv-parse reads that too.
        const text = table.text;
        let expected: string[][];
        try {
          expected = parse(text, { delimiter: table.delimiter, relax_column_count: true, skip_empty_lines: false, record_delimiter: ['\r\n', '\n', '\r'] });
        } catch {
          return;
        }
        compared++;
        // Blank records before the header are not part of the table.
        const firstFilled = expected.findIndex((values) => values.some((value) => value.trim() !== ''));
        const want = firstFilled === -1 ? [] : expected.slice(firstFilled);
        const records = table.header ? [table.header.record, ...table.rows] : [];
        assert.deepEqual(
          records.map((record) => record.values.map(asUtf8)),
          want,
          `values differ from csv-parse's for ${show(text)} (delimiter ${show(table.delimiter)})`,
        );
        for (const record of records) {
          record.values.forEach((value, i) => {
            const span = fieldSpan(record, i);
            assert.ok(span, `record ${record.index} has no span for field ${i} in ${show(text)}`);
            const raw = text.slice(...span);
            assert.equal(unquote(raw), value, `record ${record.index}, field ${i}: span ${span.join('-')} holds ${show(raw)}, not the field of ${show(value)}, in ${show(text)}`);
          });
        }
      }),
      // Earlier counterexamples: a lone surrogate; a byte order mark before an empty first field.
      { numRuns: RUNS * 2, examples: [['\uD800'], ['\uFEFF,NOTE\n,x']] },
    );
    // Without this, a generator that csv-parse always refuses would pass for nothing.
    assert.ok(compared > RUNS / 2, `only ${compared} texts were accepted by csv-parse`);
  });
});
