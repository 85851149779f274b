/** Somewhere to write text: `process.stdout`, or a buffer in tests. */
export interface Output {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** Everything the CLI touches outside the file system, so that tests can run it in-process. */
export interface Io {
  stdout: Output;
  stderr: Output;
  /** All of standard input, read when a command is given `-`. */
  readStdin(): Promise<Uint8Array>;
  /** Relative paths in arguments and the default config file are resolved against this. */
  cwd: string;
  /** NO_COLOR and the numbers API's connection; absent means an empty environment. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Writes a stream to standard output as fast as the reader takes it (an export can be 130 MB). */
  pipeStdout(chunks: AsyncIterable<Uint8Array>): Promise<void>;
  /** Resolves when the user asks a long-running command (the sandbox) to stop: Ctrl+C, or a TERM signal. */
  untilStopped(): Promise<void>;
  /** Asks a question on the terminal and returns the answer; undefined when there is no terminal to ask on. */
  ask(question: string): Promise<string | undefined>;
}

export function nodeIo(): Io {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
      return Buffer.concat(chunks);
    },
    cwd: process.cwd(),
    env: process.env,
    pipeStdout: async (chunks) => {
      const { Readable } = await import('node:stream');
      const { pipeline } = await import('node:stream/promises');
      await pipeline(Readable.from(chunks), process.stdout, { end: false });
    },
    untilStopped: () =>
      new Promise((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      }),
    ask: async (question) => {
      if (!process.stdin.isTTY || !process.stderr.isTTY) return undefined;
      const { createInterface } = await import('node:readline/promises');
      const terminal = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return await terminal.question(question);
      } finally {
        terminal.close();
      }
    },
  };
}

/** https://no-color.org: any non-empty NO_COLOR turns colour off; so does output that is not a terminal. */
export function wantsColour(io: Io): boolean {
  const noColor = io.env?.NO_COLOR;
  return io.stdout.isTTY === true && (noColor === undefined || noColor === '');
}
