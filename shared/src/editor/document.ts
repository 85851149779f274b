import type { Range } from '../issue.js';
import { RuleContext } from '../rules/context.js';
import { DEFAULT_SETTINGS, type Settings } from '../settings.js';
import { LineIndex } from '../text/line-index.js';
import { PieceText } from '../text/piece-text.js';
import type { TextSource } from '../text/text-source.js';
import { canKeep, forgetFindings, keepFindings, reportKept, type KeptValidation } from '../kept-validation.js';
import { newTable } from '../new-table.js';
import type { ValidationResult } from '../validate.js';
import { rereadRecords, type Replacement } from './reread.js';
import { validateOpened } from './validate-opened.js';

/**
 * One change to an open document, as editors send them: `range` in the text as it is before this
 * change (after the ones before it in the same batch); without a range, `text` replaces everything.
 */
export type DocumentChange = { range: Range; text: string } | { text: string };

/**
 * An open document and its validation, kept up to date as it is edited. Every state of `result`
 * equals `validate(text, settings)`: editors get the same findings as the command line and the bot.
 *
 * An edit reads again only the records it touched, and the rules check only those: what they found
 * on the other rows is kept, and moved with them. A file whose header the edit changed, or that has a
 * quote mistake, is validated from scratch. `result` stays valid until the next `update`.
 */
export class CsvDocument {
  /** The text as pieces: an edit costs a few slices, not a copy of the whole text. */
  private source: PieceText;
  private validation: ValidationResult;
  /** Undefined when the next edit must validate the whole text. */
  private kept: KeptValidation | undefined;

  constructor(
    text: string,
    private settings: Settings = DEFAULT_SETTINGS,
  ) {
    this.source = PieceText.of(text);
    this.validation = this.validateAll();
  }

  /** The whole text as one string, made when asked for. */
  get text(): string {
    return this.source.toString();
  }

  /** Part of the text, without making the whole of it one string. */
  slice(start: number, end: number): string {
    return this.source.slice(start, end);
  }

  get result(): ValidationResult {
    return this.validation;
  }

  /**
   * Applies the changes in order and validates the new text. Should keeping up with an edit fail,
   * the text is validated from scratch and the error thrown after: the document is never left
   * behind its text.
   */
  update(changes: readonly DocumentChange[]): void {
    let text = this.source;
    let kept = this.kept;
    let failure: unknown;
    // Positions in the validated text are known (without a BOM, which they do not count); after each
    // change, those before it still hold.
    let lines = kept ? this.validation.table.lines : new LineIndex(text);
    for (const change of changes) {
      if (!('range' in change)) {
        text = PieceText.of(change.text);
        kept = undefined;
        lines = new LineIndex(text);
        continue;
      }
      const start = lines.offsetAt(change.range.start);
      const end = Math.max(start, lines.offsetAt(change.range.end));
      const before = text;
      text = text.replaced(start, end, change.text);
      lines = LineIndex.edited(lines, text, start, end, change.text);
      // The last report's issues hold for every row but those replaced only while no line moves.
      if (kept && (changes.length > 1 || hasLineBreak(change.text) || hasLineBreak(before.slice(start, end)))) kept.reported = undefined;
      try {
        if (kept && !applyEdit(kept, before, text, { start, end, length: change.text.length })) kept = undefined;
      } catch (error) {
        kept = undefined;
        failure ??= error;
      }
    }
    this.source = text;
    this.kept = kept && canKeep(kept, text) ? kept : undefined;
    this.validation = this.kept ? reportKept(this.kept, text, lines) : this.validateAll();
    // Validated from scratch, the document is right again; the failure is still for the caller to log.
    if (failure !== undefined) throw failure;
  }

  /** New settings: everything is validated again. */
  configure(settings: Settings): void {
    this.settings = settings;
    this.validation = this.validateAll();
  }

  private validateAll(): ValidationResult {
    const { result, kept } = validateOpened(this.source.toString(), this.settings);
    this.kept = kept;
    return result;
  }
}

/**
 * Brings what is kept up to `text`, which was `before` until `replacement`: the records read again
 * are taken back from the rules, and what replaced them is checked. False when the edit reached the
 * header (or the blank lines before it), or left a quote open: then only a validation from scratch
 * will do.
 */
function applyEdit(kept: KeptValidation, before: TextSource, text: TextSource, replacement: Replacement): boolean {
  const reread = rereadRecords(kept.records, before, text, replacement, kept.delimiter);
  const headerIndex = kept.header.record.index;
  // A record changed at the header's place or before it may change which line is the header.
  if (!reread || [...reread.removed, ...reread.added].some((record) => record.index <= headerIndex)) return false;
  const table = newTable(text, false, kept.delimiter);
  table.header = kept.header;
  const ctx = new RuleContext(table, kept.settings);
  for (const record of reread.removed) forgetFindings(kept, record, before, ctx);
  for (const record of reread.added) keepFindings(kept, record, ctx);
  kept.records = reread.records;
  if (kept.reported && reread.removed.length === reread.added.length && reread.added.length > 0) {
    const rows = reread.added.map((record) => record.index - headerIndex);
    kept.reported.replaced = [Math.min(...rows), Math.max(...rows)];
  } else if (kept.reported && reread.added.length + reread.removed.length > 0) kept.reported = undefined;
  return true;
}

function hasLineBreak(text: string): boolean {
  return text.includes('\n') || text.includes('\r');
}
