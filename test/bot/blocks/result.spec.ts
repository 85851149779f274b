import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { reconcile, type ApplyResponse } from '@numbers-csv/shared';
import { liveSnapshot, LIVE } from '../../shared/plan/live-fixtures.js';
import { failedCsvModule, progressModule, resultModule } from './built.js';
import { APPROVER, assertWithinLimits, ENVIRONMENT, planOf, shown } from './helpers.js';

const { applyRefusedMessage, applyResultMessage, reconciliationMessage } = resultModule;
const { failedRowsCsv } = failedCsvModule;
const { progressMessage } = progressModule;

function response(ok: number, failed: number): ApplyResponse {
  const results = [
    ...Array.from({ length: ok }, (_, i) => ({ row: i + 1, number: `+1415555${1000 + i}`, operation: 'Update', status: 'OK' as const, message: 'Updated' })),
    ...Array.from({ length: failed }, (_, i) => ({ row: ok + i + 1, number: `+1415556${1000 + i}`, operation: 'Update', status: 'FAILED' as const, message: `Set <s${i}> is not in the group` })),
  ];
  return { results, summary: { ok, failed } };
}

describe('blocks: result', () => {
  it('says how many rows succeeded when all did', () => {
    const message = applyResultMessage({ environment: ENVIRONMENT, response: response(12, 0), approvedBy: APPROVER, failedCsvAttached: false });
    assertWithinLimits(message);
    assert.equal(message.blocks.length, 1);
    assert.match(shown(message), /^:white_check_mark: \*Applied to https:\/\/numbers\.example\.com\/integrations\* \(approved by <@U0APPROVE>\): 12 rows succeeded, 0 rows failed\.$/);
  });

  it('lists the first ten failed rows with their reasons, counts the rest, and points to the attached CSV', () => {
    const message = applyResultMessage({ environment: ENVIRONMENT, response: response(5, 14), failedCsvAttached: true });
    assertWithinLimits(message);
    const text = shown(message);
    assert.match(text, /:large_orange_circle: .*5 rows succeeded, 14 rows failed/);
    assert.match(text, /\*Failed rows\* \(the first 10\)\n• row 6 `\+14155561000` \(Update\): Set &lt;s0&gt; is not in the group/);
    assert.match(text, /• row 15 `\+14155561009`/);
    assert.doesNotMatch(text, /row 16 /);
    assert.match(text, /… and 4 more failed rows/);
    assert.match(text, /The failed rows are attached as a CSV/);
  });

  it('says nothing was applied when the platform refused the file, with its reasons', () => {
    const message = applyRefusedMessage({ environment: ENVIRONMENT, message: 'The platform refused the file (invalid_file).', reasons: [{ row: 2, column: 'LOCALE', message: 'bad locale' }, { message: 'no header' }] });
    assertWithinLimits(message);
    assert.match(shown(message), /:x: \*Nothing was applied to https:\/\/numbers\.example\.com\/integrations\*: The platform refused the file/);
    assert.match(shown(message), /• row 2, LOCALE: bad locale\n• file: no header/);
  });

  it('reports a reconciliation row by row, the rows to act on first', async () => {
    const text = 'NUMBER,OPERATION,MINIAPP_ID,PHONE_NUMBER_SET_ID,APPLICATION_TAG,LOCALE,NOTE\n+14155550102,Update,,,,,Back office\n+14155550103,Update,,,,,Upstairs\n';
    const before = await planOf(text);
    // The first row ran, the second did not.
    const after = await liveSnapshot(LIVE.map((row) => (row.NUMBER === '+14155550102' ? { ...row, NOTE: 'Back office' } : row)));
    const message = reconciliationMessage({ environment: ENVIRONMENT, reconciliation: reconcile(before, after), cause: 'restart' });
    assertWithinLimits(message);
    const body = shown(message);
    assert.match(body, /The bot stopped while applying this batch\*, so it read the live data .* instead of sending the batch again: 1 row applied, 1 row not applied, 0 rows unclear\./);
    assert.match(body, /• row 2 `\+14155550103`: \*not applied\*: .*\n• row 1 `\+14155550102`: \*applied\*/);
    assert.match(body, /Rows not applied can be shared again in a new file\./);
  });

  it('shows progress with the row count, the environment and the approver', () => {
    const message = progressMessage({ rows: 1810, environment: ENVIRONMENT, approvedBy: APPROVER });
    assertWithinLimits(message);
    assert.equal(shown(message), `:hourglass_flowing_sand: Applying 1,810 rows to ${ENVIRONMENT}… (approved by <@${APPROVER}>)`);
  });
});

describe('blocks: CSV of failed rows', () => {
  it('keeps the header and the failed rows as written, with the reason last, quoted where it must be', () => {
    const text = 'NUMBER,OPERATION,NOTE\r\n+14155550101,Update,"Line one\r\nline two"\r\n+14155550102,Update,ok\r\n+14155550103,Update,"say ""hi"""\r\n';
    const csv = failedRowsCsv(text, [
      { row: 3, message: 'Set "x", not in group' },
      { row: 1, message: 'Unknown number' },
    ]);
    assert.equal(csv, 'NUMBER,OPERATION,NOTE,RESULT\r\n+14155550101,Update,"Line one\r\nline two",Unknown number\r\n+14155550103,Update,"say ""hi""","Set ""x"", not in group"\r\n');
    assert.deepEqual(parse(csv), [
      ['NUMBER', 'OPERATION', 'NOTE', 'RESULT'],
      ['+14155550101', 'Update', 'Line one\r\nline two', 'Unknown number'],
      ['+14155550103', 'Update', 'say "hi"', 'Set "x", not in group'],
    ]);
  });
});
