import assert from 'node:assert/strict';
import { hoverAt, type CellHover } from '@numbers-csv/shared';
import { csv, settings } from '../../helpers/issues.js';
import { atCursor, slice } from './cursor.js';

const UPDATE_HEADER = 'NUMBER,OPERATION,MINIAPP_ID,PHONE_NUMBER_SET_ID,APPLICATION_TAG,LOCALE,NOTE';

function hover(marked: string, input: Parameters<typeof settings>[0] = {}): CellHover & { over: string } {
  const at = atCursor(marked, settings(input));
  const found = hoverAt(at.result, at.offset, at.settings);
  assert.ok(found, 'expected a hover');
  return { ...found, over: slice(at, found) };
}

/** The hover's paragraphs: its first line says what the cell does, the second what the row does. */
function paragraphs(marked: string): string[] {
  return hover(marked).markdown.split('\n\n');
}

describe('hoverAt', () => {
  describe('on the header', () => {
    it('explains a known column: its meaning, the operations that need it, and <NULL>', () => {
      const found = hover('NUMBER,OPERATION,LOC|ALE\n');
      assert.equal(found.over, 'LOCALE');
      assert.equal(
        found.markdown,
        [
          '### LOCALE',
          "The number's language, as a BCP 47 tag (en-US, fr-FR).",
          '- Required by Update and Attach.\n- Needs a value in Attach rows.\n- Empty in an Update row: left as it is.\n- Write `<NULL>` in an Update row to clear it.',
        ].join('\n\n'),
      );
    });

    it('says that NUMBER is needed everywhere and cannot be cleared, and which formats are accepted', () => {
      const { markdown } = hover('NUM|BER,OPERATION\n', { numberFormats: ['e164'] });
      assert.match(markdown, /^### NUMBER\n\nThe phone number, in E\.164 \(\+14155550123\), or the number's UUID/);
      assert.match(markdown, /- Required by every operation\.\n- Every row needs a value\.\n- `<NULL>` cannot clear it\./);
      assert.match(markdown, /Formats accepted here: E\.164\.$/);
    });

    it('says that an export column is read-only', () => {
      assert.match(hover('NUMBER,OPERATION,COUN|TRY\n').markdown, /- Read-only: it comes from the export, and the platform ignores it in an operations file\./);
    });

    it('sums up the operations and their limits on OPERATION', () => {
      const { markdown } = hover(csv`
        NUMBER,OPERA|TION
        +14155550101,Delete
        +14155550102,Delete
        +14155550103,Detach
      `, { limits: { Delete: 1 } });
      assert.match(markdown, /In this file: Detach 1\/100 · Delete 2\/1 \(rows \/ limit per file\)\.$/);
    });

    it('names the known column an unknown one most likely means', () => {
      const found = hover('NUMBER,OPERATION,LOC|AL\n');
      assert.equal(found.over, 'LOCAL');
      assert.equal(found.markdown, '### `LOCAL`\n\nNot a column the platform knows, so it would ignore its values. Did you mean LOCALE?');
      assert.equal(hover('NUMBER,OPERATION,COL|OUR\n').markdown, '### `COLOUR`\n\nNot a column the platform knows, so it would ignore its values.');
    });
  });

  describe('on a value', () => {
    it('says what a value of an Update sets, and what the whole row does', () => {
      assert.deepEqual(paragraphs(`${UPDATE_HEADER}\n+14155550101,Update,,,,en-G|B,<NULL>\n`), [
        'Row 1 · Update · sets LOCALE to `en-GB`',
        'Update: on `+14155550101`, sets LOCALE to `en-GB` and clears NOTE; leaves MINIAPP_ID, PHONE_NUMBER_SET_ID and APPLICATION_TAG as they are.',
      ]);
    });

    it('reads <NULL> in an Update as clearing the field, and an empty cell as leaving it', () => {
      assert.equal(paragraphs(`${UPDATE_HEADER}\n+14155550101,Update,,,,en-GB,<NU|LL>\n`)[0], 'Row 1 · Update · clears NOTE');
      assert.equal(paragraphs(`${UPDATE_HEADER}\n+14155550101,Update,,,|,en-GB,\n`)[0], 'Row 1 · Update · leaves APPLICATION_TAG as it is');
    });

    it('reads MINIAPP_ID and PHONE_NUMBER_SET_ID of an Update as attaching and moving the number', () => {
      const [cell, row] = paragraphs(`${UPDATE_HEADER}\n+14155550101,Update,app.one,set|-a,,,\n`);
      assert.equal(cell, 'Row 1 · Update · moves the number to set `set-a`');
      assert.equal(row, 'Update: on `+14155550101`, attaches it to mini-app `app.one` and moves it to set `set-a`; leaves APPLICATION_TAG, LOCALE and NOTE as they are.');
    });

    it('says when an Update changes nothing', () => {
      assert.equal(paragraphs('NUMBER,OPERATION,LOCALE,NOTE\n+14155550101,Upd|ate,,\n')[1], 'Update: changes nothing on `+14155550101`, as LOCALE and NOTE are empty.');
    });

    it('says what a Create creates, from its own values', () => {
      const found = hover(csv`
        NUMBER,OPERATION,GROUP_ID,PROVIDER
        +14155550101,Create,emea-sup|port,twilio
      `);
      assert.equal(found.over, 'emea-support');
      assert.deepEqual(found.markdown.split('\n\n'), [
        'Row 1 · Create · creates the number in group `emea-support`',
        'Create: creates `+14155550101` in group `emea-support` with provider `twilio`.',
      ]);
    });

    it('explains the operation, with the count and the limit, on the OPERATION cell', () => {
      assert.deepEqual(paragraphs('NUMBER,OPERATION,GROUP_ID,PROVIDER\n+14155550101,Cre|ate,,twilio\n'), [
        'Row 1 · Create',
        'Create: creates `+14155550101` in group (no GROUP_ID) with provider `twilio`.',
        'Creates a number: acquires NUMBER from PROVIDER and puts it in the group GROUP_ID. This file has 1 Create row; the limit is 100 per file.',
      ]);
    });

    it('says what Attach, Detach and Delete rows do', () => {
      const text = (cursorRow: number) =>
        ['NUMBER,OPERATION,MINIAPP_ID,LOCALE', '+14155550101,Attach,app.one,en-US', '+14155550102,Detach,,', '+14155550103,Delete,,']
          .map((line, i) => (i === cursorRow ? line.replace('+1415', '+1415|') : line))
          .join('\n');
      assert.deepEqual(paragraphs(text(1)), [
        'Row 1 · Attach · the number to attach: `+14155550101`',
        'Attach: attaches `+14155550101` to mini-app `app.one` with locale `en-US`.',
      ]);
      assert.equal(paragraphs(text(2))[1], 'Detach: detaches `+14155550102` from its mini-app.');
      assert.deepEqual(paragraphs(text(3)), ['Row 3 · Delete · the number to delete: `+14155550103`', 'Delete: deletes `+14155550103`.']);
    });

    it('says why a value has no effect: a field the operation does not use, <NULL> outside Update', () => {
      assert.equal(paragraphs('NUMBER,OPERATION,NOTE\n+14155550101,Delete,gone|\n')[0], "Row 1 · Delete · NOTE is not among Delete's fields");
      assert.equal(paragraphs('NUMBER,OPERATION,PROVIDER\n+14155550101,Delete,twil|io\n')[0], 'Row 1 · Delete · ignored: only Create uses PROVIDER');
      assert.equal(paragraphs('NUMBER,OPERATION,MINIAPP_ID,LOCALE\n+14155550101,Attach,app,<NULL>|\n')[0], 'Row 1 · Attach · <NULL> clears a value only in Update rows');
      assert.equal(paragraphs('NUMBER,OPERATION,COLOUR\n+14155550101,Delete,re|d\n')[0], 'Row 1 · Delete · COLOUR is not a column the platform knows, so it would ignore this value');
    });

    it('says when a row names no operation', () => {
      assert.deepEqual(paragraphs('NUMBER,OPERATION\n+14155550101,Updat|\n'), ['Row 1 · no operation', 'No operation: `Updat` is not one of Create, Update, Attach, Detach or Delete.']);
    });

    it('covers a quoted value, quotes included, and shows a value on several lines on one', () => {
      const found = hover('NUMBER,OPERATION,NOTE\n+14155550101,Update,"two|\nlines"\n');
      assert.equal(found.over, '"two\nlines"');
      assert.equal(found.markdown.split('\n\n')[0], 'Row 1 · Update · sets NOTE to `two lines`');
    });
  });

  it('has nothing to say on a blank line or before the header', () => {
    const blank = atCursor('NUMBER,OPERATION\n+14155550101,Delete\n|\n+14155550102,Delete\n');
    assert.equal(hoverAt(blank.result, blank.offset, blank.settings), undefined);
    const before = atCursor('|\nNUMBER,OPERATION\n');
    assert.equal(hoverAt(before.result, before.offset, before.settings), undefined);
  });
});
