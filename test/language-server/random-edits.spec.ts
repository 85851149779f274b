import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseSettings, validate, type Issue } from '@numbers-csv/shared';
import type { Diagnostic, Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { documentUri, useServer } from './server.js';
import { applyTextEdits, rangeOf } from './text.js';

const SETTINGS = { limits: { Detach: 3, Delete: 2 }, maxDiagnostics: 6 };
const CORE = parseSettings({ limits: SETTINGS.limits }).settings;

const SEEDS = [
  'NUMBER,OPERATION\n+14155550101,delete\n14155550102,Delete\n+14155550101,Delete\n',
  'NUMBER,OPERATION,MINIAPP_ID,LOCALE,NOTE\r\n+14155550101,Attach,support.line,en-us,"Front desk, 2nd floor"\r\n+14155550102,Detach,,,\r\n',
  'NUMBER,OPERATION\n+14155550101,Detach\n+14155550102,Detach\n+14155550103,Detach\n+14155550104,Detach\n\n',
  '',
];

/** Pieces that make and break CSV structure, values and rules, more often than random characters would. */
const PIECES = [',', '"', '""', '\n', '\r\n', ' ', 'Delete', 'attach', 'Detach', '+1415555010', '9', '1', 'NUMBER', 'OPERATION', 'LOCALE', '<NULL>', '=1+1', 'x', ';'];

interface Edit {
  /** Where, as a fraction of the text's length. */
  at: number;
  remove: number;
  insert: string;
}

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 8 })),
  insert: fc.array(fc.constantFrom(...PIECES), { maxLength: 3 }).map((pieces) => pieces.join('')),
});

/** A change the client could send: never inside a CRLF, where LSP has no position. */
function toChange(text: string, { at, remove, insert }: Edit): TextDocumentContentChangeEvent {
  let start = Math.floor(at * text.length);
  let end = Math.min(start + remove, text.length);
  if (text[start - 1] === '\r' && text[start] === '\n') start--;
  if (text[end - 1] === '\r' && text[end] === '\n') end++;
  end = Math.max(start, end);
  return { range: rangeOf(text, start, end), text: insert };
}

/**
 * What the server should publish for `text`, derived from the core here, apart from the server's
 * code. The core's positions leave out a leading byte order mark; the client's count it.
 */
function expected(text: string): unknown[] {
  const { issues } = validate(text, CORE);
  const shift = text.startsWith('\ufeff') ? 1 : 0;
  const ordered = (['error', 'warning', 'info'] as const).flatMap((severity) => issues.filter((issue) => issue.severity === severity));
  return ordered.slice(0, SETTINGS.maxDiagnostics).map((issue) => comparable({ ...issue, range: shifted(issue.range, shift), related: issue.related?.map((entry) => ({ ...entry, range: shifted(entry.range, shift) })) }));
}

function shifted(range: Range, by: number): Range {
  const move = (position: Position): Position => (position.line === 0 ? { line: 0, character: position.character + by } : position);
  return { start: move(range.start), end: move(range.end) };
}

function comparable(issue: Issue | Diagnostic): unknown {
  const severity = typeof issue.severity === 'string' ? { error: 1, warning: 2, info: 3 }[issue.severity] : issue.severity;
  const related = 'related' in issue ? issue.related?.map((entry) => entry.range) : 'relatedInformation' in issue ? issue.relatedInformation?.map((entry) => entry.location.range) : undefined;
  return { code: issue.code, severity, message: issue.message, range: issue.range, related: related ?? [] };
}

describe('language server: random edits', () => {
  const server = useServer({ settings: SETTINGS });

  const property = async (seeds: readonly string[], numRuns: number) => {
    const { client } = server;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...seeds), fc.array(fc.array(edit, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 12 }), async (seed, batches) => {
        const uri = documentUri();
        await client.open(uri, seed);
        try {
          assert.deepEqual((await client.diagnostics(uri, 1)).diagnostics.map(comparable), expected(seed));
          for (const batch of batches) {
            // Each change of a batch is made against the text the one before it left, as LSP says.
            const changes: TextDocumentContentChangeEvent[] = [];
            let text = client.text(uri);
            for (const step of batch) {
              const change = toChange(text, step);
              changes.push(change);
              text = 'range' in change ? applyTextEdits(text, [{ range: change.range, newText: change.text }]) : change.text;
            }
            const version = await client.change(uri, changes);
            assert.equal(client.text(uri), text);
            const published = await client.diagnostics(uri, version);
            assert.deepEqual(published.diagnostics.map(comparable), expected(client.text(uri)), `after ${JSON.stringify(changes)} the text is ${JSON.stringify(client.text(uri))}`);
          }
        } finally {
          await client.close(uri);
        }
      }),
      { seed: 20_240_607, numRuns, endOnFailure: true },
    );
  };

  it('publishes after every change what the core finds in the text the client holds', async function () {
    this.timeout(120_000);
    await property(SEEDS, 100);
  });

  it('does so in a document that starts with a byte order mark, which the client counts and the core does not', async function () {
    this.timeout(120_000);
    await property(
      SEEDS.map((seed) => `\ufeff${seed}`),
      40,
    );
  });
});
