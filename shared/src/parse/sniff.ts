import type { Delimiter } from '../table.js';

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
export function sniffDelimiter(text: string, start: number): Delimiter {
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
function countSeparators(text: string, from: number, to: number, quotes: boolean): { counts: Map<Delimiter, number>; open: boolean } {
  const counts = new Map<Delimiter, number>(CANDIDATES.map((c) => [c, 0]));
  let quoted = false;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '"' && quotes) quoted = !quoted;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return { counts, open: quoted };
}

function lineEnd(text: string, from: number): number {
  let at = from;
  while (at < text.length && text.charCodeAt(at) !== 10 && text.charCodeAt(at) !== 13) at++;
  return at;
}

function isSpacesAndTabs(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) !== 32 && text.charCodeAt(i) !== 9) return false;
  return true;
}

export function sniffLineBreak(text: string): '\n' | '\r\n' | '\r' {
  const at = text.search(/[\r\n]/);
  if (at === -1 || text[at] === '\n') return '\n';
  return text[at + 1] === '\n' ? '\r\n' : '\r';
}
