import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { EXPORT_COLUMNS } from '@numbers-csv/shared';
import { DEFAULT_SEED_FILE, startSandbox } from '@numbers-csv/sandbox';
import { OWNER, OWNER_OCP, SEED, VIEWER, apply, csv, exportRequest, exportRows, readCsv, seedOf, useSandbox } from './harness.js';

describe('sandbox export', () => {
  const sandbox = useSandbox();

  it('writes the header in the documented column order, then every number in seed order', async () => {
    const res = await exportRequest(sandbox());
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    const text = await res.text();
    assert.equal(text.split('\n')[0], EXPORT_COLUMNS.join(','));
    assert.deepEqual(
      readCsv(text).map((row) => row.NUMBER),
      ['+14155550101', '+14155550102', '+14155550103', '+442079460958', '0b0c5c8e-2f4a-4f7e-9a59-1d5a2f3e4b6c'],
    );
  });

  it('ends lines with \\n only and quotes as RFC 4180 does', async () => {
    const text = await (await exportRequest(sandbox())).text();
    assert.ok(!text.includes('\r'), 'no carriage returns');
    assert.ok(text.endsWith('\n'));
    assert.ok(text.includes(',"Billing, after hours"\n'));
    assert.ok(text.includes(',"Says ""hola"""\n'));
    const rows = readCsv(text);
    assert.equal(rows[2]?.NOTE, 'Says "hola"');
  });

  it('gives each number all twelve columns, as seeded', async () => {
    const [first] = await exportRows(sandbox());
    assert.deepEqual(first, {
      APPLICATION_TAG: 'billing',
      COUNTRY: 'US',
      GROUP_ID: 'ocp',
      LOCALE: 'en-US',
      MINIAPP_DIAMANT_APP_NAME: 'miniApps',
      MINIAPP_GROUP: 'ocp',
      MINIAPP_ID: 'front.Numeric.MiniApps.ocp',
      MINIAPP_NAME: 'front_desk',
      MINIAPP_TYPE: 'Numeric',
      NUMBER: '+14155550101',
      PHONE_NUMBER_SET_ID: 'frontSet',
      NOTE: 'Billing, after hours',
    });
  });

  it('shows every number to each sandbox user, since each holds a role in every group', async () => {
    const owner = await exportRows(sandbox(), OWNER);
    assert.deepEqual(await exportRows(sandbox(), OWNER_OCP), owner);
    assert.deepEqual(await exportRows(sandbox(), VIEWER), owner);
    assert.ok(owner.some((row) => row.GROUP_ID === 'ocp-uk'));
  });

  it('agrees with numbers() and appends created numbers at the end', async () => {
    await apply(sandbox(), csv`
      NUMBER,OPERATION,GROUP_ID,PROVIDER
      +14155550199,Create,ocp,twilio
    `);
    const rows = await exportRows(sandbox());
    assert.equal(rows.at(-1)?.NUMBER, '+14155550199');
    assert.deepEqual(rows, sandbox().numbers());
  });

  it('streams a large export whole, as it reads', async () => {
    const many = await startSandbox({ seed: seedOf(5000) });
    try {
      const res = await exportRequest(many);
      assert.ok(res.body);
      assert.equal(res.headers.get('content-length'), null, 'sent as it is made, so its length is not known up front');
      let text = '';
      const decoder = new TextDecoder();
      for await (const chunk of res.body) text += decoder.decode(chunk, { stream: true });
      const rows = readCsv(text);
      assert.equal(rows.length, 5000);
      assert.equal(rows[4999]?.NUMBER, '+14155554999');
      assert.equal(rows[4999]?.NOTE, 'note 4999');
    } finally {
      await many.close();
    }
  });
});

describe('sandbox seed', () => {
  it('uses the repository example export when no seed is given', async () => {
    const sandbox = await startSandbox();
    try {
      const expected = readCsv(readFileSync(DEFAULT_SEED_FILE, 'utf8'));
      assert.ok(expected.length > 0);
      const rows = await exportRows(sandbox);
      assert.deepEqual(rows.map((row) => row.NUMBER), expected.map((row) => row.NUMBER));
      // The example export carries an OPERATION column, which the seed ignores.
      assert.ok(!('OPERATION' in (rows[0] ?? {})));
      assert.equal(rows[0]?.MINIAPP_ID, expected[0]?.MINIAPP_ID);
    } finally {
      await sandbox.close();
    }
  });

  it('starts empty, yet knows the seed groups, sets and mini apps', async () => {
    const sandbox = await startSandbox({ seed: SEED, empty: true });
    try {
      assert.deepEqual(await exportRows(sandbox), []);
      const answer = await apply(sandbox, csv`
        NUMBER,OPERATION,GROUP_ID,PROVIDER,PHONE_NUMBER_SET_ID,MINIAPP_ID,LOCALE
        +442079460959,Create,ocp-uk,twilio,ukSet,support.Numeric.MiniApps.ocp-uk,en-GB
      `);
      assert.equal(answer.results[0]?.status, 'OK', answer.results[0]?.message);
      assert.equal(sandbox.numbers()[0]?.MINIAPP_NAME, 'uk_support');
    } finally {
      await sandbox.close();
    }
  });

  it('starts empty with the example export groups when no seed is given', async () => {
    const sandbox = await startSandbox({ empty: true });
    try {
      assert.deepEqual(sandbox.numbers(), []);
      const answer = await apply(sandbox, readFileSync(new URL('../../../examples/create.csv', import.meta.url), 'utf8'));
      assert.deepEqual(answer.summary, { ok: 3, failed: 0 });
    } finally {
      await sandbox.close();
    }
  });

  it('keeps mini apps and sets known after the last number using them is gone', async () => {
    const sandbox = await startSandbox({ seed: SEED });
    try {
      await apply(sandbox, csv`
        NUMBER,OPERATION
        +14155550103,Delete
      `);
      const answer = await apply(sandbox, csv`
        NUMBER,OPERATION,MINIAPP_ID,PHONE_NUMBER_SET_ID,APPLICATION_TAG,LOCALE,NOTE
        +14155550102,Update,sales.Numeric.MiniApps.ocp,salesSet,,,
      `);
      assert.equal(answer.results[0]?.status, 'OK', answer.results[0]?.message);
    } finally {
      await sandbox.close();
    }
  });

  it('refuses to start on a seed that is not CSV, saying so', async () => {
    await assert.rejects(startSandbox({ seed: 'NUMBER,GROUP_ID\n"+1415,ocp\n' }), /seed is not readable CSV/);
  });
});
