/**
 * Planning a full batch against a large export, read as the client reads it: a stream of byte chunks.
 * The export is made as it is read, never held whole, so the peak RSS measures what the snapshot
 * keeps, not the test's own text. Prints figures and whether targets are met; never fails on timing.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { EXPORT_COLUMNS, numbersInBatch, plan, readSnapshot, type Operation } from '@numbers-csv/shared';
import { BATCH_HEADER, FULL_BATCH, random } from './generate.js';
import { median, mib, RssSampler } from './stats.js';
import { printTable, verdict } from './table.js';

const EXPORT_ROWS = 1_000_000;
/** Rows per chunk: about 64 KiB, as a response body arrives in pieces of that order. */
const ROWS_PER_CHUNK = 500;
const TARGET_RSS_BYTES = 200 * 1024 * 1024;
const WARM_PLANS = 9;

const GROUPS = ['ocp', 'emea-support', 'us-sales'] as const;
const NOTES = ['', '', '', 'Main line', '"Reception, front desk"', '"Escalations ""priority"" queue"', 'Café ☎'];

/** Export row i's number: 1,000,000 distinct E.164 numbers. Numbers under +1628 are never in the export. */
const liveNumber = (i: number): string => `+1415${String(i).padStart(7, '0')}`;
const absentNumber = (i: number): string => `+1628${String(i).padStart(7, '0')}`;
const groupOf = (i: number): string => GROUPS[i % GROUPS.length] as string;
const appOf = (i: number): string => `app${i % 37}.surname_test.Numeric.MiniApps.${groupOf(i)}`;
/** Every tenth number is attached to no mini app. */
const attachedAt = (i: number): boolean => i % 10 !== 0;

/** The export, made a chunk at a time: the stream the client hands to `readSnapshot`. */
async function* exportChunks(rows: number, counter: { bytes: number }): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  const next = random(7);
  let lines: string[] = [EXPORT_COLUMNS.join(',')];
  for (let i = 0; i < rows; i++) {
    const attached = attachedAt(i);
    const group = groupOf(i);
    lines.push(
      [
        next() < 0.3 ? 'support' : '',
        'US',
        group,
        'en-US',
        attached ? 'miniApps' : '',
        attached ? group : '',
        attached ? appOf(i) : '',
        attached ? `miniapp_${i % 37}` : '',
        attached ? 'Numeric' : '',
        liveNumber(i),
        `set-${group}-${i % 11}`,
        NOTES[Math.floor(next() * NOTES.length)],
      ].join(','),
    );
    if (lines.length >= ROWS_PER_CHUNK) {
      const chunk = encoder.encode(`${lines.join('\n')}\n`);
      counter.bytes += chunk.length;
      yield chunk;
      lines = [];
      // A network body arrives over time; without this the generator would never let the sampler run.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  if (lines.length > 0) {
    const chunk = encoder.encode(`${lines.join('\n')}\n`);
    counter.bytes += chunk.length;
    yield chunk;
  }
}

/**
 * The 1,810-row batch that fills every default limit, over live numbers spread across the export and
 * some absent ones: Creates of new numbers (a tenth of them existing), Updates, Attaches (some to the
 * mini app the number has), Detaches (some of numbers attached to none), Deletes (two of absent numbers).
 */
function batch(): string {
  const lines = [BATCH_HEADER];
  let k = 0;
  // Live numbers 547 apart reach across the whole export, so every chunk matters.
  const live = () => (k++ * 547) % EXPORT_ROWS;
  const row = (number: string, operation: Operation, rest: string) => lines.push(`${number},${operation},${rest}`);
  for (let i = 0; i < FULL_BATCH.Create; i++) row(i % 10 === 0 ? liveNumber(live()) : absentNumber(i), 'Create', `${GROUPS[i % 3] as string},twilio,,,,en-US,`);
  for (let i = 0; i < FULL_BATCH.Update; i++) {
    if (i % 40 === 0) row(absentNumber(1000 + i), 'Update', ',,,,,,New note');
    else {
      const n = live();
      row(liveNumber(n), 'Update', `,,${appOf(n + 1)},set-${groupOf(n)}-${i % 11},${i % 3 === 0 ? 'support' : ''},en-GB,${i % 5 === 0 ? '"Moved, see ticket 42"' : ''}`);
    }
  }
  for (let i = 0; i < FULL_BATCH.Attach; i++) {
    const n = live();
    row(liveNumber(n), 'Attach', `,,${i % 8 === 0 ? appOf(n) : appOf(n + 3)},,,en-US,`);
  }
  for (let i = 0; i < FULL_BATCH.Detach; i++) row(liveNumber(live()), 'Detach', ',,,,,,');
  for (let i = 0; i < FULL_BATCH.Delete; i++) row(i < 2 ? absentNumber(5000 + i) : liveNumber(live()), 'Delete', ',,,,,,');
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const rss = new RssSampler();
  rss.start();
  const batchText = batch();
  const counter = { bytes: 0 };

  let started = performance.now();
  const numbers = numbersInBatch(batchText);
  const numbersMs = performance.now() - started;

  started = performance.now();
  const snapshot = await readSnapshot(exportChunks(EXPORT_ROWS, counter), { numbers });
  const readMs = performance.now() - started;
  rss.sample();

  started = performance.now();
  const result = plan(batchText, snapshot);
  const planMs = performance.now() - started;
  const warmPlanMs = median(Array.from({ length: WARM_PLANS }, () => {
    const start = performance.now();
    plan(batchText, snapshot);
    return performance.now() - start;
  }));
  const peakSampled = rss.stop();
  const maxRss = process.resourceUsage().maxRSS * 1024;

  // The parser alone over the same stream, after the figures above: what reading cannot go below.
  started = performance.now();
  await pipeline(exportChunks(EXPORT_ROWS, { bytes: 0 }), parse({ relax_column_count: true }), new Writable({ objectMode: true, write: (_record, _encoding, done) => done() }));
  const parseMs = performance.now() - started;

  console.log(`numbers-csv plan benchmark — node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), ${os.platform()} ${os.arch()}`);
  console.log(`load average at the end: ${os.loadavg().map((load) => load.toFixed(2)).join(' ')}`);
  console.log(`export: ${snapshot.rowsRead.toLocaleString('en')} rows, ${mib(counter.bytes)} streamed in chunks of ${ROWS_PER_CHUNK} rows; kept ${snapshot.size.toLocaleString('en')} numbers, ${snapshot.groups.size} groups, ${snapshot.setGroups.size} sets, ${snapshot.miniApps.size} mini apps`);
  console.log(`batch: ${result.rows.length.toLocaleString('en')} rows, ${numbers.length.toLocaleString('en')} numbers; effects: ${Object.entries(result.summary.effects).map(([effect, n]) => `${effect} ${n}`).join(', ')}; blocked: ${result.blocked.length}`);
  const reasons = new Map<string, number>();
  for (const row of result.rows) if (row.reason) reasons.set(row.reason.code, (reasons.get(row.reason.code) ?? 0) + 1);
  console.log(`failing rows by reason: ${[...reasons].map(([code, n]) => `${code} ×${n}`).join(', ') || 'none'}\n`);

  const rows: [string, string, string][] = [
    ['numbersInBatch, 1,810 rows (first run)', `${numbersMs.toFixed(1)} ms`, ''],
    ['readSnapshot, streamed export', `${(readMs / 1000).toFixed(2)} s`, `${(counter.bytes / (1024 * 1024) / (readMs / 1000)).toFixed(0)} MiB/s`],
    ['  csv-parse alone, same stream', `${(parseMs / 1000).toFixed(2)} s`, `ratio ${(readMs / parseMs).toFixed(2)}`],
    ['plan, 1,810 rows (first run)', `${planMs.toFixed(1)} ms`, ''],
    [`plan, 1,810 rows (median of ${WARM_PLANS} more)`, `${warmPlanMs.toFixed(1)} ms`, ''],
    ['peak RSS (resourceUsage maxRSS)', mib(maxRss), verdict(maxRss <= TARGET_RSS_BYTES, `≤ ${mib(TARGET_RSS_BYTES)}`)],
    ['peak RSS (sampled)', mib(peakSampled), ''],
  ];
  printTable(['measure', 'value', 'target'], rows);
}

await main();
