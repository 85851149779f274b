import type { Delimiter } from '../table.js';
import type { TextSource } from '../text/text-source.js';

const CANDIDATES: readonly Delimiter[] = [',', ';', '\t'];

/**
 * The separator of the header line: the candidate that occurs most often outside quotes. Commas
 * win ties, so a one-column file stays a comma file.
 *
 * The header line is the first line with more than spaces and tabs: such a line is blank whatever the
 * separator, so it says nothing about it (a comma file starting with a tab would otherwise pass for a
 * tab file). Column names hold no line breaks, so a quote still open at the end of the header line is
 * a stray one, and the line is counted as if it had no quotes: `A;"B,C,D` is a comma header. Counting
 * the commas as quoted took such a file for a `;` file, and its safe fixes then quoted whole rows.
 */
export function sniffDelimiter(text: TextSource, start: number): Delimiter {
  let from = start;
  let to = lineEnd(text, from);
  while (to < text.length && isSpacesAndTabs(text, from, to)) {
    from = to + (text.charCodeAt(to) === 13 && text.charCodeAt(to + 1) === 10 ? 2 : 1);
    to = lineEnd(text, from);
  }
  let { counts, open } = countSeparators(text, from, to, true);
  if (open) ({ counts } = countSeparators(text, from, to, false));
  let best: Delimiter = ',';
  for (const candidate of CANDIDATES) if ((counts.get(candidate) ?? 0) > (counts.get(best) ?? 0)) best = candidate;
  return best;
}

/** Separators between `from` and `to`, outside quotes if `quotes`; `open` when a quote is left open. */
function countSeparators(text: TextSource, from: number, to: number, quotes: boolean): { counts: Map<Delimiter, number>; open: boolean } {
  const counts = new Map<Delimiter, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */ && quotes) quoted = !quoted;
    else if (!quoted && (c === 44 || c === 59 || c === 9)) {
      const separator = c === 44 ? ',' : c === 59 ? ';' : '\t';
      counts.set(separator, (counts.get(separator) ?? 0) + 1);
    }
  }
  return { counts, open: quoted };
}

function lineEnd(text: TextSource, from: number): number {
  let at = from;
  while (at < text.length && text.charCodeAt(at) !== 10 && text.charCodeAt(at) !== 13) at++;
  return at;
}

function isSpacesAndTabs(text: TextSource, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) !== 32 && text.charCodeAt(i) !== 9) return false;
  return true;
}

export function sniffLineBreak(text: TextSource): '\n' | '\r\n' | '\r' {
  const lf = text.indexOf('\n');
  // A carriage return only counts before the first line feed: no need to look through the rest.
  const cr = lf === -1 ? text.indexOf('\r') : text.slice(0, lf).indexOf('\r');
  if (cr === -1) return '\n';
  return text.charCodeAt(cr + 1) === 10 ? '\r\n' : '\r';
}
