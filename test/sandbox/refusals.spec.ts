import assert from 'node:assert/strict';
import { EXPORT_PATH, type ErrorBody } from '@numbers-csv/shared';
import { startSandbox, type Sandbox } from '@numbers-csv/sandbox';
import { OWNER, OWNER_OCP, SEED, VIEWER, apply, applyRequest, assertRefused, assertRowResult, csv, exportRequest, upload, useSandbox } from './harness.js';

const UPDATE_HEADER = 'NUMBER,OPERATION,MINIAPP_ID,PHONE_NUMBER_SET_ID,APPLICATION_TAG,LOCALE,NOTE';
/** A file every check passes, for tests that break one thing at a time. */
const GOOD_FILE = `${UPDATE_HEADER}\n+14155550102,Update,,,,,changed\n`;

async function invalidFile(sandbox: Sandbox, text: string | Uint8Array): Promise<ErrorBody> {
  return assertRefused(sandbox, () => applyRequest(sandbox, upload(text)), 400, 'invalid_file');
}

function assertReason(body: ErrorBody, expected: { row?: number; column?: string; message: RegExp }): void {
  const found = body.reasons?.find(
    (reason) => reason.row === expected.row && reason.column === expected.column && expected.message.test(reason.message),
  );
  assert.ok(found, `no reason like ${JSON.stringify({ ...expected, message: String(expected.message) })} in ${JSON.stringify(body.reasons)}`);
}

describe('sandbox refusals: 400 invalid_file', () => {
  const sandbox = useSandbox();

  it('refuses an upload without a part named file', async () => {
    const body = await assertRefused(sandbox(), () => applyRequest(sandbox(), upload(GOOD_FILE, 'csv')), 400, 'invalid_file');
    assertReason(body, { message: /no part named "file"/ });
  });

  it('refuses a body that is not multipart/form-data', async () => {
    const body = await assertRefused(sandbox(), () => applyRequest(sandbox(), GOOD_FILE, OWNER, { 'content-type': 'text/csv' }), 400, 'invalid_file');
    assertReason(body, { message: /multipart\/form-data/ });
  });

  it('refuses a broken multipart body', async () => {
    const send = () => applyRequest(sandbox(), '--x\r\nnot a part', OWNER, { 'content-type': 'multipart/form-data; boundary=x' });
    const body = await assertRefused(sandbox(), send, 400, 'invalid_file');
    assertReason(body, { message: /multipart body could not be read/ });
  });

  it('refuses a file that is not CSV, naming the row', async () => {
    const body = await invalidFile(sandbox(), `${UPDATE_HEADER}\n+14155550102,Update,,,,,ok\n+14155550101,Update,,,,,"unclosed\n`);
    assertReason(body, { row: 2, message: /not readable CSV/ });
  });

  it('refuses a file that is not UTF-8', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('NUMBER,OPERATION\n', 'utf16le')]);
    assertReason(await invalidFile(sandbox(), utf16), { message: /UTF-16/ });
    const latin1 = Buffer.from('NUMBER,OPERATION,NOTE\n+14155550102,Update,caf\xe9\n', 'latin1');
    assertReason(await invalidFile(sandbox(), latin1), { message: /not UTF-8/ });
  });

  it('refuses an empty file', async () => {
    assertReason(await invalidFile(sandbox(), ''), { message: /empty/ });
  });

  it('refuses a file without an OPERATION column', async () => {
    assertReason(await invalidFile(sandbox(), 'NUMBER,NOTE\n+14155550102,hello\n'), { column: 'OPERATION', message: /no OPERATION column/ });
  });

  it('refuses a file with semicolons, which leave it without an OPERATION column', async () => {
    assertReason(await invalidFile(sandbox(), 'NUMBER;OPERATION\n+14155550102;Delete\n'), { column: 'OPERATION', message: /no OPERATION column/ });
  });

  it('refuses a file missing a column that an operation in it needs, naming each', async () => {
    const body = await invalidFile(sandbox(), csv`
      NUMBER,OPERATION,GROUP_ID,MINIAPP_ID,PHONE_NUMBER_SET_ID,APPLICATION_TAG,LOCALE
      +14155550170,Create,ocp,,,,
      +14155550102,Update,,,,,en-GB
    `);
    assertReason(body, { column: 'PROVIDER', message: /Create rows need a PROVIDER column/ });
    assertReason(body, { column: 'NOTE', message: /Update rows need a NOTE column/ });
  });

  it('does not ask for the columns of operations the file does not hold', async () => {
    assertRowResult(await apply(sandbox(), 'NUMBER,OPERATION\n+14155550102,Delete\n'), 1, 'OK');
  });

  it('refuses an unknown operation, matching operations case-sensitively', async () => {
    const body = await invalidFile(sandbox(), 'NUMBER,OPERATION\n+14155550101,Delete\n+14155550102,delete\n+14155550103,Remove\n');
    assertReason(body, { row: 2, column: 'OPERATION', message: /unknown operation "delete"/ });
    assertReason(body, { row: 3, column: 'OPERATION', message: /unknown operation "Remove"/ });
    assert.equal(body.reasons?.length, 2);
  });

  it('refuses an empty NUMBER or OPERATION', async () => {
    const body = await invalidFile(sandbox(), 'NUMBER,OPERATION\n,Delete\n+14155550102, \n');
    assertReason(body, { row: 1, column: 'NUMBER', message: /no NUMBER/ });
    assertReason(body, { row: 2, column: 'OPERATION', message: /no OPERATION/ });
  });

  it('refuses a row with more or fewer fields than the header, and a blank row', async () => {
    const body = await invalidFile(sandbox(), 'NUMBER,OPERATION\n+14155550101,Delete,extra\n+14155550102\n,\n');
    assertReason(body, { row: 1, message: /3 fields; the header has 2/ });
    assertReason(body, { row: 2, message: /1 field; the header has 2/ });
    assertReason(body, { row: 3, message: /blank/ });
  });

  it('refuses a column written twice', async () => {
    assertReason(await invalidFile(sandbox(), 'NUMBER,OPERATION,NOTE,NOTE\n+14155550102,Update,a,b\n'), { column: 'NOTE', message: /more than once/ });
  });
});

describe('sandbox refusals: 401 invalid_token', () => {
  const sandbox = useSandbox();

  for (const [name, headers] of [
    ['no token', {}],
    ['an unknown token', { authorization: 'Bearer not-a-token' }],
    ['another scheme', { authorization: `Basic ${OWNER}` }],
  ] as const) {
    it(`refuses the export and the apply with ${name}`, async () => {
      const url = `${sandbox().baseUrl}${EXPORT_PATH}`;
      for (const send of [() => fetch(url, { method: 'POST', headers }), () => fetch(url, { method: 'PUT', headers, body: upload(GOOD_FILE) })]) {
        const body = await assertRefused(sandbox(), send, 401, 'invalid_token');
        assert.equal(body.headers.get('www-authenticate'), 'Bearer error="invalid_token"');
      }
    });
  }

  it('takes the scheme in any case', async () => {
    const res = await fetch(`${sandbox().baseUrl}${EXPORT_PATH}`, { method: 'POST', headers: { authorization: `bearer ${OWNER}` } });
    assert.equal(res.status, 200);
  });
});

describe('sandbox refusals: 403 forbidden', () => {
  const sandbox = useSandbox();

  it('refuses a caller who is OWNER of no group, whatever the file', async () => {
    const body = await assertRefused(sandbox(), () => applyRequest(sandbox(), upload('not, even, csv"'), VIEWER), 403, 'forbidden');
    assert.equal(body.groups, undefined);
    assert.match(body.message, /OWNER of no group/);
  });

  it('lets the viewer export all the same', async () => {
    assert.equal((await exportRequest(sandbox(), VIEWER)).status, 200);
  });

  it('names the groups the file touches where the caller is not OWNER', async () => {
    const body = await assertRefused(
      sandbox(),
      () =>
        applyRequest(
          sandbox(),
          upload(csv`
            ${UPDATE_HEADER}
            +14155550102,Update,,,,,fine
            +442079460958,Update,,,,,not allowed
          `),
          OWNER_OCP,
        ),
      403,
      'forbidden',
    );
    assert.deepEqual(body.groups, ['ocp-uk']);
  });

  it('takes the group of a Create from its GROUP_ID', async () => {
    const text = 'NUMBER,OPERATION,GROUP_ID,PROVIDER\n+442079460970,Create,ocp-uk,twilio\n';
    const body = await assertRefused(sandbox(), () => applyRequest(sandbox(), upload(text), OWNER_OCP), 403, 'forbidden');
    assert.deepEqual(body.groups, ['ocp-uk']);
  });

  it('lets the ocp owner change ocp, where rows for unknown numbers or groups touch no group', async () => {
    const answer = await apply(
      sandbox(),
      csv`
        NUMBER,OPERATION,GROUP_ID,PROVIDER
        +14155550102,Delete,,
        +14155550199,Delete,,
        +14155550171,Create,ocp-fr,twilio
      `,
      OWNER_OCP,
    );
    assertRowResult(answer, 1, 'OK');
    assertRowResult(answer, 2, 'FAILED', /does not exist/);
    assertRowResult(answer, 3, 'FAILED', /Group ocp-fr does not exist/);
  });
});

describe('sandbox refusals: 413, 422 and the order of checks', () => {
  let sandbox: Sandbox;
  beforeEach(async () => {
    sandbox = await startSandbox({ seed: SEED, maxUploadBytes: 2000, limits: { Delete: 2 } });
  });
  afterEach(() => sandbox.close());

  it('refuses an upload over the size cap with 413 and the cap', async () => {
    const big = `${UPDATE_HEADER}\n${'+14155550102,Update,,,,,x\n'.repeat(100)}`;
    const body = await assertRefused(sandbox, () => applyRequest(sandbox, upload(big)), 413, 'too_large');
    assert.equal(body.limit, 2000);
    // The connection survives the refusal: the next request is answered.
    assert.equal((await exportRequest(sandbox)).status, 200);
  });

  it('refuses more rows of an operation than its limit with 422, naming it', async () => {
    const text = 'NUMBER,OPERATION\n+14155550101,Delete\n+14155550102,Delete\n+14155550103,Delete\n+442079460958,Detach\n';
    const body = await assertRefused(sandbox, () => applyRequest(sandbox, upload(text)), 422, 'limit_exceeded');
    assert.deepEqual(body.limits, [{ operation: 'Delete', count: 3, limit: 2 }]);
    assert.match(body.message, /3 Delete rows \(limit 2\)/);
  });

  it('applies the default limits when none are given', async () => {
    const defaults = await startSandbox({ seed: SEED, empty: true });
    try {
      const rows = Array.from({ length: 11 }, (_, i) => `+1415555${String(i).padStart(4, '0')},Delete`).join('\n');
      const body = await assertRefused(defaults, () => applyRequest(defaults, upload(`NUMBER,OPERATION\n${rows}\n`)), 422, 'limit_exceeded');
      assert.deepEqual(body.limits, [{ operation: 'Delete', count: 11, limit: 10 }]);
    } finally {
      await defaults.close();
    }
  });

  it('checks the owner before the size, the size before the file, the file before the limits, the limits before the groups', async () => {
    const big = `NUMBER,OPERATION\n${'+14155550102,Remove\n'.repeat(200)}`;
    await assertRefused(sandbox, () => applyRequest(sandbox, upload(big), VIEWER), 403, 'forbidden');
    await assertRefused(sandbox, () => applyRequest(sandbox, upload(big)), 413, 'too_large');
    const overAndUnknown = 'NUMBER,OPERATION\n+14155550101,Delete\n+14155550102,Delete\n+14155550103,Delete\n+14155550101,Remove\n';
    await assertRefused(sandbox, () => applyRequest(sandbox, upload(overAndUnknown)), 400, 'invalid_file');
    const overAndForbidden = 'NUMBER,OPERATION\n+14155550101,Delete\n+14155550102,Delete\n+442079460958,Delete\n';
    await assertRefused(sandbox, () => applyRequest(sandbox, upload(overAndForbidden), OWNER_OCP), 422, 'limit_exceeded');
  });
});

describe('sandbox refusals: the default size cap', () => {
  const sandbox = useSandbox();

  it('is 10 MiB', async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1).fill(0x41);
    const body = await assertRefused(sandbox(), () => applyRequest(sandbox(), upload(big)), 413, 'too_large');
    assert.equal(body.limit, 10 * 1024 * 1024);
  });
});
