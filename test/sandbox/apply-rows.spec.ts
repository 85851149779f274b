import assert from 'node:assert/strict';
import { apply, assertRowResult, csv, exportRows, liveRow, numberRow, useSandbox } from './harness.js';

const UPDATE_HEADER = 'NUMBER,OPERATION,MINIAPP_ID,PHONE_NUMBER_SET_ID,APPLICATION_TAG,LOCALE,NOTE';

describe('sandbox apply: Create', () => {
  const sandbox = useSandbox();

  it('adds the number to its group with the values given, and COUNTRY from the phone number', async () => {
    const answer = await apply(sandbox(), csv`
      NUMBER,OPERATION,GROUP_ID,PROVIDER,MINIAPP_ID,PHONE_NUMBER_SET_ID,APPLICATION_TAG,LOCALE,NOTE
      +442079460960,Create,ocp-uk,twilio,support.Numeric.MiniApps.ocp-uk,ukSet,helpdesk,en-GB,"Second line, London"
    `);
    assertRowResult(answer, 1, 'OK', /^Created in group ocp-uk\.$/);
    assert.deepEqual(liveRow(sandbox(), '+442079460960'), {
      APPLICATION_TAG: 'helpdesk',
      COUNTRY: 'GB',
      GROUP_ID: 'ocp-uk',
      LOCALE: 'en-GB',
      MINIAPP_DIAMANT_APP_NAME: 'miniApps',
      MINIAPP_GROUP: 'ocp-uk',
      MINIAPP_ID: 'support.Numeric.MiniApps.ocp-uk',
      MINIAPP_NAME: 'uk_support',
      MINIAPP_TYPE: 'Numeric',
      NUMBER: '+442079460960',
      PHONE_NUMBER_SET_ID: 'ukSet',
      NOTE: 'Second line, London',
    });
  });

  it('gives a UUID number no COUNTRY and leaves unnamed fields empty', async () => {
    const uuid = '7d1e0c4a-3b2f-4c5d-8e9f-0a1b2c3d4e5f';
    const answer = await apply(sandbox(), `NUMBER,OPERATION,GROUP_ID,PROVIDER\n${uuid},Create,ocp,twilio\n`);
    assertRowResult(answer, 1, 'OK');
    const row = liveRow(sandbox(), uuid);
    assert.equal(row.COUNTRY, '');
    assert.equal(row.GROUP_ID, 'ocp');
    assert.equal(row.MINIAPP_ID, '');
    assert.equal(row.LOCALE, '');
  });

  it('fails each row that cannot be created, and creates none of them', async () => {
    const before = sandbox().numbers().length;
    const answer = await apply(sandbox(), csv`
      NUMBER,OPERATION,GROUP_ID,PROVIDER,MINIAPP_ID,PHONE_NUMBER_SET_ID
      +14155550101,Create,ocp,twilio,,
      +14155550150,Create,ocp-fr,twilio,,
      +14155550151,Create,ocp,vonage,,
      +14155550152,Create,ocp,twilio,,noSuchSet
      +14155550153,Create,ocp,twilio,,ukSet
      +14155550154,Create,ocp,twilio,no.such.MiniApps.ocp,
      1.41555E+10,Create,ocp,twilio,,
    `);
    assertRowResult(answer, 1, 'FAILED', /already exists/);
    assertRowResult(answer, 2, 'FAILED', /Group ocp-fr does not exist/);
    assertRowResult(answer, 3, 'FAILED', /Provider vonage is unknown.*twilio/);
    assertRowResult(answer, 4, 'FAILED', /set noSuchSet does not exist/);
    assertRowResult(answer, 5, 'FAILED', /set ukSet belongs to group ocp-uk, not ocp/);
    assertRowResult(answer, 6, 'FAILED', /Mini app no\.such\.MiniApps\.ocp does not exist/);
    assertRowResult(answer, 7, 'FAILED', /neither an E\.164 phone number nor a UUID/);
    assert.deepEqual(answer.summary, { ok: 0, failed: 7 });
    assert.equal(sandbox().numbers().length, before);
  });

  it('takes the provider case-sensitively, as the core does', async () => {
    const answer = await apply(sandbox(), 'NUMBER,OPERATION,GROUP_ID,PROVIDER\n+14155550155,Create,ocp,Twilio\n');
    assertRowResult(answer, 1, 'FAILED', /Provider Twilio is unknown/);
  });
});

describe('sandbox apply: Update', () => {
  const sandbox = useSandbox();

  it('sets the fields that hold a value and leaves empty ones as they are', async () => {
    const answer = await apply(sandbox(), `${UPDATE_HEADER}\n+14155550101,Update,,,,fr-CA,Moved to Montreal\n`);
    assertRowResult(answer, 1, 'OK', /LOCALE fr-CA.*NOTE Moved to Montreal/);
    const row = liveRow(sandbox(), '+14155550101');
    assert.equal(row.LOCALE, 'fr-CA');
    assert.equal(row.NOTE, 'Moved to Montreal');
    assert.equal(row.APPLICATION_TAG, 'billing');
    assert.equal(row.MINIAPP_ID, 'front.Numeric.MiniApps.ocp');
    assert.equal(row.PHONE_NUMBER_SET_ID, 'frontSet');
  });

  it('clears a field written as <NULL>', async () => {
    const answer = await apply(sandbox(), `${UPDATE_HEADER}\n+14155550101,Update,,<NULL>,<NULL>,,<NULL>\n`);
    assertRowResult(answer, 1, 'OK', /cleared/);
    const row = liveRow(sandbox(), '+14155550101');
    assert.equal(row.PHONE_NUMBER_SET_ID, '');
    assert.equal(row.APPLICATION_TAG, '');
    assert.equal(row.NOTE, '');
    assert.equal(row.LOCALE, 'en-US');
  });

  it('detaches the number when MINIAPP_ID is <NULL>, clearing the columns that describe the mini app', async () => {
    await apply(sandbox(), `${UPDATE_HEADER}\n+14155550101,Update,<NULL>,,,,\n`);
    const row = liveRow(sandbox(), '+14155550101');
    for (const column of ['MINIAPP_ID', 'MINIAPP_NAME', 'MINIAPP_TYPE', 'MINIAPP_GROUP', 'MINIAPP_DIAMANT_APP_NAME'] as const) {
      assert.equal(row[column], '', column);
    }
  });

  it('moves the number to another mini app and set of its group, the MINIAPP_* columns following', async () => {
    const answer = await apply(sandbox(), `${UPDATE_HEADER}\n+14155550102,Update,sales.Numeric.MiniApps.ocp,salesSet,,,\n`);
    assertRowResult(answer, 1, 'OK');
    const row = liveRow(sandbox(), '+14155550102');
    assert.equal(row.MINIAPP_ID, 'sales.Numeric.MiniApps.ocp');
    assert.equal(row.MINIAPP_NAME, 'sales_line');
    assert.equal(row.MINIAPP_GROUP, 'ocp');
    assert.equal(row.MINIAPP_TYPE, 'Numeric');
    assert.equal(row.MINIAPP_DIAMANT_APP_NAME, 'miniApps');
    assert.equal(row.PHONE_NUMBER_SET_ID, 'salesSet');
  });

  it('fails a row naming an unknown number, set or mini app, or a set of another group, and changes nothing of it', async () => {
    const before = liveRow(sandbox(), '+14155550102');
    const answer = await apply(sandbox(), csv`
      ${UPDATE_HEADER}
      +14155550199,Update,,,,en-US,
      +14155550102,Update,,noSuchSet,,,changed
      +14155550102,Update,,ukSet,,,changed
      +14155550102,Update,no.such.MiniApps.ocp,,,,changed
    `);
    assertRowResult(answer, 1, 'FAILED', /^Number \+14155550199 does not exist\.$/);
    assertRowResult(answer, 2, 'FAILED', /set noSuchSet does not exist/);
    assertRowResult(answer, 3, 'FAILED', /set ukSet belongs to group ocp-uk, not ocp/);
    assertRowResult(answer, 4, 'FAILED', /Mini app no\.such\.MiniApps\.ocp does not exist/);
    assert.deepEqual(liveRow(sandbox(), '+14155550102'), before);
  });

  it('says "No change" for an Update that changes nothing', async () => {
    const answer = await apply(sandbox(), `${UPDATE_HEADER}\n+14155550102,Update,,frontSet,,,\n`);
    assertRowResult(answer, 1, 'OK', /^No change:/);
  });

  it('ignores GROUP_ID and the export-only columns in an Update', async () => {
    const answer = await apply(sandbox(), csv`
      ${UPDATE_HEADER},GROUP_ID,COUNTRY,MINIAPP_NAME
      +14155550102,Update,,,,,note,ocp-uk,FR,renamed
    `);
    assertRowResult(answer, 1, 'OK');
    const row = liveRow(sandbox(), '+14155550102');
    assert.equal(row.GROUP_ID, 'ocp');
    assert.equal(row.COUNTRY, 'US');
    assert.equal(row.MINIAPP_NAME, '');
    assert.equal(row.NOTE, 'note');
  });
});

describe('sandbox apply: Attach, Detach, Delete', () => {
  const sandbox = useSandbox();

  it('attaches a number to a mini app with the locale given', async () => {
    const answer = await apply(sandbox(), 'NUMBER,OPERATION,MINIAPP_ID,LOCALE\n+14155550102,Attach,front.Numeric.MiniApps.ocp,es-US\n');
    assertRowResult(answer, 1, 'OK', /Attached to front\.Numeric\.MiniApps\.ocp/);
    const row = liveRow(sandbox(), '+14155550102');
    assert.equal(row.MINIAPP_ID, 'front.Numeric.MiniApps.ocp');
    assert.equal(row.MINIAPP_NAME, 'front_desk');
    assert.equal(row.LOCALE, 'es-US');
  });

  it('says "No change" when the number is already attached to that mini app with that locale', async () => {
    const before = sandbox().numbers();
    const answer = await apply(sandbox(), 'NUMBER,OPERATION,MINIAPP_ID,LOCALE\n+14155550101,Attach,front.Numeric.MiniApps.ocp,en-US\n');
    assertRowResult(answer, 1, 'OK', /^No change:/);
    assert.deepEqual(sandbox().numbers(), before);
  });

  it('fails an Attach to an unknown mini app, of an unknown number, or without a mini app or locale', async () => {
    const answer = await apply(sandbox(), csv`
      NUMBER,OPERATION,MINIAPP_ID,LOCALE
      +14155550102,Attach,no.such.MiniApps.ocp,en-US
      +14155550199,Attach,front.Numeric.MiniApps.ocp,en-US
      +14155550102,Attach,,en-US
      +14155550102,Attach,front.Numeric.MiniApps.ocp,
    `);
    assertRowResult(answer, 1, 'FAILED', /Mini app no\.such\.MiniApps\.ocp does not exist/);
    assertRowResult(answer, 2, 'FAILED', /does not exist/);
    assertRowResult(answer, 3, 'FAILED', /needs a MINIAPP_ID/);
    assertRowResult(answer, 4, 'FAILED', /needs a LOCALE/);
    assert.equal(liveRow(sandbox(), '+14155550102').MINIAPP_ID, '');
  });

  it('detaches a number, clearing the MINIAPP_* columns and keeping its locale', async () => {
    const answer = await apply(sandbox(), 'NUMBER,OPERATION\n+14155550103,Detach\n');
    assertRowResult(answer, 1, 'OK', /Detached from sales\.Numeric\.MiniApps\.ocp/);
    const row = liveRow(sandbox(), '+14155550103');
    assert.equal(row.MINIAPP_ID, '');
    assert.equal(row.MINIAPP_NAME, '');
    assert.equal(row.MINIAPP_GROUP, '');
    assert.equal(row.LOCALE, 'es-US');
  });

  it('says "No change" when detaching a number attached to none, and fails for an unknown number', async () => {
    const answer = await apply(sandbox(), 'NUMBER,OPERATION\n+14155550102,Detach\n+14155550199,Detach\n');
    assertRowResult(answer, 1, 'OK', /^No change:/);
    assertRowResult(answer, 2, 'FAILED', /does not exist/);
  });

  it('deletes a number, and fails deleting one that is gone', async () => {
    const answer = await apply(sandbox(), 'NUMBER,OPERATION\n+14155550102,Delete\n+14155550102,Delete\n');
    assertRowResult(answer, 1, 'OK', /Deleted from group ocp/);
    assertRowResult(answer, 2, 'FAILED', /^Number \+14155550102 does not exist\.$/);
    assert.equal(numberRow(sandbox(), '+14155550102'), undefined);
    assert.equal((await exportRows(sandbox())).length, 4);
  });
});

describe('sandbox apply: a file', () => {
  const sandbox = useSandbox();

  it('runs rows in file order, each on its own, and counts the outcomes', async () => {
    const answer = await apply(sandbox(), csv`
      NUMBER,OPERATION,GROUP_ID,PROVIDER,MINIAPP_ID,LOCALE
      +14155550160,Create,ocp,twilio,,
      +14155550160,Attach,,,front.Numeric.MiniApps.ocp,en-US
      +14155550199,Delete,,,,
      +14155550160,Delete,,,,
      +14155550160,Detach,,,,
    `);
    assert.deepEqual(
      answer.results.map(({ row, number, operation, status }) => [row, number, operation, status]),
      [
        [1, '+14155550160', 'Create', 'OK'],
        [2, '+14155550160', 'Attach', 'OK'],
        [3, '+14155550199', 'Delete', 'FAILED'],
        [4, '+14155550160', 'Delete', 'OK'],
        [5, '+14155550160', 'Detach', 'FAILED'],
      ],
    );
    assert.deepEqual(answer.summary, { ok: 3, failed: 2 });
  });

  it('runs the repository example of every operation', async () => {
    const answer = await apply(sandbox(), csv`
      NUMBER,OPERATION,GROUP_ID,PROVIDER,MINIAPP_ID,PHONE_NUMBER_SET_ID,APPLICATION_TAG,LOCALE,NOTE
      +14155550110,Create,ocp,twilio,,,,,
      +14155550102,Update,,,sales.Numeric.MiniApps.ocp,salesSet,,en-US,Sales line
      +14155550102,Attach,,,front.Numeric.MiniApps.ocp,,,en-GB,
      +14155550103,Detach,,,,,,,
      +14155550101,Delete,,,,,,,
    `);
    assert.deepEqual(answer.summary, { ok: 5, failed: 0 });
    assert.ok(numberRow(sandbox(), '+14155550110'));
    assert.equal(liveRow(sandbox(), '+14155550102').MINIAPP_ID, 'front.Numeric.MiniApps.ocp');
    assert.equal(liveRow(sandbox(), '+14155550102').NOTE, 'Sales line');
    assert.equal(liveRow(sandbox(), '+14155550103').MINIAPP_ID, '');
    assert.equal(numberRow(sandbox(), '+14155550101'), undefined);
  });

  it('trims values, and reads a byte order mark, CRLF line ends and quoted fields', async () => {
    const text = '\uFEFFNUMBER , OPERATION,NOTE,MINIAPP_ID,PHONE_NUMBER_SET_ID,APPLICATION_TAG,LOCALE\r\n  +14155550102 , Update ,"  Line one,\r\nline two  ",,,,\r\n';
    const answer = await apply(sandbox(), text);
    assertRowResult(answer, 1, 'OK');
    assert.equal(answer.results[0]?.number, '+14155550102');
    assert.equal(liveRow(sandbox(), '+14155550102').NOTE, 'Line one,\r\nline two');
  });

  it('answers a file with a header and no rows with no results', async () => {
    const answer = await apply(sandbox(), 'NUMBER,OPERATION\n');
    assert.deepEqual(answer, { results: [], summary: { ok: 0, failed: 0 } });
  });
});
