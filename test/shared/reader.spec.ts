import assert from 'node:assert/strict';
import { applyEdits, fieldSpan, fixAll, validate } from '@numbers-csv/shared';
import { assertIssue, assertNoIssue, csv } from '../helpers/issues.js';

/** Regressions found by the property tests in properties.spec.ts, each reduced to its smallest case. */
describe('reader regressions', () => {
  it('keeps a lone surrogate in the value, so that a fix writing the value back does not replace it', () => {
    // csv-parse reads text as UTF-8 bytes, where a lone surrogate becomes U+FFFD.
    const text = 'NUMBER,OPERATION,NOTE\n+14155550101,Update, a\uD800 \n';
    const result = validate(text);
    const row = result.table.rows[0];
    assert.ok(row);
    assert.equal(row.values[2], ' a\uD800 ');
    const span = fieldSpan(row, 2);
    assert.ok(span);
    assert.equal(text.slice(...span), ' a\uD800 ');
    const issue = assertIssue(result, 'whitespace', { line: 2, column: 21, endColumn: 25 });
    assert.equal(applyEdits(text, issue.fixes?.[0]?.edits ?? []), 'NUMBER,OPERATION,NOTE\n+14155550101,Update,a\uD800\n');
  });

  it('keeps a lone surrogate inside a quoted field', () => {
    const text = 'NUMBER,OPERATION,NOTE\n+14155550101,Update,"\uDC00, ""x"""\n';
    const row = validate(text).table.rows[0];
    assert.equal(row?.values[2], '\uDC00, "x"');
  });

  it('sniffs the separator on the header, not on a line of only spaces and tabs before it', () => {
    const text = `\t \n${csv`
      NUMBER,OPERATION
      +14155550101,Delete
    `}`;
    const result = validate(text);
    assert.equal(result.table.delimiter, ',');
    assertNoIssue(result, 'wrong-delimiter');
    assert.deepEqual(result.table.header?.names, ['NUMBER', 'OPERATION']);
    assertIssue(result, 'blank-row', { line: 1, column: 1 });
    assert.equal(fixAll(text).text, 'NUMBER,OPERATION\n+14155550101,Delete\n');
  });

  it('still takes a separator from a blank line that holds one, and from a tab header after a blank line', () => {
    assert.equal(validate(';;\nNUMBER;OPERATION\n').table.delimiter, ';');
    assert.equal(validate('\t\t\nNUMBER\tOPERATION\n').table.delimiter, '\t');
    assert.equal(validate('\nNUMBER;OPERATION\n').table.delimiter, ';');
  });

  it('fixAll places edits right when a fix brings a U+FEFF from inside the file to its start', () => {
    // Removing the empty first column leaves the text starting with U+FEFF, which validation then
    // reads as a byte order mark; the trim on the next pass used to land one character early.
    const text = ',\uFEFFNUMBER, OPERATION\n,+14155550101,Delete\n';
    const fixed = fixAll(text);
    assert.equal(fixed.text, '\uFEFFNUMBER,OPERATION\n+14155550101,Delete\n');
    assert.deepEqual(fixed.issues, []);
  });

  it('reads a tab as a separator, not as padding before a quote, in a tab-separated file', () => {
    // A quote mistake sends the record to the lenient reader, which took the tab for a space.
    const result = validate('NUMBER\tNOTE\n\t"x\n');
    assert.equal(result.table.delimiter, '\t');
    const row = result.table.rows[0];
    assert.deepEqual(row?.values, ['', 'x']);
    assert.ok(row);
    assert.deepEqual([fieldSpan(row, 0), fieldSpan(row, 1)], [[row.offset, row.offset], [row.offset + 1, row.offset + 3]]);
    assertIssue(result, 'unclosed-quote', { line: 2, column: 2 });
    assert.ok(!result.issues.some((issue) => /spaces before it/.test(issue.message)), 'a tab read as padding');
  });

  it('still reads spaces before a quote as padding in a tab-separated file', () => {
    const row = validate('NUMBER\tNOTE\n+14155550101\t "a\tb"\n').table.rows[0];
    assert.deepEqual(row?.values, ['+14155550101', 'a\tb']);
    assert.ok(row);
    assert.deepEqual([fieldSpan(row, 0), fieldSpan(row, 1)], [[row.offset, row.offset + 12], [row.offset + 13, row.offset + 19]]);
  });

  it('sniffs a header with a quote left open as if it had no quotes', () => {
    // Counting the commas after the stray quote as quoted took this for a `;` file, and fixAll then
    // quoted each comma row whole as "a quote inside an unquoted field".
    const text = ';",NUMBER,OPERATION,NOTE\n,+14155550101,Update,"Say ""hi"""\n';
    const result = validate(text);
    assert.equal(result.table.delimiter, ',');
    assertNoIssue(result, 'wrong-delimiter');
    assert.deepEqual(result.table.rows[0]?.values, ['', '+14155550101', 'Update', 'Say "hi"']);
    assert.equal(validate('"NUMBER";"OPERATION"\n').table.delimiter, ';');
  });
});

describe('field spans of wide records', () => {
  it('places quoted fields before and beyond the 30 whose quoting a record notes in a bit mask', () => {
    const names = Array.from({ length: 34 }, (_, i) => `C${i}`);
    const cells = names.map((_, i) => (i % 3 === 0 ? `"v${i}, ""q"""` : `v${i}`));
    const text = `${names.join(',')}\n${cells.join(',')}\n`;
    const row = validate(text).table.rows[0];
    assert.ok(row);
    cells.forEach((cell, i) => {
      const span = fieldSpan(row, i);
      assert.ok(span);
      assert.equal(text.slice(...span), cell, `field ${i}`);
    });
  });
});
