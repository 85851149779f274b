import { LogLevel, type Logger } from '@slack/web-api';
import { startFakeSlack, type FakeSlack, type FakeSlackOptions } from './fake-slack.js';

/** A fake Slack for each test of the suite: started before it, closed after it. */
export function useFakeSlack(options: () => FakeSlackOptions = () => ({})): { readonly fake: FakeSlack } {
  let current: FakeSlack | undefined;
  beforeEach(async () => {
    current = await startFakeSlack(options());
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return {
    get fake(): FakeSlack {
      if (current === undefined) throw new Error('the fake Slack runs inside a test only');
      return current;
    },
  };
}

/** A logger in the shape @slack/logger wants (Bolt and the WebClient take one) that keeps lines instead of printing them. */
export interface RecordingLogger extends Logger {
  readonly lines: { level: 'debug' | 'info' | 'warn' | 'error'; text: string }[];
}

export function recordingLogger(): RecordingLogger {
  const lines: RecordingLogger['lines'] = [];
  let level = LogLevel.DEBUG;
  const keep = (lineLevel: RecordingLogger['lines'][number]['level']) => (...msg: unknown[]) => {
    lines.push({ level: lineLevel, text: msg.map(String).join(' ') });
  };
  return {
    lines,
    debug: () => {}, // Bolt logs every request body at debug: noise, and it may hold tokens
    info: keep('info'),
    warn: keep('warn'),
    error: keep('error'),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
