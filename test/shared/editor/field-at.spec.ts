import assert from 'node:assert/strict';
import { fieldAt, fieldSpan, validate, type FieldAt } from '@numbers-csv/shared';
import { csv, settings } from '../../helpers/issues.js';
import { atCursor } from './cursor.js';

function fieldAtCursor(marked: string): FieldAt & { text: string } {
  const at = atCursor(marked);
  const field = fieldAt(at.result.table, at.offset);
  assert.ok(field, 'expected a field at the cursor');
  return { ...field, text: at.text };
}

describe('fieldAt', () => {
  it('finds a data field, its column and its row', () => {
    const field = fieldAtCursor('NUMBER,OPERATION\n+14155550101,Upd|ate\n');
    assert.equal(field.isHeader, false);
    assert.equal(field.row, 1);
    assert.equal(field.fieldIndex, 1);
    assert.equal(field.column, 'OPERATION');
    assert.equal(field.value, 'Update');
    assert.equal(field.text.slice(field.start, field.end), 'Update');
    assert.equal(field.quoted, false);
  });

  it('counts a cursor right after the last character as in the field, and one after a separator as in the next', () => {
    assert.equal(fieldAtCursor('NUMBER,OPERATION\n+14155550101|,Update\n').column, 'NUMBER');
    assert.equal(fieldAtCursor('NUMBER,OPERATION\n+14155550101,|Update\n').column, 'OPERATION');
    assert.equal(fieldAtCursor('NUMBER,OPERATION\n+14155550101,Update|\n').column, 'OPERATION');
    assert.equal(fieldAtCursor('NUMBER,OPERATION\r\n+14155550101,Update|\r\n').column, 'OPERATION');
  });

  it('finds an empty field between two separators', () => {
    const field = fieldAtCursor('NUMBER,OPERATION,NOTE\n+14155550101,|,x\n');
    assert.equal(field.column, 'OPERATION');
    assert.equal(field.start, field.end);
  });

  it('reads inside a quoted field that spans lines', () => {
    const field = fieldAtCursor('NUMBER,OPERATION,NOTE\n+14155550101,Update,"first line\nsec|ond, line"\n+14155550102,Delete,\n');
    assert.equal(field.row, 1);
    assert.equal(field.column, 'NOTE');
    assert.equal(field.quoted, true);
    assert.equal(field.value, 'first line\nsecond, line');
    assert.equal(field.text.slice(field.start, field.end), '"first line\nsecond, line"');
    assert.equal(field.text.slice(field.valueStart, field.valueEnd), 'first line\nsecond, line');
  });

  it('places the value of a quoted field with doubled quotes inside its own quotes', () => {
    const field = fieldAtCursor('NUMBER,OPERATION,NOTE\n+14155550101,Update,"say ""hi""|"\n');
    assert.equal(field.text.slice(field.valueStart, field.valueEnd), 'say ""hi""');
  });

  it('reads a quote that is not closed yet as a quoted field that runs to the end of its line', () => {
    const atEnd = fieldAtCursor('NUMBER,OPERATION,LOCALE\n+14155550101,Attach,"en-|');
    assert.equal(atEnd.column, 'LOCALE');
    assert.equal(atEnd.quoted, true);
    assert.equal(atEnd.text.slice(atEnd.valueStart, atEnd.valueEnd), 'en-');

    const beforeRows = fieldAtCursor('NUMBER,OPERATION,LOCALE\n+14155550101,Attach,"en-|\n+14155550102,Delete,\n');
    assert.equal(beforeRows.row, 1);
    assert.equal(beforeRows.text.slice(beforeRows.valueStart, beforeRows.valueEnd), 'en-');
  });

  it('finds the header and names its cells', () => {
    const field = fieldAtCursor('NUMBER, OPER|ATION \n+14155550101,Update\n');
    assert.equal(field.isHeader, true);
    assert.equal(field.row, undefined);
    assert.equal(field.column, 'OPERATION');
    assert.equal(field.text.slice(field.start, field.end), ' OPERATION ');
  });

  it('puts a new empty line at the end in an empty record of its own: the next row, first field', () => {
    const field = fieldAtCursor(csv`
      OPERATION,NUMBER
      Delete,+14155550101
    ` + '|');
    assert.equal(field.isHeader, false);
    assert.equal(field.row, 2);
    assert.equal(field.fieldIndex, 0);
    assert.equal(field.column, 'OPERATION');
    assert.deepEqual([field.start, field.end], [field.text.length, field.text.length]);
    assert.deepEqual(field.record.values, ['']);
  });

  it('reads a new line right after the header as row 1', () => {
    const field = fieldAtCursor('NUMBER,OPERATION\r\n|');
    assert.equal(field.row, 1);
    assert.equal(field.column, 'NUMBER');
  });

  it('reads an empty line between rows as an empty row', () => {
    const field = fieldAtCursor('NUMBER,OPERATION\n+14155550101,Delete\n|\n+14155550102,Delete\n');
    assert.equal(field.row, 2);
    assert.equal(field.fieldIndex, 0);
    assert.equal(field.column, 'NUMBER');
    assert.equal(field.start, field.end);
  });

  it('reads blank lines before the header as neither header nor row', () => {
    const field = fieldAtCursor('\n,|,\nNUMBER,OPERATION\n+14155550101,Delete\n');
    assert.equal(field.isHeader, false);
    assert.equal(field.row, undefined);
    assert.equal(field.column, undefined);
    assert.equal(field.record.index, 1);
    assert.equal(field.fieldIndex, 1);
  });

  it('reads the first line of an empty or blank file as the header to be', () => {
    assert.equal(fieldAtCursor('|').isHeader, true);
    const blank = fieldAtCursor('\n|\n');
    assert.equal(blank.isHeader, true);
    assert.equal(blank.record.index, 1);
  });

  it('returns no field for a file too large to have been read', () => {
    const result = validate('NUMBER,OPERATION\n+14155550101,Delete\n', settings({ maxFileBytes: 10 }));
    assert.equal(fieldAt(result.table, 3), undefined);
  });

  it('reports, at every offset of a file, the field that holds it', () => {
    const text = '\nNUMBER,OPERATION,NOTE\r\n+14155550101,Update,"a\r\nb"\r\n\r\n"+14155550102",Delete,\r\n+14155550103,Attach,"open\r\n';
    const table = validate(text).table;
    for (let offset = 0; offset <= text.length; offset++) {
      const field = fieldAt(table, offset);
      assert.ok(field, `a field at ${offset}`);
      // Between the \r and the \n of a line break, the cursor still belongs to the line it ends.
      const inLineBreak = text[offset - 1] === '\r' && text[offset] === '\n';
      const end = inLineBreak ? field.end + 1 : field.end;
      assert.ok(field.start <= offset && offset <= end, `${offset} in [${field.start}, ${field.end}]`);
      const span = fieldSpan(field.record, field.fieldIndex);
      if (field.record.length > 0) assert.deepEqual(span, [field.start, field.end], `span at ${offset}`);
    }
  });
});
