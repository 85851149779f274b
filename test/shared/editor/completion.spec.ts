import assert from 'node:assert/strict';
import { KNOWN_COLUMNS, completionsAt, validate, type CompletionCandidate, type Completions } from '@numbers-csv/shared';
import { csv, settings } from '../../helpers/issues.js';
import { atCursor, slice, type AtCursor } from './cursor.js';

function complete(marked: string, input: Parameters<typeof settings>[0] = {}): Completions & { at: AtCursor; replaces: string; labels: string[] } {
  const at = atCursor(marked, settings(input));
  const found = completionsAt(at.result, at.offset, at.settings);
  assert.ok(found, 'expected completions');
  return { ...found, at, replaces: slice(at, found), labels: found.items.map((item) => item.label) };
}

function nothing(marked: string): void {
  const at = atCursor(marked);
  assert.equal(completionsAt(at.result, at.offset, at.settings), undefined);
}

/** The text after choosing `label`, as an editor applies it. */
function choose(found: ReturnType<typeof complete>, label: string): string {
  const item = found.items.find((candidate) => candidate.label === label) as CompletionCandidate;
  assert.ok(item, `${label} is offered`);
  return found.at.text.slice(0, found.start) + (item.insertText ?? item.label) + found.at.text.slice(found.end);
}

describe('completionsAt', () => {
  describe('in the header', () => {
    it('offers the known columns the header lacks, and the cell own, replacing the cell', () => {
      const found = complete('NUMBER,OPERATION,LOC|AL,NOTE\n');
      assert.equal(found.replaces, 'LOCAL');
      assert.deepEqual(
        found.labels,
        KNOWN_COLUMNS.filter((column) => !['NUMBER', 'OPERATION', 'NOTE'].includes(column)),
      );
      assert.ok(found.items.every((item) => item.kind === 'column'));
      assert.equal(choose(found, 'LOCALE'), 'NUMBER,OPERATION,LOCALE,NOTE\n');
    });

    it('keeps the column the cell already names among the choices', () => {
      assert.ok(complete('NUMBER,OPERATION|\n').labels.includes('OPERATION'));
    });

    it('describes each column', () => {
      const locale = complete('NUMBER,|\n').items.find((item) => item.label === 'LOCALE');
      assert.equal(locale?.detail, 'required by Update and Attach');
      assert.match(locale?.documentation ?? '', /^The number's language, as a BCP 47 tag/);
      const country = complete('NUMBER,|\n').items.find((item) => item.label === 'COUNTRY');
      assert.equal(country?.detail, 'read-only, from the export');
    });

    it('offers every column on the first line of an empty file', () => {
      const found = complete('|');
      assert.deepEqual(found.labels, [...KNOWN_COLUMNS]);
      assert.deepEqual([found.start, found.end], [0, 0]);
    });
  });

  describe('in a data row', () => {
    it('offers the five operations in an OPERATION cell, replacing its value', () => {
      const found = complete('NUMBER,OPERATION\n+14155550101,up|d\n');
      assert.deepEqual(found.labels, ['Create', 'Update', 'Attach', 'Detach', 'Delete']);
      assert.equal(found.replaces, 'upd');
      const create = found.items[0];
      assert.equal(create?.kind, 'operation');
      assert.equal(create?.detail, 'Needs GROUP_ID, NUMBER and PROVIDER.');
      assert.match(create?.documentation ?? '', /This file has 0 Create rows; the limit is 100 per file\.$/);
    });

    it('offers the configured providers', () => {
      const found = complete('NUMBER,OPERATION,GROUP_ID,PROVIDER\n+14155550101,Create,ocp,|\n', { providers: ['twilio', 'vonage'] });
      assert.deepEqual(found.labels, ['twilio', 'vonage']);
      assert.ok(found.items.every((item) => item.kind === 'provider'));
    });

    it('replaces inside the quotes of a quoted LOCALE, and offers <NULL> in an Update', () => {
      const found = complete('NUMBER,OPERATION,LOCALE\n+14155550101,Update,"en-|"\n');
      assert.equal(found.replaces, 'en-');
      assert.ok(found.labels.includes('en-GB'));
      assert.equal(found.items.find((item) => item.label === 'en-GB')?.detail, 'English (United Kingdom)');
      assert.deepEqual(found.items[found.items.length - 1], {
        label: '<NULL>',
        kind: 'null',
        detail: 'clears LOCALE',
        documentation: 'In an Update row, `<NULL>` clears LOCALE; an empty cell leaves it as it is.',
      });
      assert.equal(choose(found, 'fr-FR'), 'NUMBER,OPERATION,LOCALE\n+14155550101,Update,"fr-FR"\n');
    });

    it('offers <NULL> only where an Update can clear the column', () => {
      assert.ok(!complete('NUMBER,OPERATION,MINIAPP_ID,LOCALE\n+14155550101,Attach,app,|\n').labels.includes('<NULL>'));
      assert.deepEqual(complete('NUMBER,OPERATION,NOTE\n+14155550101,Update,|\n').labels, ['<NULL>']);
      nothing('NUMBER,OPERATION,GROUP_ID\n+14155550101,Update,|\n');
    });

    it('offers locales the LOCALE check accepts as they are', () => {
      const found = complete('NUMBER,OPERATION,MINIAPP_ID,LOCALE\n+14155550101,Attach,app,|\n');
      for (const label of found.labels) {
        const issues = validate(choose(found, label)).issues.filter((issue) => issue.code === 'invalid-locale' || issue.code === 'locale-case');
        assert.deepEqual(issues, [], label);
      }
    });

    it('offers country codes with their names', () => {
      const found = complete('NUMBER,OPERATION,COUNTRY\n+14155550101,Delete,G|\n');
      assert.equal(found.items.find((item) => item.label === 'GB')?.detail, 'United Kingdom');
      assert.ok(found.items.every((item) => item.kind === 'country'));
      assert.equal(found.replaces, 'G');
    });

    it('completes the first column of the header on a new empty line', () => {
      const found = complete(csv`
        OPERATION,NUMBER
        Delete,+14155550101
      ` + '|');
      assert.deepEqual(found.labels, ['Create', 'Update', 'Attach', 'Detach', 'Delete']);
      assert.deepEqual([found.start, found.end], [found.at.text.length, found.at.text.length]);
    });

    it('quotes a value that holds the separator in an unquoted field', () => {
      const found = complete('NUMBER,OPERATION,GROUP_ID,PROVIDER\n+14155550101,Create,ocp,|\n', { providers: ['acme, inc'] });
      assert.equal(found.items[0]?.insertText, '"acme, inc"');
    });

    it('replaces only the cursor line of a quoted value on several lines', () => {
      const found = complete('NUMBER,OPERATION,LOCALE\n+14155550101,Update,"x\nen|"\n');
      assert.equal(found.replaces, 'en');
    });

    it('has nothing for unknown and free-text columns', () => {
      nothing('NUMBER,OPERATION,COLOUR\n+14155550101,Delete,|\n');
      nothing('NUMBER,OPERATION\n+1415|\n');
      nothing('NUMBER,OPERATION\n+14155550101,Delete,|\n');
    });
  });
});
