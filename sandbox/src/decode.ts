export type Decoding = { ok: true; text: string } | { ok: false; message: string };

/** An upload's text: UTF-8, with or without a byte order mark. */
export function decodeUpload(bytes: Uint8Array): Decoding {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, message: 'The file is UTF-16 text; save it as CSV UTF-8.' };
  }
  try {
    // The decoder drops a UTF-8 byte order mark by itself.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, message: 'The file is not UTF-8 text; save it as CSV UTF-8.' };
  }
}
