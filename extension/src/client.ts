import type { InitializationOptions } from '@numbers-csv/language-server';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

/** Plain `.csv` files are sent too: the server serves those whose header has NUMBER and OPERATION. */
export const SERVED_LANGUAGES = ['numbers-csv', 'csv'] as const;

export function createClient(context: vscode.ExtensionContext, outputChannel: vscode.OutputChannel): LanguageClient {
  const serverModule = context.asAbsolutePath('dist/server.cjs');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    // Used when the extension host itself runs under a debugger; attach to port 6009.
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  // Diagnostics link to the rules page shipped inside the extension, which works offline.
  const initializationOptions: InitializationOptions = { rulesDocumentation: vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules.md').toString() };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SERVED_LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    // No `synchronize`: the server registers for configuration changes itself, and pulls the
    // settings of each document; both at once would validate every document twice per change.
    outputChannel,
    initializationOptions,
  };
  // The id is the settings prefix the client reads `trace.server` from: `numbersCsv.trace.server`.
  return new LanguageClient('numbersCsv', 'Numbers CSV', serverOptions, clientOptions);
}
