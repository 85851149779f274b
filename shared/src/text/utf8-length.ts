import type { TextSource } from './text-source.js';

/** UTF-8 length of the text, exact up to `cap`; far below it, the character count is proof enough. */
export function utf8Length(text: TextSource, cap: number): number {
  if (text.length > cap || text.length * 3 <= cap) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= cap; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
