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
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * Windows-1252 differs from Latin-1 in 0x80-0x9F, where spreadsheets put €, curly quotes and dashes.
 * Node's TextDecoder reads those bytes as Latin-1 C1 controls since 20.18.3 and 22.13.0
 * (nodejs/node#60888), so they are mapped here. A correct decoder never yields those controls except
 * for the five unassigned bytes, which map to themselves, so the repair is harmless where none is needed.
 */
const WINDOWS_1252_C1 = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  return decodeAs('windows-1252', bytes).replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1.charAt(c.charCodeAt(0) - 0x80));
}

function decodeAs(label: string, bytes: Uint8Array): string {
  return new TextDecoder(label, { ignoreBOM: true }).decode(bytes);
}

const DESCRIPTIONS: Record<Exclude<Encoding, 'utf-8' | 'utf-8-bom'>, string> = {
  'utf-16le': 'UTF-16 ("Unicode text")',
  'utf-16be': 'UTF-16 big-endian',
  'windows-1252': 'Windows-1252',
};

/** What to tell the user about an encoding; undefined for UTF-8, which needs no word. */
export function describeEncoding(encoding: Encoding): string | undefined {
  if (encoding === 'utf-8' || encoding === 'utf-8-bom') return undefined;
  return `The file is saved as ${DESCRIPTIONS[encoding]}, not UTF-8; it was read as such. Save it as "CSV UTF-8" so that the platform reads every character as you see it.`;
}
