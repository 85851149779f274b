import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { createClient } from './client.js';
import { registerCommands } from './commands.js';
import { DroppedNotification, StatusNotification } from './status.js';
import { StatusBar } from './status-bar.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Numbers CSV');
  const statusBar = new StatusBar();
  client = createClient(context, output);
  context.subscriptions.push(
    output,
    statusBar,
    client.onNotification(StatusNotification, (status) => statusBar.update(status)),
    client.onNotification(DroppedNotification, ({ uri }) => statusBar.forget(uri)),
    client.onDidChangeState((change) => {
      if (change.newState === State.Stopped) statusBar.clear();
    }),
    ...registerCommands(client, output),
  );
  try {
    await client.start();
  } catch (error) {
    // The client has shown the failure; commands stay registered so that "Restart" can retry.
    output.appendLine(`The server did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
