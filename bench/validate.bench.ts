/**
 * Validation speed against the CSV parser it is built on, measured in one run so that the ratio
 * holds on any machine. Prints figures and whether targets are met; never fails on timing.
 */
import os from 'node:os';
import { parse } from 'csv-parse/sync';
import { validate } from '@numbers-csv/shared';
import { exportWithUpdates, fullBatch } from './generate.js';
import { median, mib, RssSampler, time } from './stats.js';
import { printTable, verdict } from './table.js';

const EXPORT_ROWS = 100_000;
const WARMUP_ROUNDS = 3;
const ROUNDS = 25;
const BATCH_RUNS_PER_ROUND = 20;
const TARGET_RATIO = 1.3;
const TARGET_BATCH_MS = 20;

function main(): void {
  const rss = new RssSampler();
  rss.start();

  const exportText = exportWithUpdates(EXPORT_ROWS);
  const batchText = fullBatch();
  checkInputs(exportText, batchText);

  const parseMs: number[] = [];
  const validateMs: number[] = [];
  const batchMs: number[] = [];
  for (let round = 0; round < WARMUP_ROUNDS + ROUNDS; round++) {
    const measured = round >= WARMUP_ROUNDS;
    // Alternating which runs first keeps a trend in the machine (heat, other load) off one side.
    const order = round % 2 === 0 ? ['parse', 'validate'] : ['validate', 'parse'];
    for (const which of order) {
      const ms = which === 'parse' ? time(() => parse(exportText), true) : time(() => validate(exportText), true);
      rss.sample();
      if (measured) (which === 'parse' ? parseMs : validateMs).push(ms);
    }
    globalThis.gc?.();
    for (let i = 0; i < BATCH_RUNS_PER_ROUND; i++) {
      const ms = time(() => validate(batchText));
      if (measured) batchMs.push(ms);
    }
    rss.sample();
  }
  const peakSampled = rss.stop();
  const maxRss = process.resourceUsage().maxRSS * 1024;

  const parseMedian = median(parseMs);
  const validateMedian = median(validateMs);
  // Each round times both side by side, so a round's ratio cancels what the machine was doing then;
  // on a shared machine single timings of the same work vary by half, and the medians with them.
  const ratio = median(validateMs.map((ms, i) => ms / (parseMs[i] as number)));
  const batchMedian = median(batchMs);

  console.log(`numbers-csv validate benchmark — node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), ${os.platform()} ${os.arch()}`);
  // Other work on the machine moves single figures; the ratio, measured interleaved, moves less.
  console.log(`load average at the end: ${os.loadavg().map((load) => load.toFixed(2)).join(' ')}`);
  console.log(`export: ${EXPORT_ROWS.toLocaleString('en')} rows, ${mib(exportText.length)} of text; batch: ${(batchText.split('\n').length - 2).toLocaleString('en')} rows`);
  console.log(`${WARMUP_ROUNDS} warm-up rounds, then medians of ${ROUNDS} interleaved rounds (${ROUNDS * BATCH_RUNS_PER_ROUND} batch runs)\n`);
  const rows: [string, string, string][] = [
    ['csv-parse (sync, defaults), 100k rows', `${parseMedian.toFixed(1)} ms`, ''],
    ['validate, 100k rows', `${validateMedian.toFixed(1)} ms`, ''],
    ['ratio validate / csv-parse, per round', `${ratio.toFixed(2)}`, verdict(ratio <= TARGET_RATIO, `≤ ${TARGET_RATIO}`)],
    ['  (ratio of the medians)', `${(validateMedian / parseMedian).toFixed(2)}`, ''],
    ['validate, 1,810-row full batch', `${batchMedian.toFixed(2)} ms`, verdict(batchMedian <= TARGET_BATCH_MS, `≤ ${TARGET_BATCH_MS} ms`)],
    ['peak RSS (resourceUsage maxRSS)', mib(maxRss), ''],
    ['peak RSS (sampled)', mib(peakSampled), ''],
  ];
  printTable(['measure', 'value', 'target'], rows);
}

/** The figures mean something only if the inputs are what they claim to be. */
function checkInputs(exportText: string, batchText: string): void {
  const batch = validate(batchText);
  const counts = Object.entries(batch.table.counts).map(([op, n]) => `${op} ${n}`).join(', ');
  console.log(`batch counts: ${counts}; issues: ${batch.issues.length}`);
  if (batch.issues.length > 0) {
    console.log(`WARNING: the batch is meant to be valid, but has issues, e.g.:\n${batch.issues.slice(0, 5).map((i) => `  ${i.range.start.line + 1}:${i.range.start.character + 1} ${i.code}: ${i.message}`).join('\n')}`);
  }
  const exported = validate(exportText);
  const byCode = new Map<string, number>();
  for (const issue of exported.issues) byCode.set(issue.code, (byCode.get(issue.code) ?? 0) + 1);
  console.log(`export issues: ${[...byCode].map(([code, n]) => `${code} ×${n}`).join(', ') || 'none'} (Update over its limit is expected)`);
}

main();
