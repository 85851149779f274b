import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { ApplyResponseSchema, ErrorBodySchema, EXPORT_COLUMNS, EXPORT_PATH, type ApplyResponse, type ErrorBody, type RowResult } from '@numbers-csv/shared';
import { SANDBOX_TOKENS, startSandbox, type LiveRow, type Sandbox, type SandboxOptions } from '@numbers-csv/sandbox';

export { csv } from '../helpers/issues.js';

/**
 * The numbers most specs start from: two groups, a set in each plus a second one in `ocp`, mini
 * apps in both, a number attached to none, a UUID number, and notes that need quoting.
 */
export const SEED = [
  'APPLICATION_TAG,COUNTRY,GROUP_ID,LOCALE,MINIAPP_DIAMANT_APP_NAME,MINIAPP_GROUP,MINIAPP_ID,MINIAPP_NAME,MINIAPP_TYPE,NUMBER,PHONE_NUMBER_SET_ID,NOTE',
  'billing,US,ocp,en-US,miniApps,ocp,front.Numeric.MiniApps.ocp,front_desk,Numeric,+14155550101,frontSet,"Billing, after hours"',
  ',US,ocp,en-US,,,,,,+14155550102,frontSet,',
  ',US,ocp,es-US,miniApps,ocp,sales.Numeric.MiniApps.ocp,sales_line,Numeric,+14155550103,salesSet,"Says ""hola"""',
  ',GB,ocp-uk,en-GB,miniApps,ocp-uk,support.Numeric.MiniApps.ocp-uk,uk_support,Numeric,+442079460958,ukSet,',
  ',,ocp,,,,,,,0b0c5c8e-2f4a-4f7e-9a59-1d5a2f3e4b6c,,',
].join('\n');

export const OWNER = SANDBOX_TOKENS.owner;
export const OWNER_OCP = SANDBOX_TOKENS.ownerOcp;
export const VIEWER = SANDBOX_TOKENS.viewer;

/**
 * A fresh sandbox for each test of the suite, closed after it. The getter is read inside tests,
 * once the sandbox has started.
 */
export function useSandbox(options: () => SandboxOptions = () => ({ seed: SEED })): () => Sandbox {
  let sandbox: Sandbox | undefined;
  beforeEach(async () => {
    sandbox = await startSandbox(options());
  });
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });
  return () => {
    assert.ok(sandbox, 'the sandbox has not started');
    return sandbox;
  };
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

export function exportRequest(sandbox: Sandbox, token: string = OWNER): Promise<Response> {
  return fetch(`${sandbox.baseUrl}${EXPORT_PATH}`, { method: 'POST', headers: bearer(token) });
}

/** The export as rows, after checking that it is the CSV the contract describes. */
export async function exportRows(sandbox: Sandbox, token: string = OWNER): Promise<Record<string, string>[]> {
  const res = await exportRequest(sandbox, token);
  assert.equal(res.status, 200, await res.clone().text());
  assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
  return readCsv(await res.text());
}

/** Rows by column name; the example files mix CRLF and LF line ends. */
export function readCsv(text: string): Record<string, string>[] {
  return parse(text, { columns: true, bom: true, record_delimiter: ['\r\n', '\n'] }) as Record<string, string>[];
}

/** A multipart upload with the CSV in the part named `file`, as the platform takes it. */
export function upload(text: string | Uint8Array, part = 'file'): FormData {
  const form = new FormData();
  form.set(part, new Blob([text], { type: 'text/csv' }), 'numbers.csv');
  return form;
}

export function applyRequest(sandbox: Sandbox, body: FormData | string | Uint8Array, token: string = OWNER, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${sandbox.baseUrl}${EXPORT_PATH}`, { method: 'PUT', headers: { ...bearer(token), ...headers }, body });
}

/** Applies a CSV that the sandbox must run, and returns its answer, checked against the contract's shape. */
export async function apply(sandbox: Sandbox, text: string, token: string = OWNER): Promise<ApplyResponse> {
  const res = await applyRequest(sandbox, upload(text), token);
  const body: unknown = await res.json();
  assert.equal(res.status, 200, JSON.stringify(body));
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  return ApplyResponseSchema.parse(body);
}

/** The outcome of one row, found by its row number. */
export function resultOf(answer: ApplyResponse, row: number): RowResult {
  const result = answer.results.find((candidate) => candidate.row === row);
  assert.ok(result, `no result for row ${row}: ${JSON.stringify(answer.results)}`);
  return result;
}

export function assertRowResult(answer: ApplyResponse, row: number, status: 'OK' | 'FAILED', message?: RegExp): RowResult {
  const result = resultOf(answer, row);
  assert.equal(result.status, status, `row ${row}: ${result.message}`);
  if (message) assert.match(result.message, message);
  return result;
}

/**
 * Sends a request that must be refused with `status`, checks the contract's error shape, and that
 * the refusal changed no number.
 */
export async function assertRefused(sandbox: Sandbox, send: () => Promise<Response>, status: number, error: string): Promise<ErrorBody & { headers: Headers }> {
  const before = sandbox.numbers();
  const res = await send();
  const json: unknown = await res.json();
  assert.equal(res.status, status, JSON.stringify(json));
  const body = ErrorBodySchema.parse(json);
  assert.equal(body.error, error);
  assert.ok(body.message.length > 0, 'a refusal says why, for people');
  assert.deepEqual(sandbox.numbers(), before, 'a refused request changed numbers');
  return { ...body, headers: res.headers };
}

export function numberRow(sandbox: Sandbox, number: string): LiveRow | undefined {
  return sandbox.numbers().find((row) => row.NUMBER === number);
}

export function liveRow(sandbox: Sandbox, number: string): LiveRow {
  const row = numberRow(sandbox, number);
  assert.ok(row, `number ${number} is not in the sandbox`);
  return row;
}

/** An export-shaped seed of `count` numbers in group ocp. */
export function seedOf(count: number): string {
  const lines = [EXPORT_COLUMNS.join(',')];
  for (let i = 0; i < count; i++) lines.push(`,US,ocp,en-US,,,,,,+1415555${String(i).padStart(4, '0')},,note ${i}`);
  return `${lines.join('\n')}\n`;
}
