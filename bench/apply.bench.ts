/**
 * What an apply costs on the wire: a full batch (1,810 rows, every default limit filled) applied to
 * the sandbox over loopback HTTP, counting every request the client makes and the sandbox receives.
 * An apply must be one PUT: anything more is a retry or a second upload. Never fails on timing.
 */
import { createNumbersApiClient, type RequestEvent } from '@numbers-csv/shared';
import { SANDBOX_TOKENS, startSandbox } from '@numbers-csv/sandbox';
import { fullBatch, liveNumbersFor } from './generate.js';
import { printTable, verdict } from './table.js';

async function main(): Promise<void> {
  const batch = fullBatch();
  const sandbox = await startSandbox({ seed: liveNumbersFor(batch) });
  const events: RequestEvent[] = [];
  const client = createNumbersApiClient({ baseUrl: sandbox.baseUrl, auth: { token: SANDBOX_TOKENS.owner }, onRequest: (event) => events.push(event) });
  try {
    const start = performance.now();
    const outcome = await client.applyCsv(batch, { filename: 'full-batch.csv' });
    const ms = performance.now() - start;
    const received = sandbox.requests();
    const puts = received.filter((request) => request.method === 'PUT').length;
    const rows = outcome.kind === 'answered' ? `${outcome.response.summary.ok} OK, ${outcome.response.summary.failed} failed` : `unexpected answer ${outcome.status}`;
    console.log(`\napply over loopback HTTP — ${(batch.split('\n').length - 2).toLocaleString('en')}-row batch, ${(batch.length / 1024).toFixed(0)} KiB\n`);
    printTable(['measure', 'value', 'target'], [
      ['requests the client made', String(events.length), ''],
      ['requests the sandbox received', String(received.length), ''],
      ['  of them PUT', String(puts), verdict(puts === 1 && received.length === 1 && events.length === 1, 'one PUT, nothing else')],
      ['apply, upload to answer', `${ms.toFixed(0)} ms`, ''],
      ['rows', rows, ''],
    ]);
  } finally {
    await client.close();
    await sandbox.close();
  }
}

await main();
