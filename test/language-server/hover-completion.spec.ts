import assert from 'node:assert/strict';
import type { CompletionItem, CompletionList, Hover, MarkupContent, Position, TextEdit } from 'vscode-languageserver-protocol';
import type { TestClient } from './client.js';
import { documentUri, useServer } from './server.js';
import { applyTextEdits, find } from './text.js';

const TEXT = ['NUMBER,OPERATION,LOCALE', '+14155550101,Delete,', '+14155550102,"Det",', '+14155550103,D,', ''].join('\n');

async function hover(client: TestClient, uri: string, position: Position): Promise<Hover> {
  const found = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
  assert.ok(found, 'a hover');
  return found;
}

async function complete(client: TestClient, uri: string, position: Position): Promise<CompletionItem[]> {
  const list = await client.request<CompletionList | null>('textDocument/completion', { textDocument: { uri }, position });
  assert.ok(list, 'completions');
  return list.items;
}

function markdown(found: Hover): string {
  const contents = found.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

/** The document as it reads once `item` is chosen. */
function choose(text: string, item: CompletionItem | undefined): string {
  assert.ok(item?.textEdit && 'range' in item.textEdit, 'the item replaces a range');
  return applyTextEdits(text, [item.textEdit as TextEdit]);
}

describe('language server: hover and completion', () => {
  const server = useServer();
  let uri = '';
  before(async () => {
    uri = documentUri();
    await server.client.open(uri, TEXT);
    await server.client.diagnostics(uri, 1);
  });

  it('describes a header cell, over the whole cell', async () => {
    const found = await hover(server.client, uri, { line: 0, character: 3 });
    assert.match(markdown(found), /^### NUMBER/);
    assert.deepEqual(found.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 6 } });
  });

  it('says what a value does in its row', async () => {
    const found = await hover(server.client, uri, find(TEXT, 'Delete', 2));
    assert.match(markdown(found), /Row 1 · Delete/);
    assert.deepEqual(found.range, { start: { line: 1, character: 13 }, end: { line: 1, character: 19 } });
  });

  it('completes column names in the header, replacing the name under the cursor', async () => {
    const items = await complete(server.client, uri, { line: 0, character: 9 });
    const miniapp = items.find((item) => item.label === 'MINIAPP_ID');
    assert.equal(miniapp?.kind, 5 /* Field */);
    assert.equal(choose(TEXT, miniapp).split('\n')[0], 'NUMBER,MINIAPP_ID,LOCALE');
  });

  it('completes OPERATION values', async () => {
    const position = find(TEXT, ',D,', 2);
    const items = await complete(server.client, uri, position);
    assert.deepEqual(items.map((item) => item.label), ['Create', 'Update', 'Attach', 'Detach', 'Delete']);
    assert.ok(items.every((item) => item.kind === 20 /* EnumMember */));
    assert.equal(choose(TEXT, items.find((item) => item.label === 'Detach')).split('\n')[3], '+14155550103,Detach,');
  });

  it('completes inside a quoted cell, keeping the quotes', async () => {
    const items = await complete(server.client, uri, find(TEXT, '"Det"', 4));
    assert.equal(choose(TEXT, items.find((item) => item.label === 'Detach')).split('\n')[2], '+14155550102,"Detach",');
  });

  it('completes after a comma just typed', async () => {
    const { client } = server;
    const typed = documentUri();
    await client.open(typed, 'NUMBER,OPERATION,LOCALE\n+14155550101,Attach\n');
    await client.diagnostics(typed, 1);
    const end = { line: 1, character: 19 };
    await client.change(typed, [{ range: { start: end, end }, text: ',' }]);
    const items = await client.request<CompletionList>('textDocument/completion', { textDocument: { uri: typed }, position: { line: 1, character: 20 }, context: { triggerKind: 2, triggerCharacter: ',' } });
    assert.ok(items.items.some((item) => item.label === 'en-US'), items.items.map((item) => item.label).join(', '));
  });
});
