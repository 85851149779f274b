import type { Dispatcher } from 'undici';
import { AbortedError, ConnectionLostError } from './errors.js';
import { classifyTransportError } from './transport.js';

/**
 * The export's body as it arrives. It is never held whole (a million numbers is 130 MB): read it
 * once, chunk by chunk. A connection that breaks while reading throws a `ConnectionLostError`; the
 * part read must then be dropped and the export run again.
 */
export interface ExportStream extends AsyncIterable<Uint8Array> {
  readonly status: number;
  readonly contentType: string | undefined;
  /** Stops the download and frees its connection; an iteration in progress ends without error. */
  cancel(): Promise<void>;
}

export class ExportBody implements ExportStream {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly #body: Dispatcher.ResponseData['body'];
  readonly #signal: AbortSignal | undefined;
  #started = false;
  #cancelled = false;

  constructor(response: Dispatcher.ResponseData, contentType: string | undefined, signal: AbortSignal | undefined) {
    this.status = response.statusCode;
    this.contentType = contentType;
    this.#body = response.body;
    this.#signal = signal;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array, void, undefined> {
    if (this.#started) throw new Error('The export stream can be read once: run the export again to read it again.');
    this.#started = true;
    let bytes = 0;
    try {
      for await (const chunk of this.#body as AsyncIterable<Buffer>) {
        bytes += chunk.byteLength;
        yield chunk;
      }
    } catch (error) {
      if (this.#cancelled) return;
      if (this.#signal?.aborted) throw new AbortedError('The export was cancelled while it was read; nothing changed. Do not use the part read.', { cause: error });
      const { code } = classifyTransportError(error, false);
      throw new ConnectionLostError(
        `The export broke off after ${bytes} bytes${code !== undefined ? ` (${code})` : ''}. Nothing changed; do not use the part read: run the export again.`,
        { status: this.status, cause: error },
        code,
        'while-reading',
      );
    } finally {
      // A reader that stops early (break, a throw) must not leave the connection streaming.
      if (!this.#body.destroyed) this.#body.destroy();
    }
  }

  cancel(): Promise<void> {
    this.#cancelled = true;
    if (!this.#body.destroyed) this.#body.destroy();
    return Promise.resolve();
  }
}
