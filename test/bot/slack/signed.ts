import { createHmac } from 'node:crypto';
import {
  blockAction,
  eventEnvelope,
  slashCommand,
  type BlockActionPayload,
  type EnvelopeOptions,
  type SlackEvent,
  type SlashCommandInput,
  type ViewSubmissionPayload,
} from './payloads.js';

export * from './payloads.js';

/**
 * Sends a Bolt HTTP receiver what Slack sends, signed as Slack signs: `X-Slack-Signature: v0=<hex HMAC-SHA256 of
 * "v0:{timestamp}:{raw body}" keyed with the signing secret>` and `X-Slack-Request-Timestamp` in seconds.
 */

export interface SignOptions {
  /** Sign with this secret instead (a forged request: the receiver must answer 401). */
  signWith?: string;
  /** `X-Slack-Request-Timestamp`, epoch seconds; default now. Bolt refuses one older than five minutes. */
  timestamp?: number;
  /** A redelivery: Slack adds `X-Slack-Retry-Num` and `X-Slack-Retry-Reason` (e.g. `http_timeout`). */
  retry?: { num: number; reason: string };
}

export interface SlackReply {
  status: number;
  /** The receiver's answer body: empty for a plain ack, JSON when `ack()` was given a body. */
  body: string;
}

export const nowSeconds = (): number => Math.floor(Date.now() / 1000);

export function slackSignature(secret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

/** POSTs `rawBody` as Slack would. Content types are exact: Bolt compares `application/x-www-form-urlencoded` literally. */
export async function sendSigned(url: string, secret: string, rawBody: string, contentType: 'application/json' | 'application/x-www-form-urlencoded', options: SignOptions = {}): Promise<SlackReply> {
  const timestamp = options.timestamp ?? nowSeconds();
  const headers: Record<string, string> = {
    'content-type': contentType,
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(options.signWith ?? secret, timestamp, rawBody),
  };
  if (options.retry !== undefined) {
    headers['x-slack-retry-num'] = String(options.retry.num);
    headers['x-slack-retry-reason'] = options.retry.reason;
  }
  const response = await fetch(url, { method: 'POST', headers, body: rawBody });
  return { status: response.status, body: await response.text() };
}

/** An Events API delivery: the event wrapped in an `event_callback` envelope. Returns the `event_id` to redeliver it. */
export async function sendEvent(url: string, secret: string, event: SlackEvent, options: SignOptions & EnvelopeOptions = {}): Promise<SlackReply & { eventId: string }> {
  const envelope = eventEnvelope(event, options);
  const reply = await sendSigned(url, secret, JSON.stringify(envelope), 'application/json', options);
  return { ...reply, eventId: envelope.event_id };
}

/** Interactivity arrives as a form with one field, `payload`, holding JSON. */
function sendPayload(url: string, secret: string, payload: object, options?: SignOptions): Promise<SlackReply> {
  return sendSigned(url, secret, new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', options);
}

export function sendAction(url: string, secret: string, payload: BlockActionPayload, options?: SignOptions): Promise<SlackReply> {
  return sendPayload(url, secret, payload, options);
}

/** A button click built with `blockAction` and sent in one go. */
export function sendClick(url: string, secret: string, input: Parameters<typeof blockAction>[0], options?: SignOptions): Promise<SlackReply> {
  return sendAction(url, secret, blockAction(input), options);
}

/** The reply body carries what `ack()` was given (`response_action: 'errors'`, …). */
export function sendViewSubmission(url: string, secret: string, payload: ViewSubmissionPayload, options?: SignOptions): Promise<SlackReply> {
  return sendPayload(url, secret, payload, options);
}

/** A slash command: a flat form. Pass `response_url: fake.responseUrl()` to capture delayed answers. */
export function sendCommand(url: string, secret: string, command: SlashCommandInput, options?: SignOptions): Promise<SlackReply> {
  return sendSigned(url, secret, new URLSearchParams(slashCommand(command)).toString(), 'application/x-www-form-urlencoded', options);
}
