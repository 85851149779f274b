import { NULL_TOKEN } from './columns.js';

/**
 * What a cell holds, before any column-specific check. Value rules look only at `value` cells: an
 * empty cell, `<NULL>`, a `<NULL>` look-alike and a formula each have a rule of their own, so that
 * one mistake is reported once.
 */
export type CellKind = 'empty' | 'null' | 'null-lookalike' | 'formula' | 'value';

const NULL_LOOKALIKE = /^(?:[<([{]\s*null\s*[>)\]}]|null|#null!|\\n)$/i;
const FORMULA = /^(?:=|[+\-@][A-Za-z_][A-Za-z0-9_.]*\()/;

export function cellKind(value: string): CellKind {
  if (value === '') return 'empty';
  // Cheap first-character tests keep the patterns off the hot path: most cells are plain values.
  const first = value.charCodeAt(0);
  if (mayBeNull(first, value.length)) {
    if (value === NULL_TOKEN) return 'null';
    if (NULL_LOOKALIKE.test(value)) return 'null-lookalike';
  }
  if (first === 61 /* = */) return 'formula';
  // `+`, `-` and `@` start a formula only when a function name follows; `+1415…` is a phone number.
  if ((first === 43 || first === 45 || first === 64) && isNameStart(value.charCodeAt(1)) && FORMULA.test(value)) return 'formula';
  return 'value';
}

/** Whether a value with this first character and length can be `<NULL>` or look like it. */
function mayBeNull(first: number, length: number): boolean {
  switch (first) {
    case 78 /* N */:
    case 110 /* n */:
      // Only `null` itself: an export's `Numeric` or `Nordics` must not reach the pattern on every row.
      return length === 4;
    case 60 /* < */:
    case 40 /* ( */:
    case 91 /* [ */:
    case 123 /* { */:
    case 35 /* # */:
    case 92 /* \ */:
      return true;
    default:
      return false;
  }
}

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/**
 * The value a spreadsheet formula stands for, where that is certain: `="+14155550123"` is
 * Excel's way to keep text as typed. Undefined for any other formula.
 */
export function formulaText(value: string): string | undefined {
  const match = /^="((?:[^"]|"")*)"$/.exec(value);
  return match ? (match[1] ?? '').replaceAll('""', '"') : undefined;
}

/** The value without surrounding white space; most values have none, and are returned as they are. */
export function trimmed(value: string): string {
  if (value.length === 0) return value;
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  return first > 32 && first < 0x7f && last > 32 && last < 0x7f ? value : value.trim();
}

/** The value the author meant: trimmed, and a text-keeping formula unwrapped. */
export function intendedValue(raw: string): string {
  const value = trimmed(raw);
  return value.charCodeAt(0) === 61 /* = */ ? (formulaText(value)?.trim() ?? value) : value;
}
