import { LogLevel, type Logger } from '@slack/bolt';

/** Fields of a log line. Never a token, never a file's content: callers pass ids and counts. */
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Log {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const ORDER: Record<LogLevel, number> = { [LogLevel.DEBUG]: 0, [LogLevel.INFO]: 1, [LogLevel.WARN]: 2, [LogLevel.ERROR]: 3 };

/** One JSON object per line, for whatever collects the bot's output. */
export function jsonLog(write: (line: string) => void = (line) => process.stdout.write(line), now: () => Date = () => new Date()): Log {
  const line = (level: string, message: string, fields: LogFields = {}) => write(`${JSON.stringify({ time: now().toISOString(), level, message, ...fields })}\n`);
  return {
    info: (message, fields) => line('info', message, fields),
    warn: (message, fields) => line('warn', message, fields),
    error: (message, fields) => line('error', message, fields),
  };
}

/** A log that keeps nothing: for tests that do not look at it. */
export const silentLog: Log = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Bolt's own messages, as lines of the same log. Its debug lines hold payloads: they are dropped. */
export function boltLogger(log: Log, initial: LogLevel = LogLevel.INFO): Logger {
  let level = initial;
  let name = 'bolt';
  const text = (parts: unknown[]) => parts.map((part) => (part instanceof Error ? part.message : typeof part === 'string' ? part : JSON.stringify(part))).join(' ');
  return {
    debug: () => undefined,
    info: (...parts) => ORDER[level] <= ORDER[LogLevel.INFO] && log.info(text(parts), { source: name }),
    warn: (...parts) => ORDER[level] <= ORDER[LogLevel.WARN] && log.warn(text(parts), { source: name }),
    error: (...parts) => log.error(text(parts), { source: name }),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next) => {
      name = next;
    },
  };
}
