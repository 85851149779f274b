import assert from 'node:assert/strict';
import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { StatusParams } from '@numbers-csv/language-server';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  NotificationType,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  type InitializeParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node.js';
import { listZip, readZipEntry, type ZipEntry } from './zip.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const EXTENSION = `${ROOT}extension/`;
const VSIX = `${EXTENSION}numbers-csv.vsix`;
const SERVER = `${EXTENSION}dist/server.cjs`;
const MAX_VSIX_BYTES = 2 * 1024 * 1024;

/** Everything the .vsix may hold: VS Code's two package files, then what .vscodeignore lets in. */
const ALLOWED = [
  '[Content_Types].xml',
  'extension.vsixmanifest',
  'extension/package.json',
  'extension/readme.md',
  'extension/language-configuration.json',
  'extension/dist/extension.cjs',
  'extension/dist/server.cjs',
  'extension/docs/rules.md',
];

/** What the client sends and listens for (extension/src/commands.ts, extension/src/status.ts). */
const CLIENT_CALLS = ['numbersCsv.server.fixAll', 'numbersCsv.server.split'];
const StatusNotification = new NotificationType<StatusParams>('numbersCsv/status');

interface Manifest {
  main: string;
  contributes: { commands: { command: string }[]; languages: { id: string; configuration?: string }[] };
}

describe('extension/numbers-csv.vsix', function () {
  // Packaging type-checks, bundles and zips for real, which takes seconds.
  this.timeout(60_000);
  let zip: Buffer;
  let entries: ZipEntry[];
  const entry = (name: string): Buffer => {
    const found = entries.find((candidate) => candidate.name === name);
    assert.ok(found, `${name} is not in the .vsix`);
    return readZipEntry(zip, found);
  };

  before(() => {
    rmSync(VSIX, { force: true });
    const result = spawnSync('npm', ['run', 'package', '--workspace', 'extension'], { cwd: ROOT, encoding: 'utf8', shell: process.platform === 'win32' });
    assert.equal(result.status, 0, `npm run package --workspace extension failed:\n${result.stdout}\n${result.stderr}`);
    zip = readFileSync(VSIX);
    entries = listZip(zip);
  });

  it('holds the client, the bundled server and the rules page', () => {
    const names = entries.map((candidate) => candidate.name);
    for (const name of ['extension/dist/extension.cjs', 'extension/dist/server.cjs', 'extension/docs/rules.md']) assert.ok(names.includes(name), name);
  });

  it('holds nothing else: no node_modules, sources or source maps', () => {
    const names = entries.map((candidate) => candidate.name);
    assert.deepEqual(names.filter((name) => name.includes('node_modules/')), []);
    assert.deepEqual(names.filter((name) => !ALLOWED.includes(name)), []);
  });

  it('is under 2 MB', () => {
    const size = statSync(VSIX).size;
    assert.ok(size < MAX_VSIX_BYTES, `${size} bytes`);
  });

  it('has bundles that need nothing at run time but Node and, for the client, VS Code', () => {
    const required = (name: string) => [...entry(name).toString('utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1] ?? '');
    assert.deepEqual(required('extension/dist/extension.cjs').filter((name) => name !== 'vscode' && !isBuiltin(name)), []);
    assert.deepEqual(required('extension/dist/server.cjs').filter((name) => !isBuiltin(name)), []);
  });

  it('ships the rules page as docs/rules.md has it', () => {
    assert.ok(entry('extension/docs/rules.md').equals(readFileSync(`${ROOT}docs/rules.md`)));
  });

  it('has a manifest whose files and commands are all there', () => {
    const manifest = JSON.parse(entry('extension/package.json').toString('utf8')) as Manifest;
    entry(`extension/${manifest.main.replace(/^\.\//, '')}`);
    for (const language of manifest.contributes.languages) if (language.configuration) entry(`extension/${language.configuration.replace(/^\.\//, '')}`);
    const commands = manifest.contributes.commands.map((command) => command.command);
    assert.deepEqual(commands, ['numbersCsv.fixAll', 'numbersCsv.split', 'numbersCsv.restartServer', 'numbersCsv.showOutput']);
  });

  describe('dist/server.cjs', () => {
    const rulesDocumentation = pathToFileURL(`${EXTENSION}docs/rules.md`).href;
    const initialize: InitializeParams = {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { codeDescriptionSupport: true } } },
      initializationOptions: { rulesDocumentation },
    };
    let running: Running[] = [];
    const start = (transport: 'stdio' | 'ipc'): Running => {
      const started = transport === 'stdio' ? overStdio() : overIpc();
      running.push(started);
      return started;
    };

    afterEach(() => {
      for (const { server, connection } of running) {
        connection.dispose();
        if (server.exitCode === null) server.kill();
      }
      running = [];
    });

    it('starts over Node IPC, as the extension starts it', async () => {
      const { connection } = start('ipc');
      const result = await connection.sendRequest(InitializeRequest.type, initialize);
      assert.equal(result.serverInfo?.name, 'numbers-csv-language-server');
      const commands = result.capabilities.executeCommandProvider?.commands ?? [];
      for (const command of CLIENT_CALLS) assert.ok(commands.includes(command), `${command} is not offered, and the extension's commands call it`);
    });

    it('over stdio: diagnostics that link to the shipped rules page, a status, and a clean exit', async () => {
      const { server, connection } = start('stdio');
      const result = await connection.sendRequest(InitializeRequest.type, initialize);
      assert.ok(result.capabilities.textDocumentSync, 'no textDocumentSync');

      const uri = pathToFileURL(`${ROOT}batch.numbers.csv`).href;
      const published = new Promise<PublishDiagnosticsParams>((resolve) => {
        connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
          if (params.uri === uri && params.diagnostics.length > 0) resolve(params);
        });
      });
      const status = new Promise<StatusParams>((resolve) => {
        connection.onNotification(StatusNotification, (params) => {
          if (params.uri === uri) resolve(params);
        });
      });
      await connection.sendNotification(InitializedNotification.type, {});
      const text = 'NUMBER,OPERATION\n+14155550101,detach\n+14155550102,Detach\n';
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'numbers-csv', version: 1, text } });

      const diagnostics = (await published).diagnostics;
      assert.deepEqual(diagnostics.map((diagnostic) => diagnostic.code), ['operation-case']);
      assert.ok(diagnostics[0]?.codeDescription?.href.startsWith(`${rulesDocumentation}#`), 'the link goes to the rules page inside the extension');
      const shown = await status;
      assert.deepEqual([shown.rows, shown.errors, shown.warnings, shown.counts.Detach, shown.limits.Detach], [2, 0, 1, 2, 100]);

      const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
      assert.equal(await exited, 0);
    });
  });
});

interface Running {
  server: ChildProcess;
  connection: ProtocolConnection;
}

/** `numbers-csv-language-server --stdio`, as any LSP client starts it; its log goes to the test's stderr. */
function overStdio(): Running {
  const server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  if (!server.stdout || !server.stdin) throw new Error('the server has no stdio');
  return answering({ server, connection: createProtocolConnection(server.stdout, server.stdin) });
}

/** What `TransportKind.ipc` does: fork the module with `--node-ipc` and talk over the IPC channel. */
function overIpc(): Running {
  const server = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return answering({ server, connection: createProtocolConnection(new IPCMessageReader(server), new IPCMessageWriter(server)) });
}

/** Answers what the server asks as VS Code would, with nothing set, and starts listening. */
function answering(running: Running): Running {
  running.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => ({})));
  running.connection.onRequest(RegistrationRequest.type, () => undefined);
  running.connection.listen();
  return running;
}
