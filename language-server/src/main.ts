import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { describeError } from './safe.js';
import { startServer } from './server.js';

// The transport (--stdio, --node-ipc, --socket=<port>, --pipe=<name>) comes from the command line.
const connection = createConnection(ProposedFeatures.all);

// An error that escaped every handler is written down, and the server goes on serving the editor.
process.on('uncaughtException', (error) => logEscaped('Uncaught exception', error));
process.on('unhandledRejection', (reason) => logEscaped('Unhandled rejection', reason));

function logEscaped(what: string, error: unknown): void {
  try {
    connection.console.error(`${what}: ${describeError(error)}`);
  } catch {
    process.stderr.write(`${what}: ${describeError(error)}\n`);
  }
}

startServer(connection);
