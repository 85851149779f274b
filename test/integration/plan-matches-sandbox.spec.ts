import assert from 'node:assert/strict';
import fc from 'fast-check';
import { OutcomeUnknownError, createNumbersApiClient, numbersInBatch, plan, readSnapshot, reconcile, validate, type Plan } from '@numbers-csv/shared';
import { SANDBOX_TOKENS, startSandbox, type Sandbox } from '@numbers-csv/sandbox';

const RUNS = Number(process.env['FC_NUM_RUNS'] ?? 40);
const SEED = process.env['FC_SEED'] ?? '20261204';
if (SEED !== 'random') fc.configureGlobal({ seed: Number(SEED) });

const HEADER = 'NUMBER,OPERATION,GROUP_ID,PROVIDER,MINIAPP_ID,PHONE_NUMBER_SET_ID,APPLICATION_TAG,LOCALE,NOTE';
/** Numbers of the sandbox's default seed, and numbers it does not have. */
const LIVE = ['+14155550120', '+14155550121', '+442079460958', '+14155550111', '+14155550112', '+14155550113', '+14155550114', '+14155550115'];
const ABSENT = ['+14155550101', '+14155550102', '+14155550103'];
const APPS = ['test.surname_test.Numeric.MiniApps.ocp', 'support.line.Numeric.MiniApps.ocp', 'sales.line.Numeric.MiniApps.ocp', 'support.Numeric.MiniApps.ocp-uk'];
const SETS = ['testSetId', 'salesSet', 'ukSet'];

const maybe = (values: readonly string[]) => fc.constantFrom('', ...values);
const updateField = (values: readonly string[]) => fc.constantFrom('', '<NULL>', ...values);

/** One row, as people write them: an operation with the fields it takes, on a live or an absent number. */
const row = (number: string) =>
  fc.oneof(
    fc.record({ group: fc.constantFrom('ocp', 'ocp-uk'), app: maybe(APPS), set: maybe(SETS), locale: maybe(['en-US', 'fr-CA']) }).map((r) => [number, 'Create', r.group, 'twilio', r.app, r.set, '', r.locale, '']),
    fc.record({ app: updateField(APPS), set: updateField(SETS), tag: updateField(['billing']), locale: updateField(['en-US', 'fr-CA']), note: updateField(['Front desk']) }).map((r) => [number, 'Update', '', '', r.app, r.set, r.tag, r.locale, r.note]),
    fc.record({ app: fc.constantFrom(...APPS), locale: fc.constantFrom('en-US', 'en-GB') }).map((r) => [number, 'Attach', '', '', r.app, '', '', r.locale, '']),
    fc.constant([number, 'Detach', '', '', '', '', '', '', '']),
    fc.constant([number, 'Delete', '', '', '', '', '', '', '']),
  );

/** A batch of distinct numbers (two rows for one number is an error of its own). */
const batch = fc.uniqueArray(fc.constantFrom(...LIVE, ...ABSENT), { minLength: 1, maxLength: 8 }).chain((numbers) => fc.tuple(...numbers.map(row)));

/**
 * What `plan` says a batch will do is what the platform does: every row planned to fail fails, every
 * row planned to change nothing says so, the others succeed, and the live numbers afterwards are the
 * plan's "after" values. Held against the sandbox, which implements the platform's contract on its own.
 */
describe('a plan foretells what the platform does', function () {
  this.timeout(120_000);

  it('row by row, and field by field, on random batches', async () => {
    let applied = 0;
    await fc.assert(
      fc.asyncProperty(batch, async (rows) => {
        const text = `${[HEADER, ...rows.map((cells) => cells.join(','))].join('\n')}\n`;
        const sandbox = await startSandbox();
        const client = createNumbersApiClient({ baseUrl: sandbox.baseUrl, auth: { token: SANDBOX_TOKENS.owner } });
        try {
          const before = await readSnapshot(await client.exportNumbers(), { numbers: numbersInBatch(text) });
          const planned = plan(text, before);
          if (planned.blocked.length > 0 || validate(text).issues.some((issue) => issue.severity === 'error')) return;
          const outcome = await client.applyCsv(text);
          applied++;
          assert.equal(outcome.kind, 'answered');
          if (outcome.kind !== 'answered') return;
          for (const result of outcome.response.results) {
            const row = planned.rows.find((candidate) => candidate.row === result.row);
            const where = `row ${result.row} (${result.operation} ${result.number}) of\n${text}planned ${row?.effect} ${row?.reason?.code ?? ''}, platform ${result.status}: ${result.message}`;
            assert.ok(row, where);
            if (row.effect === 'fail') assert.equal(result.status, 'FAILED', where);
            else {
              assert.equal(result.status, 'OK', where);
              assert.equal(result.message.startsWith('No change'), row.effect === 'no-op', where);
            }
          }
          await assertAfter(planned, sandbox, text);
        } finally {
          await client.close();
          await sandbox.close();
        }
      }),
      { numRuns: RUNS },
    );
    assert.ok(applied >= RUNS / 2, `only ${applied} of ${RUNS} batches were valid enough to apply`);
  });
});

/**
 * After an apply whose answer was lost, reconciliation names exactly the rows that took effect: the
 * same batch applied to a twin of the platform, whose answer arrives, says which rows ran.
 */
describe('a reconciliation names the rows that took effect', function () {
  this.timeout(120_000);

  it('on random batches whose answer was lost', async () => {
    let reconciled = 0;
    await fc.assert(
      fc.asyncProperty(batch, async (rows) => {
        const text = `${[HEADER, ...rows.map((cells) => cells.join(','))].join('\n')}\n`;
        const [lost, twin] = [await startSandbox(), await startSandbox()];
        const [client, twinClient] = [lost, twin].map((sandbox) => createNumbersApiClient({ baseUrl: sandbox.baseUrl, auth: { token: SANDBOX_TOKENS.owner } })) as [ReturnType<typeof createNumbersApiClient>, ReturnType<typeof createNumbersApiClient>];
        try {
          const numbers = numbersInBatch(text);
          const planned = plan(text, await readSnapshot(await client.exportNumbers(), { numbers }));
          if (planned.blocked.length > 0 || validate(text).issues.some((issue) => issue.severity === 'error')) return;
          const truth = await twinClient.applyCsv(text);
          if (truth.kind !== 'answered') throw new Error('the twin answered in another shape');
          lost.setFaults({ dropAfterApply: { times: 1 } });
          await assert.rejects(client.applyCsv(text), OutcomeUnknownError);
          const reconciliation = reconcile(planned, await readSnapshot(await client.exportNumbers(), { numbers }));
          reconciled++;
          for (const result of truth.response.results) {
            const found = reconciliation.rows.find((candidate) => candidate.row === result.row);
            const planRow = planned.rows.find((candidate) => candidate.row === result.row);
            const where = `row ${result.row} (${result.operation} ${result.number}) of\n${text}platform ${result.status}: ${result.message}; reconciled ${found?.outcome}: ${found?.detail}`;
            if (planRow?.effect === 'no-op') assert.equal(found?.outcome, 'unclear', where);
            else assert.equal(found?.outcome, result.status === 'OK' ? 'applied' : 'not-applied', where);
          }
        } finally {
          await client.close();
          await twinClient.close();
          await lost.close();
          await twin.close();
        }
      }),
      { numRuns: RUNS },
    );
    assert.ok(reconciled >= RUNS / 2, `only ${reconciled} of ${RUNS} batches were reconciled`);
  });
});

/** The live numbers afterwards hold every planned "after" value; deleted numbers are gone. */
async function assertAfter(planned: Plan, sandbox: Sandbox, text: string): Promise<void> {
  const live = new Map(sandbox.numbers().map((values) => [values['NUMBER'], values]));
  for (const row of planned.rows) {
    const values = live.get(row.number);
    const where = `row ${row.row} (${row.operation} ${row.number}, planned ${row.effect}) of\n${text}`;
    if (row.effect === 'delete') assert.equal(values, undefined, where);
    if (row.effect === 'create') assert.ok(values, where);
    for (const change of row.changes) {
      if (row.effect === 'fail' || change.derived) continue;
      assert.equal(values?.[change.column] ?? '', change.after, `${where}\n${change.column}`);
    }
  }
}
