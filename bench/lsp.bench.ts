/**
 * The language server as an editor meets it: the built server over stdio, a 100,000-row export
 * opened, then one-character edits spread over the file. Prints figures and whether targets are met;
 * never fails on timing.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node.js';
import { exportWithUpdates } from './generate.js';
import { median, mib } from './stats.js';
import { verdict } from './table.js';

const EXPORT_ROWS = 100_000;
const EDITS = 200;
const TARGET_OPEN_MS = 1500;
const TARGET_KEYSTROKE_P95_MS = 20;
const TARGET_RSS_FACTOR = 10;
/**
 * How long the server may sit idle before its memory is read again. V8 gives back what a burst of
 * work left behind (the didOpen message's bytes and JSON text, the young generation grown while
 * reading) only when its memory reducer runs, which it starts after some seconds without allocation:
 * 8 to 25 s here. The reading is taken once the resident set has stayed level for `LEVEL_MS` after
 * falling, or at the end.
 */
const IDLE_MS = 60_000;
const LEVEL_MS = 5_000;
const SERVER = fileURLToPath(new URL('../../language-server/bin/numbers-csv-language-server.js', import.meta.url));
const URI = 'file:///bench/export.numbers.csv';
const EVERY_ROW_URI = 'file:///bench/every-row.numbers.csv';

async function main(): Promise<void> {
  const text = exportWithUpdates(EXPORT_ROWS);
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let onPublish: ((params: PublishDiagnosticsParams) => void) | undefined;
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => onPublish?.(params));
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
  connection.listen();
  const published = (version: number, uri = URI) =>
    new Promise<PublishDiagnosticsParams>((resolve) => {
      onPublish = (params) => {
        if (params.uri === uri && (params.version === undefined || params.version >= version)) resolve(params);
      };
    });
  /** One-character edits spread over the file, each timed from the change to its diagnostics. */
  const keystrokes = async (uri: string, text: string): Promise<number[]> => {
    const lineCount = text.split('\n').length - 1;
    const times: number[] = [];
    for (let i = 0; i < EDITS; i++) {
      // The first character of a data row: an APPLICATION_TAG typed in, row after row down the file.
      const line = 1 + Math.floor(((i + 0.5) / EDITS) * (lineCount - 1));
      const version = i + 2;
      const next = published(version, uri);
      const start = performance.now();
      await connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }],
      });
      await next;
      times.push(performance.now() - start);
    }
    return times;
  };

  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } });
  await connection.sendNotification('initialized', {});

  const start = performance.now();
  const opened = published(1);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'numbers-csv', version: 1, text } });
  const first = await opened;
  const openMs = performance.now() - start;
  const rssAtOpen = residentBytes(child.pid);
  const idle = await idleResident(child.pid, IDLE_MS);

  const keystrokeMs = await keystrokes(URI, text);
  // Every edit leaves garbage behind until a collection: this shows how much, and what stays.
  const rssAfterEdits = residentBytes(child.pid);
  const idleAfterEdits = await idleResident(child.pid, IDLE_MS);
  // The hard case: the export with a lower-case operation on every row, so a warning on every row.
  const everyRow = text.replaceAll(',Update\n', ',update\n');
  const everyRowOpened = published(1, EVERY_ROW_URI);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: EVERY_ROW_URI, languageId: 'numbers-csv', version: 1, text: everyRow } });
  await everyRowOpened;
  const everyRowMs = await keystrokes(EVERY_ROW_URI, everyRow);
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  child.kill();

  const p95 = percentile95(keystrokeMs);
  const everyRowP95 = percentile95(everyRowMs);
  const rows: [string, string, string][] = [
    ['didOpen → first diagnostics', `${openMs.toFixed(0)} ms`, verdict(openMs <= TARGET_OPEN_MS, `≤ ${TARGET_OPEN_MS} ms`)],
    [`  (${first.diagnostics.length} diagnostics)`, '', ''],
    [`keystroke → diagnostics, median of ${EDITS}`, `${median(keystrokeMs).toFixed(1)} ms`, ''],
    ['keystroke → diagnostics, p95', `${p95.toFixed(1)} ms`, verdict(p95 <= TARGET_KEYSTROKE_P95_MS, `≤ ${TARGET_KEYSTROKE_P95_MS} ms`)],
    ['server RSS right after the first diagnostics', mib(rssAtOpen), ''],
    [
      `server RSS with the file open, idle (${idleLabel(idle)})`,
      mib(idle.bytes),
      verdict(idle.bytes <= TARGET_RSS_FACTOR * Buffer.byteLength(text), `≤ ${TARGET_RSS_FACTOR} × ${mib(Buffer.byteLength(text))}`),
    ],
    [`server RSS right after the ${EDITS} edits`, mib(rssAfterEdits), ''],
    [`server RSS after the edits, idle (${idleLabel(idleAfterEdits)})`, mib(idleAfterEdits.bytes), ''],
    ['an issue on every row: keystroke → diagnostics, median', `${median(everyRowMs).toFixed(1)} ms`, ''],
    ['an issue on every row: keystroke → diagnostics, p95', `${everyRowP95.toFixed(1)} ms`, verdict(everyRowP95 <= TARGET_KEYSTROKE_P95_MS, `≤ ${TARGET_KEYSTROKE_P95_MS} ms`)],
  ];
  console.log(`\nlanguage server over stdio — ${EXPORT_ROWS.toLocaleString('en')}-row export, ${EDITS} one-character edits spread over the file\n`);
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((row) => row[c]?.length ?? 0)));
  for (const row of rows) console.log(row.map((cell, c) => (c === 1 ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd());
}

function percentile95(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.ceil(0.95 * sorted.length) - 1] ?? Number.NaN;
}

/** The server's resident set, from the kernel: the server is another process. */
function residentBytes(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return kib === undefined ? Number.NaN : Number(kib) * 1024;
}

/**
 * The server's resident set once it has sat idle: sampled every 250 ms until it has stayed level for
 * `LEVEL_MS` after falling by more than a mebibyte, or for `ms` at most.
 */
async function idleResident(pid: number | undefined, ms: number): Promise<{ bytes: number; fellAfterMs: number | undefined }> {
  const start = performance.now();
  let bytes = residentBytes(pid);
  let fellAfterMs: number | undefined;
  for (let elapsed = 0; elapsed < ms && (fellAfterMs === undefined || elapsed - fellAfterMs < LEVEL_MS); elapsed = performance.now() - start) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = residentBytes(pid);
    if (now < bytes - 1024 * 1024) fellAfterMs = performance.now() - start;
    bytes = now;
  }
  return { bytes, fellAfterMs };
}

function idleLabel(idle: { fellAfterMs: number | undefined }): string {
  return idle.fellAfterMs === undefined ? `did not fall in ${IDLE_MS / 1000} s` : `fell after ${(idle.fellAfterMs / 1000).toFixed(0)} s`;
}

await main();
