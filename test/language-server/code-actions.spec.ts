import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixAll } from '@numbers-csv/shared';
import type { CodeAction, Diagnostic, WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { TestClient } from './client.js';
import { brief, only } from './expect.js';
import { documentUri, useServer } from './server.js';

const BATCH = ['NUMBER,OPERATION', '+14155550101,delete', '14155550102,Delete', '+14155550101,Delete', ''].join('\n');
const DETACH_5 = ['NUMBER,OPERATION', ...[1, 2, 3, 4, 5].map((n) => `+1415555010${n},Detach`), ''].join('\n');

function codeActions(client: TestClient, uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
}

function edited(edit: WorkspaceEdit | undefined): WorkspaceEdit {
  assert.ok(edit, 'the action has an edit');
  return edit;
}

describe('language server: code actions', () => {
  const server = useServer();

  it('offers the fixes of a diagnostic, the safe one preferred, and applying one removes the diagnostic', async () => {
    const { client } = server;
    const uri = documentUri();
    await client.open(uri, BATCH);
    const missingPlus = only(await client.diagnostics(uri, 1), 'number-missing-plus');
    const actions = await codeActions(client, uri, [missingPlus]);
    const fix = actions.find((action) => action.kind === 'quickfix');
    assert.equal(fix?.title, 'Change to +14155550102');
    assert.equal(fix?.isPreferred, true);
    assert.deepEqual(fix?.diagnostics, [missingPlus]);

    assert.equal(client.applyWorkspaceEdit(edited(fix?.edit)), undefined);
    assert.equal(client.text(uri).split('\n')[2], '+14155550102,Delete');
    assert.deepEqual(brief(await client.diagnostics(uri)), ['duplicate-number@3:0-3:12', 'operation-case@1:13-1:19']);
  });

  it('offers nothing for a diagnostic that is not ours, or no longer current', async () => {
    const { client } = server;
    const uri = documentUri();
    await client.open(uri, BATCH);
    const missingPlus = only(await client.diagnostics(uri, 1), 'number-missing-plus');
    const foreign: Diagnostic = { ...missingPlus, source: 'spell-checker' };
    assert.deepEqual((await codeActions(client, uri, [foreign], ['quickfix'])), []);
    await client.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '+' }]);
    await client.diagnostics(uri);
    assert.deepEqual(await codeActions(client, uri, [missingPlus], ['quickfix']), []);
  });

  it('fixes everything safe in one edit for source.fixAll', async () => {
    const { client } = server;
    const uri = documentUri();
    await client.open(uri, BATCH);
    await client.diagnostics(uri, 1);
    for (const kind of ['source.fixAll', 'source.fixAll.numbers-csv', 'source']) {
      const actions = await codeActions(client, uri, [], [kind]);
      assert.deepEqual(actions.map((action) => action.kind), ['source.fixAll.numbers-csv'], kind);
    }
    const [action] = await codeActions(client, uri, [], ['source.fixAll']);
    const edit = edited(action?.edit);
    assert.equal(edit.documentChanges?.length, 1, 'one edit, tied to the version it was made for');
    assert.equal(client.applyWorkspaceEdit(edit), undefined);
    assert.equal(client.text(uri), fixAll(BATCH).text);
    assert.deepEqual(brief(await client.diagnostics(uri)), ['duplicate-number@3:0-3:12']);
    // Nothing safe is left to fix.
    assert.deepEqual(await codeActions(client, uri, [], ['source.fixAll']), []);
  });

  it('offers "fix all" among all actions as a command, not as an edit computed on every request', async () => {
    const { client } = server;
    const uri = documentUri();
    await client.open(uri, BATCH);
    await client.diagnostics(uri, 1);
    const actions = await codeActions(client, uri, []);
    assert.deepEqual(
      actions.map((action) => [action.kind, action.edit, action.command?.command, action.command?.arguments]),
      [['source.fixAll.numbers-csv', undefined, 'numbersCsv.server.fixAll', [{ uri }]]],
    );
    assert.deepEqual(await codeActions(client, uri, [], ['quickfix']), [], 'not a quick fix');
  });

  it('runs "fix all" as a command through workspace/applyEdit', async () => {
    const { client } = server;
    const uri = documentUri();
    await client.open(uri, BATCH);
    await client.diagnostics(uri, 1);
    const message = await client.request<string>('workspace/executeCommand', { command: 'numbersCsv.server.fixAll', arguments: [{ uri }] });
    assert.equal(message, 'Applied 2 fixes.');
    assert.equal(client.appliedEdits.at(-1)?.label, 'Fix all safe problems');
    assert.equal(client.text(uri), fixAll(BATCH).text);
    assert.deepEqual(brief(await client.diagnostics(uri)), ['duplicate-number@3:0-3:12']);

    const before = client.messages.length;
    assert.equal(await client.request<string>('workspace/executeCommand', { command: 'numbersCsv.server.fixAll', arguments: [{ uri }] }), 'No safe fixes to apply.');
    await client.waitFor('the message', () => client.messages.slice(before).find((params) => params.message === 'No safe fixes to apply.'));
  });
});

describe('language server: splitting a file over its limits', () => {
  const server = useServer({ settings: { limits: { Detach: 2, Delete: 1 } } });
  let folder = '';
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'numbers-csv-split-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const partUri = (n: number) => pathToFileURL(join(folder, `batch.part-${n}.numbers.csv`)).href;

  it('offers to write the rows into part files beside the document, each within the limits', async () => {
    const { client } = server;
    // Parts of an earlier, longer split would be applied with the new ones: the edit deletes them.
    writeFileSync(join(folder, 'batch.part-4.numbers.csv'), 'NUMBER,OPERATION\n');
    writeFileSync(join(folder, 'batch.part-2.numbers.csv'), 'NUMBER,OPERATION\n');
    const uri = pathToFileURL(join(folder, 'batch.numbers.csv')).href;
    await client.open(uri, DETACH_5);
    const limit = only(await client.diagnostics(uri, 1), 'limit-exceeded');
    const actions = await codeActions(client, uri, [limit]);
    const split = actions.find((action) => action.title === 'Split into files within the limits');
    assert.ok(split, JSON.stringify(actions));
    assert.equal(split.kind, 'quickfix');
    const edit = edited(split.edit);
    assert.deepEqual(
      edit.documentChanges?.map((change) => ('kind' in change ? `${change.kind} ${change.kind === 'rename' ? change.oldUri : change.uri}` : `edit ${change.textDocument.uri}`)),
      [`create ${partUri(1)}`, `edit ${partUri(1)}`, `create ${partUri(2)}`, `edit ${partUri(2)}`, `create ${partUri(3)}`, `edit ${partUri(3)}`, `delete ${partUri(4)}`],
    );
    assert.equal(client.applyWorkspaceEdit(edit), undefined);
    assert.equal(client.files.get(partUri(1)), 'NUMBER,OPERATION\n+14155550101,Detach\n+14155550102,Detach\n');
    assert.equal(client.files.get(partUri(2)), 'NUMBER,OPERATION\n+14155550103,Detach\n+14155550104,Detach\n');
    assert.equal(client.files.get(partUri(3)), 'NUMBER,OPERATION\n+14155550105,Detach\n');
    assert.equal(client.text(uri), DETACH_5, 'the document itself is left alone');
  });

  it('offers no split when the file has other errors, or too many Deletes', async () => {
    const { client } = server;
    const withError = pathToFileURL(join(folder, 'errors.numbers.csv')).href;
    await client.open(withError, DETACH_5.replace('+14155550103', '14155550103'));
    const limit = only(await client.diagnostics(withError, 1), 'limit-exceeded');
    assert.deepEqual((await codeActions(client, withError, [limit])).filter((action) => action.title.startsWith('Split')), []);

    const deletes = pathToFileURL(join(folder, 'deletes.numbers.csv')).href;
    await client.open(deletes, 'NUMBER,OPERATION\n+14155550101,Delete\n+14155550102,Delete\n');
    const deleteLimit = only(await client.diagnostics(deletes, 1), 'limit-exceeded');
    assert.deepEqual((await codeActions(client, deletes, [deleteLimit])).filter((action) => action.title.startsWith('Split')), []);
    const before = client.messages.length;
    const message = await client.request<string>('workspace/executeCommand', { command: 'numbersCsv.server.split', arguments: [{ uri: deletes }] });
    assert.match(message, /^Not split\. .*Delete/);
    await client.waitFor('the warning', () => client.messages.slice(before).find((params) => params.type === 2 && params.message === message));
  });

  it('splits as a command, and shows the counts against the limits on the header', async () => {
    const { client } = server;
    const uri = pathToFileURL(join(folder, 'batch.csv')).href;
    await client.open(uri, DETACH_5, 'csv');
    await client.diagnostics(uri, 1);
    const lenses = await client.request<{ range: unknown; command?: { title: string; command: string; arguments?: unknown[] } }[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, command: { title: 'Detach 5/2 · Split into files within the limits', command: 'numbersCsv.server.split', arguments: [{ uri }] } },
    ]);
    const message = await client.request<string>('workspace/executeCommand', { command: 'numbersCsv.server.split', arguments: [{ uri }] });
    assert.equal(message, 'Split into 3 files: batch.part-1.numbers.csv, batch.part-2.numbers.csv, batch.part-3.numbers.csv.');
    assert.equal(client.files.get(partUri(3)), 'NUMBER,OPERATION\n+14155550105,Detach\n');

    const within = documentUri();
    await client.open(within, 'NUMBER,OPERATION\n+14155550101,Detach\n');
    await client.diagnostics(within, 1);
    assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: { uri: within } }), [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, command: { title: 'Detach 1/2', command: '' } },
    ]);
  });
});
