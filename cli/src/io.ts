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
  /** Read for NO_COLOR only; absent means an empty environment. */
  env?: Readonly<Record<string, string | undefined>>;
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
  };
}

/** https://no-color.org: any non-empty NO_COLOR turns colour off; so does output that is not a terminal. */
export function wantsColour(io: Io): boolean {
  const noColor = io.env?.NO_COLOR;
  return io.stdout.isTTY === true && (noColor === undefined || noColor === '');
}
