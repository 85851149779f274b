import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from './client.js';
import { brief, only, ruleLine, RULES_URL } from './expect.js';
import { documentUri, useServer } from './server.js';
import { find } from './text.js';

const BATCH = ['NUMBER,OPERATION', '+14155550101,delete', '14155550102,Delete', '+14155550101,Delete', ''].join('\n');

describe('language server: diagnostics', () => {
  const server = useServer();

  it('publishes every issue at its exact range, errors first, with code, source and a link to its rule', async () => {
    const { client } = server;
    const uri = documentUri();
    await client.open(uri, BATCH);
    const published = await client.diagnostics(uri, 1);
    assert.deepEqual(brief(published), ['number-missing-plus@2:0-2:11', 'duplicate-number@3:0-3:12', 'operation-case@1:13-1:19']);

    const duplicate = only(published, 'duplicate-number');
    assert.equal(duplicate.source, 'numbers-csv');
    assert.equal(duplicate.severity, 1);
    assert.match(duplicate.message, /already on row 1/);
    assert.equal(duplicate.codeDescription?.href, `${RULES_URL.href}#L${ruleLine('duplicate-number')}`);
    assert.deepEqual(duplicate.relatedInformation, [{ location: { uri, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 12 } } }, message: 'First row for +14155550101' }]);
    assert.equal(only(published, 'operation-case').severity, 2);
    assert.equal(only(published, 'operation-case').codeDescription?.href, `${RULES_URL.href}#L${ruleLine('operation-case')}`);
  });

  it('follows incremental edits: a character typed in a value, a row deleted, a line added', async () => {
    const { client } = server;
    const uri = documentUri();
    await client.open(uri, BATCH);
    await client.diagnostics(uri, 1);

    // The third row's number gets one more digit: it is no longer the first row's.
    const typed = find(client.text(uri), '0101,Delete', 4);
    let version = await client.change(uri, [{ range: { start: typed, end: typed }, text: '9' }]);
    assert.equal(client.text(uri).split('\n')[3], '+141555501019,Delete');
    assert.deepEqual(brief(await client.diagnostics(uri, version)), ['number-missing-plus@2:0-2:11', 'operation-case@1:13-1:19']);

    // The row without its plus goes, line break and all.
    version = await client.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } }, text: '' }]);
    assert.deepEqual(brief(await client.diagnostics(uri, version)), ['operation-case@1:13-1:19']);

    // A new last line repeats the first number.
    const end = { line: 3, character: 0 };
    version = await client.change(uri, [{ range: { start: end, end }, text: '+14155550101,Detach\n' }]);
    assert.equal(client.text(uri), 'NUMBER,OPERATION\n+14155550101,delete\n+141555501019,Delete\n+14155550101,Detach\n');
    assert.deepEqual(brief(await client.diagnostics(uri, version)), ['duplicate-number@3:0-3:12', 'operation-case@1:13-1:19']);

    // Two changes in one batch, the second at a place the first moved.
    version = await client.change(uri, [
      { range: { start: { line: 1, character: 13 }, end: { line: 1, character: 19 } }, text: 'Delete' },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' },
    ]);
    assert.deepEqual(brief(await client.diagnostics(uri, version)), ['duplicate-number@4:0-4:12', 'blank-row@0:0-0:0']);
  });

  it('says after each validation how many rows and problems the document has', async () => {
    const { client } = server;
    const uri = documentUri();
    await client.open(uri, BATCH);
    await client.diagnostics(uri, 1);
    const status = await client.waitFor('the status', () => client.statuses.find((params) => params.uri === uri));
    assert.deepEqual(status, {
      uri,
      rows: 3,
      errors: 2,
      warnings: 1,
      counts: { Create: 0, Update: 0, Attach: 0, Detach: 0, Delete: 3 },
      limits: { Create: 100, Update: 800, Attach: 800, Detach: 100, Delete: 10 },
      summary: 'Delete 3/10',
    });
  });

  it('clears the diagnostics of a closed document', async () => {
    const { client } = server;
    const uri = documentUri();
    await client.open(uri, BATCH);
    await client.diagnostics(uri, 1);
    await client.close(uri);
    const cleared = await client.waitFor('cleared diagnostics', () => client.published.find((params) => params.uri === uri && params.version === undefined));
    assert.deepEqual(cleared.diagnostics, []);
  });

  describe('which documents', () => {
    it('serves csv documents whose header has NUMBER and OPERATION, in any case', async () => {
      const { client } = server;
      const uri = documentUri('batch.csv');
      await client.open(uri, '\nnumber,operation\n14155550101,Delete\n', 'csv');
      const published = await client.diagnostics(uri, 1);
      // Served, so that the core can say what is wrong with the names.
      assert.ok(brief(published).includes('unknown-column@1:0-1:6'), brief(published).join(', '));
    });

    it('leaves other csv documents and other languages alone', async () => {
      const { client } = server;
      const plainCsv = documentUri('prices.csv');
      const text = documentUri('notes.txt');
      await client.open(plainCsv, 'NAME,PRICE\nTea,2\n', 'csv');
      await client.open(text, 'NUMBER,OPERATION\n14155550101,Delete\n', 'plaintext');
      // A served document opened after them is answered after them: by then they would have been too.
      const served = documentUri();
      await client.open(served, BATCH);
      await client.diagnostics(served, 1);
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri: plainCsv }, position: { line: 0, character: 1 } }), null);
      assert.deepEqual(client.published.filter((params) => params.uri === plainCsv || params.uri === text), []);
      assert.deepEqual(client.statuses.filter((params) => params.uri === plainCsv || params.uri === text), []);
    });

    it('picks up a csv document that gets the header, and drops it (clearing its diagnostics) when it loses it', async () => {
      const { client } = server;
      const uri = documentUri('later.csv');
      await client.open(uri, 'NUMBER,NAME\n14155550101,Delete\n', 'csv');
      let version = await client.change(uri, [{ range: { start: { line: 0, character: 7 }, end: { line: 0, character: 11 } }, text: 'OPERATION' }]);
      assert.deepEqual(brief(await client.diagnostics(uri, version)), ['number-missing-plus@1:0-1:11']);
      version = await client.change(uri, [{ range: { start: { line: 0, character: 7 }, end: { line: 0, character: 16 } }, text: 'NAME' }]);
      assert.deepEqual((await client.diagnostics(uri, version)).diagnostics, []);
      await client.waitFor('the status bar to be told to forget it', () => client.dropped.includes(uri) || undefined);
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } }), null);
      // Edits while it is not served are kept, and count when it is served again.
      version = await client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '+' }]);
      version = await client.change(uri, [{ range: { start: { line: 0, character: 7 }, end: { line: 0, character: 11 } }, text: 'OPERATION' }]);
      assert.deepEqual((await client.diagnostics(uri, version)).diagnostics, []);
      assert.equal(client.published.filter((params) => params.uri === uri).length, 3, 'nothing published while it was not served');
    });
  });
});

describe('language server: at most maxDiagnostics, errors first', () => {
  const server = useServer({ settings: { maxDiagnostics: 2 } });

  it('publishes the errors before the warnings that come before them in the file', async () => {
    const { client } = server;
    const uri = documentUri();
    await client.open(uri, 'NUMBER,OPERATION\n+14155550101,delete\n+14155550102,delete\n+14155550103,delete\n14155550104,Delete\n');
    assert.deepEqual(brief(await client.diagnostics(uri, 1)), ['number-missing-plus@4:0-4:11', 'operation-case@1:13-1:19']);
    const status = await client.waitFor('the status', () => client.statuses.find((params) => params.uri === uri));
    assert.deepEqual([status.errors, status.warnings], [1, 3], 'the status counts every problem, shown or not');
  });
});

describe('language server: rules documentation from the client', () => {
  let directory = '';
  let client: TestClient | undefined;
  before(() => {
    directory = mkdtempSync(join(tmpdir(), 'numbers-csv-rules-'));
    writeFileSync(join(directory, 'rules.md'), '# Rules\n\n```\n## duplicate-number\n```\n\n## duplicate-number\n\nOne row per number.\n');
  });
  after(async () => {
    await client?.stop();
    rmSync(directory, { recursive: true, force: true });
  });

  it('links each diagnostic to its section of the file the client names, and skips links when there is none', async () => {
    const rules = pathToFileURL(join(directory, 'rules.md')).href;
    client = (await TestClient.start({ initializationOptions: { rulesDocumentation: rules } })).client;
    const uri = documentUri();
    await client.open(uri, BATCH);
    const published = await client.diagnostics(uri, 1);
    assert.equal(only(published, 'duplicate-number').codeDescription?.href, `${rules}#L7`);
    assert.equal(only(published, 'operation-case').codeDescription, undefined, 'a code without a section has no link');
    await client.stop();

    client = (await TestClient.start({ initializationOptions: { rulesDocumentation: pathToFileURL(join(directory, 'missing.md')).href } })).client;
    await client.open(uri, BATCH);
    assert.ok((await client.diagnostics(uri, 1)).diagnostics.every((diagnostic) => diagnostic.codeDescription === undefined));
  });
});
