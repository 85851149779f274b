import type { COMMANDS } from '@numbers-csv/language-server';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { SERVED_LANGUAGES } from './client.js';

type ServerCommand = (typeof COMMANDS)[keyof typeof COMMANDS];

/** Client commands and the server commands they run on the active document. */
const SERVER_COMMANDS = {
  'numbersCsv.fixAll': 'numbersCsv.server.fixAll',
  'numbersCsv.split': 'numbersCsv.server.split',
} as const satisfies Record<string, ServerCommand>;

export function registerCommands(client: LanguageClient, output: vscode.OutputChannel): vscode.Disposable[] {
  return [
    ...Object.entries(SERVER_COMMANDS).map(([command, serverCommand]) =>
      vscode.commands.registerCommand(command, () => runOnActiveDocument(client, output, serverCommand)),
    ),
    vscode.commands.registerCommand('numbersCsv.restartServer', () => report(output, 'Restarting the server failed', client.restart())),
    vscode.commands.registerCommand('numbersCsv.showOutput', () => output.show(true)),
  ];
}

async function runOnActiveDocument(client: LanguageClient, output: vscode.OutputChannel, command: ServerCommand): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (document === undefined || !(SERVED_LANGUAGES as readonly string[]).includes(document.languageId)) {
    void vscode.window.showInformationMessage('Numbers CSV: open a numbers CSV file first.');
    return;
  }
  const params = { command, arguments: [{ uri: document.uri.toString() }] };
  const answer: unknown = await report(output, `${command} failed`, client.sendRequest(ExecuteCommandRequest.type, params));
  // The server answers with what it did, in a sentence; when there was nothing to do it has already
  // shown a message, so the answer only passes through the status bar, never as a second pop-up.
  if (typeof answer === 'string') vscode.window.setStatusBarMessage(`Numbers CSV: ${answer}`, 5000);
}

/** Failures go to the output channel and a message, so that a command never fails silently. */
async function report<T>(output: vscode.OutputChannel, what: string, work: Promise<T>): Promise<T | undefined> {
  try {
    return await work;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    output.appendLine(`${what}: ${message}`);
    const choice = await vscode.window.showErrorMessage(`Numbers CSV: ${what}: ${message}`, 'Show output');
    if (choice === 'Show output') output.show(true);
    return undefined;
  }
}
