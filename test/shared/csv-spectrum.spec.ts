import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fieldSpan, validate, type CsvRecord } from '@numbers-csv/shared';

const root = path.dirname(createRequire(import.meta.url).resolve('csv-spectrum/package.json'));

/**
 * Known mistakes in the fixtures themselves, not in any reader. location_coordinates.json expects a
 * phone number the CSV does not hold (https://github.com/max-mapper/csv-spectrum/issues/20).
 */
const ERRATA: Record<string, (expected: Record<string, string>[]) => void> = {
  location_coordinates: (expected) => {
    const [row] = expected;
    if (row?.['Contact Phone Number'] === '1234567890') row['Contact Phone Number'] = '2095257564';
  },
};

/** The raw text of a field as CSV writes a value: quoted (quotes doubled) or as it is. */
function unquote(raw: string): string {
  return raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1).replaceAll('""', '"') : raw;
}

const cases = readdirSync(path.join(root, 'csvs'))
  .filter((file) => file.endsWith('.csv'))
  .map((file) => path.basename(file, '.csv'))
  .sort();

describe('csv-spectrum', () => {
  it('has cases to read', () => {
    assert.ok(cases.length >= 12, `found ${cases.length} cases in ${root}`);
  });

  for (const name of cases) {
    it(name, () => {
      const text = readFileSync(path.join(root, 'csvs', `${name}.csv`), 'utf8');
      const json: unknown = JSON.parse(readFileSync(path.join(root, 'json', `${name}.json`), 'utf8'));
      // One fixture holds a single object rather than a list of them.
      const expected = (Array.isArray(json) ? json : [json]) as Record<string, string>[];
      ERRATA[name]?.(expected);

      const { table } = validate(text);
      assert.ok(table.header, 'no header read');
      const records: CsvRecord[] = [table.header.record, ...table.rows];
      const names = table.header.record.values;
      assert.deepEqual(
        records.map((record) => record.values),
        [names, ...expected.map((row) => names.map((column) => row[column]))],
      );
      assert.deepEqual(names, Object.keys(expected[0] ?? {}));

      for (const record of records) {
        record.values.forEach((value, i) => {
          const span = fieldSpan(record, i);
          assert.ok(span, `no span for field ${i} of record ${record.index}`);
          const raw = text.slice(...span);
          assert.equal(unquote(raw), value, `record ${record.index}, field ${i}: span ${span.join('-')} holds ${JSON.stringify(raw)}`);
          // A quoted value is written back with its quotes, a plain one as it is.
          if (raw.startsWith('"')) assert.equal(raw, `"${value.replaceAll('"', '""')}"`);
          else assert.equal(raw, value);
        });
      }
    });
  }
});
