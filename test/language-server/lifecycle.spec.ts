import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { createMessageConnection, ErrorCodes, IPCMessageReader, IPCMessageWriter, ResponseError, type Hover, type InitializeResult } from 'vscode-languageserver-protocol/node.js';
import { SERVER, TestClient } from './client.js';
import { documentUri, useServer } from './server.js';

describe('language server: lifecycle', () => {
  it('answers initialize with what it serves', async () => {
    const { client, initialized } = await TestClient.start();
    try {
      const capabilities: InitializeResult['capabilities'] = initialized.capabilities;
      assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2 });
      assert.deepEqual(capabilities.executeCommandProvider?.commands, ['numbersCsv.server.fixAll', 'numbersCsv.server.split']);
      assert.equal(capabilities.hoverProvider, true);
      assert.deepEqual(capabilities.completionProvider?.triggerCharacters, [',', '"']);
      assert.ok(capabilities.codeLensProvider);
      assert.deepEqual(typeof capabilities.codeActionProvider === 'object' ? capabilities.codeActionProvider.codeActionKinds : undefined, ['quickfix', 'source.fixAll', 'source.fixAll.numbers-csv']);
      assert.equal(initialized.serverInfo?.name, 'numbers-csv-language-server');
      // A client that can only be told about configuration changes by registering is asked to.
      await client.waitFor('the configuration registration', () => (client.registrations.includes('workspace/didChangeConfiguration') ? true : undefined));
    } finally {
      await client.stop();
    }
    assert.equal(client.hasExited, true);
  });

  it('validates with the defaults when the client never answers for the settings', async () => {
    const { client } = await TestClient.start({ answersConfiguration: false });
    try {
      const uri = documentUri();
      await client.open(uri, 'NUMBER,OPERATION\n14155550101,Delete\n');
      const published = await client.diagnostics(uri, 1, 10_000);
      assert.deepEqual(published.diagnostics.map((diagnostic) => diagnostic.code), ['number-missing-plus']);
      assert.ok(client.logs.some((log) => /workspace\/configuration failed/.test(log.message)), 'the wait is logged');
    } finally {
      await client.stop();
    }
  });

  it('also runs over node IPC, as the VS Code extension starts it', async () => {
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    try {
      const initialized = await connection.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
      assert.equal(initialized.serverInfo?.name, 'numbers-csv-language-server');
      await connection.sendRequest('shutdown');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await connection.sendNotification('exit');
      await exited;
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  describe('a handler that fails', () => {
    const server = useServer();

    it('is answered with an error, and the next request is served', async () => {
      const { client } = server;
      const uri = documentUri();
      await client.open(uri, 'NUMBER,OPERATION\n+14155550101,Delete\n');
      await client.diagnostics(uri);
      await assert.rejects(client.request('textDocument/hover', { textDocument: { uri }, position: null }), (error: unknown) => {
        assert.ok(error instanceof ResponseError);
        assert.equal(error.code, ErrorCodes.InternalError);
        return true;
      });
      assert.ok(client.logs.some((log) => log.type === 1 && log.message.includes('textDocument/hover failed') && log.message.includes('    at ')), 'the stack is logged');
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
      assert.match(JSON.stringify(hover?.contents), /NUMBER/);
    });

    it('logs a notification it cannot handle, and goes on serving', async () => {
      const { client } = server;
      const uri = documentUri();
      await client.open(uri, 'NUMBER,OPERATION\n+14155550101,Delete\n');
      await client.diagnostics(uri);
      const logged = client.logs.length;
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: null, text: 'x' }] });
      await client.waitFor('the error in the log', () => client.logs.slice(logged).find((log) => log.type === 1 && log.message.includes(uri)));
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 1 } });
      assert.match(JSON.stringify(hover?.contents), /Row 1/);
      assert.equal(client.hasExited, false);
    });

    it('answers for documents it does not know with nothing, not an error', async () => {
      const { client } = server;
      const unknown = documentUri('never-opened.numbers.csv');
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri: unknown }, position: { line: 0, character: 0 } }), null);
      assert.equal(await client.request('textDocument/completion', { textDocument: { uri: unknown }, position: { line: 0, character: 0 } }), null);
      assert.deepEqual(await client.request('textDocument/codeLens', { textDocument: { uri: unknown } }), []);
      assert.deepEqual(await client.request('textDocument/codeAction', { textDocument: { uri: unknown }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }), []);
    });

    it('refuses commands it does not run and arguments it cannot read', async () => {
      const { client } = server;
      await assert.rejects(client.request('workspace/executeCommand', { command: 'numbersCsv.server.nothing', arguments: [] }), (error: unknown) => error instanceof ResponseError && error.code === ErrorCodes.InvalidParams);
      await assert.rejects(client.request('workspace/executeCommand', { command: 'numbersCsv.server.fixAll', arguments: ['not an object'] }), (error: unknown) => error instanceof ResponseError && error.code === ErrorCodes.InvalidParams);
    });
  });

  describe('settings', () => {
    const server = useServer({ settings: { limits: { Delete: 'ten', Detach: 1 }, colour: 'blue', maxDiagnostics: -1, trace: { server: 'verbose' } } });

    it('shows each settings problem once, by its full name, and validates with the rest', async () => {
      const { client } = server;
      const first = documentUri();
      const second = documentUri();
      await client.open(first, 'NUMBER,OPERATION\n+14155550101,Detach\n+14155550102,Detach\n');
      await client.open(second, 'NUMBER,OPERATION\n+14155550103,Detach\n');
      const diagnostics = await client.diagnostics(first);
      await client.diagnostics(second);
      const shown = client.messages.map((message) => message.message);
      assert.equal(shown.filter((message) => message.startsWith('numbersCsv.limits.Delete: ')).length, 1, shown.join('\n'));
      assert.equal(shown.filter((message) => message.startsWith('numbersCsv: unknown key "colour"')).length, 1, shown.join('\n'));
      assert.equal(shown.filter((message) => message.startsWith('numbersCsv.maxDiagnostics: ')).length, 1, shown.join('\n'));
      assert.ok(!shown.some((message) => message.includes('trace')), 'trace is the client\'s setting');
      assert.ok(client.messages.every((message) => message.type === 2), 'shown as warnings');
      // The valid Detach limit still applies.
      assert.deepEqual(diagnostics.diagnostics.map((diagnostic) => diagnostic.code), ['limit-exceeded']);
    });

    it('validates again when the configuration changes', async () => {
      const { client } = server;
      const uri = documentUri();
      await client.open(uri, 'NUMBER,OPERATION\n+14155550101,Detach\n+14155550102,Detach\n');
      assert.deepEqual((await client.diagnostics(uri)).diagnostics.map((diagnostic) => diagnostic.code), ['limit-exceeded']);
      const before = client.published.length;
      client.settings = { limits: { Detach: 5 } };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const after = await client.waitFor('diagnostics with the new settings', () => client.published.slice(before).find((params) => params.uri === uri));
      assert.deepEqual(after.diagnostics, []);
      const status = await client.waitFor('the status with the new limits', () => client.statuses.find((params) => params.uri === uri && params.limits.Detach === 5));
      assert.equal(status.limits.Delete, 10);
    });
  });
});
