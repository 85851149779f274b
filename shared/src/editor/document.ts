import type { Range } from '../issue.js';
import { LineIndex } from '../text/line-index.js';
import { DEFAULT_SETTINGS, type Settings } from '../settings.js';
import { validate, type ValidationResult } from '../validate.js';

/**
 * One change to an open document, as editors send them: `range` in the text as it is before this
 * change (after the ones before it in the same batch); without a range, `text` replaces everything.
 */
export type DocumentChange = { range: Range; text: string } | { text: string };

/**
 * An open document and its validation, kept up to date as it is edited. Every state of `result`
 * equals `validate(text, settings)`: editors get the same findings as the command line and the bot.
 */
export class CsvDocument {
  private current: string;
  private validation: ValidationResult;

  constructor(
    text: string,
    private settings: Settings = DEFAULT_SETTINGS,
  ) {
    this.current = text;
    this.validation = validate(text, settings);
  }

  get text(): string {
    return this.current;
  }

  get result(): ValidationResult {
    return this.validation;
  }

  /** Applies the changes in order and validates the new text. */
  update(changes: readonly DocumentChange[]): void {
    let text = this.current;
    for (const change of changes) {
      if (!('range' in change)) {
        text = change.text;
        continue;
      }
      const lines = text === this.current ? this.validation.table.lines : new LineIndex(text);
      const start = lines.offsetAt(change.range.start);
      const end = lines.offsetAt(change.range.end);
      text = text.slice(0, start) + change.text + text.slice(Math.max(start, end));
    }
    this.current = text;
    this.validation = validate(text, this.settings);
  }

  /** New settings: everything is validated again. */
  configure(settings: Settings): void {
    this.settings = settings;
    this.validation = validate(this.current, settings);
  }
}
