/**
 * The source's chunks, with no text chunk ending inside a surrogate pair. csv-parse reads bytes, and
 * half a pair becomes a replacement character on the way; so the high half waits for its low half.
 * Byte chunks pass as they come: csv-parse joins a character split across them itself.
 */
export async function* wholeCharacters(source: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>): AsyncGenerator<string | Uint8Array> {
  let carried = '';
  for await (const chunk of source) {
    if (typeof chunk !== 'string') {
      if (carried !== '') yield carried;
      carried = '';
      if (chunk.length > 0) yield chunk;
      continue;
    }
    let text = carried + chunk;
    carried = '';
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      carried = text.slice(-1);
      text = text.slice(0, -1);
    }
    if (text !== '') yield text;
  }
  if (carried !== '') yield carried;
}
