export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Decoded {
  /** The text, with its byte order mark (as U+FEFF) where the bytes had one. */
  text: string;
  encoding: Encoding;
}

/**
 * Turns file bytes into text the way spreadsheets wrote them: UTF-8 with or without a byte order
 * mark, UTF-16 with one ("Unicode text"), and Windows-1252 when the bytes are not valid UTF-8.
 */
export function decode(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: decodeAs('utf-8', bytes), encoding: 'utf-8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeAs('utf-16le', bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeAs('utf-16be', bytes), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeAs('windows-1252', bytes), encoding: 'windows-1252' };
  }
}

function decodeAs(label: string, bytes: Uint8Array): string {
  return new TextDecoder(label, { ignoreBOM: true }).decode(bytes);
}

const DESCRIPTIONS: Record<Exclude<Encoding, 'utf-8' | 'utf-8-bom'>, string> = {
  'utf-16le': 'UTF-16 ("Unicode text")',
  'utf-16be': 'UTF-16 big-endian',
  'windows-1252': 'Windows-1252 (the bytes are not valid UTF-8)',
};

/** What to tell the user about an encoding; undefined for UTF-8, which needs no word. */
export function describeEncoding(encoding: Encoding): string | undefined {
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') return undefined;
  return `The file is saved as ${DESCRIPTIONS[encoding]}, not UTF-8; it was read as such. Save it as "CSV UTF-8" so that the platform reads every character as you see it.`;
}
