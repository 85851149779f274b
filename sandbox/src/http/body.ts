import type { IncomingMessage } from 'node:http';

/** `size` of a body too large is what the client sent in all, counted as it was thrown away. */
export type BodyReading = { ok: true; bytes: Buffer } | { ok: false; size: number };

/**
 * The request body, or `tooLarge` once it passes `maxBytes`. Past the cap the rest is read and thrown
 * away, never kept: answering while the client still sends makes many clients see a reset connection
 * instead of the answer.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyReading> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) tooLarge = true;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (tooLarge) return;
      if (size > maxBytes) {
        tooLarge = true;
        chunks.length = 0;
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? { ok: false, size } : { ok: true, bytes: Buffer.concat(chunks, size) }));
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new Error('The client closed the connection before sending the whole body.'));
    });
  });
}

/** Reads and drops whatever body is left, so that an early answer reaches a client still sending. */
export function discardBody(req: IncomingMessage): Promise<void> {
  if (req.complete || req.readableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    req.on('end', resolve);
    req.on('close', resolve);
    req.on('error', () => resolve());
    req.resume();
  });
}
