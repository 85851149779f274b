import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, type Io } from '@numbers-csv/cli';

/** The built binary, as `npm install` would link it (compiled tests live in test/dist/cli). */
export const MAIN = fileURLToPath(new URL('../../../cli/dist/main.js', import.meta.url));

export interface Outcome {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd: string;
  input?: string | Uint8Array;
  env?: Record<string, string>;
}

/** Runs `node cli/dist/main.js …` for real: a new process, real stdin, real exit code. */
export function numbersCsv(args: readonly string[], options: CliOptions): Outcome {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  delete env.NUMBERS_CSV_DEBUG;
  const result = spawnSync(process.execPath, [MAIN, ...args], { cwd: options.cwd, input: options.input ?? '', env, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * As `numbersCsv`, without blocking this process: for commands that talk to a server this process
 * runs (the sandbox), which a blocked event loop would never let answer.
 */
export function numbersCsvAsync(args: readonly string[], options: CliOptions): Promise<Outcome> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  delete env.NUMBERS_CSV_DEBUG;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], { cwd: options.cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

export interface InProcessOptions {
  cwd: string;
  stdin?: string;
  isTTY?: boolean;
  env?: Record<string, string>;
  /** What the user types at each question, in order; none means there is no terminal to ask on. */
  answers?: string[];
  /** When a long-running command is asked to stop; at once by default. */
  stopped?: Promise<void>;
}

/** Calls `run` with buffers for stdout and stderr, as an embedding program would. */
export async function runInProcess(args: readonly string[], options: InProcessOptions): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (text: string) => (stdout += text), isTTY: options.isTTY ?? false },
    stderr: { write: (text: string) => (stderr += text) },
    readStdin: async () => new TextEncoder().encode(options.stdin ?? ''),
    cwd: options.cwd,
    env: options.env ?? {},
    pipeStdout: async (chunks) => {
      const decoder = new TextDecoder();
      for await (const chunk of chunks) stdout += decoder.decode(chunk, { stream: true });
      stdout += decoder.decode();
    },
    untilStopped: () => options.stopped ?? Promise.resolve(),
    ask: async (question) => {
      stderr += question;
      const answer = options.answers?.shift();
      if (answer !== undefined) stderr += `${answer}\n`;
      return answer;
    },
  };
  const status = await run(args, io);
  return { status, stdout, stderr };
}

/** A fresh directory per test, removed afterwards. */
export function useTempDir(): { readonly path: string; write(name: string, content: string | Uint8Array): string } {
  let path = '';
  beforeEach(() => {
    path = mkdtempSync(join(tmpdir(), 'numbers-csv-cli-'));
  });
  afterEach(() => {
    rmSync(path, { recursive: true, force: true });
  });
  return {
    get path() {
      return path;
    },
    write(name: string, content: string | Uint8Array): string {
      const file = join(path, name);
      writeFileSync(file, content);
      return file;
    },
  };
}

/** Rows of one operation, each with its own number, for files over the limits. */
export function rowsOf(operation: string, count: number, first: number): string {
  return Array.from({ length: count }, (_, i) => `+1415555${String(first + i).padStart(4, '0')},${operation}\n`).join('');
}

export function noStackTrace(text: string): void {
  if (/\n\s+at /.test(text) || /Error:/.test(text)) throw new Error(`a stack trace reached the user:\n${text}`);
}
