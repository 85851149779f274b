import * as vscode from 'vscode';
import type { StatusParams } from './status.js';
import { statusText } from './status-text.js';

/**
 * One status bar item for the active editor's document. Documents the server does not serve (a CSV
 * without NUMBER and OPERATION) never get a status, so the item hides for them.
 */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('numbersCsv.status', vscode.StatusBarAlignment.Right, 100);
  private readonly statuses = new Map<string, StatusParams>();
  private readonly numbers = new Intl.NumberFormat(vscode.env.language);
  private readonly listeners: vscode.Disposable[];

  constructor() {
    this.item.name = 'Numbers CSV';
    this.item.command = 'workbench.actions.view.problems';
    this.listeners = [
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri.toString())),
    ];
  }

  update(status: StatusParams): void {
    this.statuses.set(status.uri, status);
    this.render();
  }

  forget(uri: string): void {
    this.statuses.delete(uri);
    this.render();
  }

  /** The server stopped: what it said no longer holds, and it says it again once restarted. */
  clear(): void {
    this.statuses.clear();
    this.render();
  }

  dispose(): void {
    for (const listener of this.listeners) listener.dispose();
    this.item.dispose();
  }

  private render(): void {
    // The client sends `uri.toString()` to the server, so the server's uri compares equal to it.
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const status = uri === undefined ? undefined : this.statuses.get(uri);
    if (status === undefined) {
      this.item.hide();
      return;
    }
    this.item.text = statusText(status, (value) => this.numbers.format(value));
    this.item.tooltip = `${status.summary}\n\nClick to show the Problems panel.`;
    this.item.show();
  }
}
