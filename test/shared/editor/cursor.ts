import assert from 'node:assert/strict';
import { validate, type Settings, type ValidationResult } from '@numbers-csv/shared';
import { settings as makeSettings } from '../../helpers/issues.js';

export interface AtCursor {
  /** The text without its cursor marker. */
  text: string;
  offset: number;
  result: ValidationResult;
  settings: Settings;
}

/** Validates a text marked with one `|` where the cursor is; the marker is not part of the text. */
export function atCursor(marked: string, settings: Settings = makeSettings()): AtCursor {
  const offset = marked.indexOf('|');
  assert.ok(offset !== -1 && marked.indexOf('|', offset + 1) === -1, 'mark the cursor with exactly one |');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { text, offset, result: validate(text, settings), settings };
}

/** The text between two offsets, to name a range by what it covers. */
export function slice(at: AtCursor, range: { start: number; end: number }): string {
  return at.text.slice(range.start, range.end);
}
