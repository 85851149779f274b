import type { IssueCode } from '../catalogue.js';
import type { RuleContext } from './context.js';
import type { LiveData } from './live/live-data.js';
import type { Row } from './row.js';

/**
 * A rule reports and nothing else: it never throws on data and never changes the table. One is
 * created per validation (or per open document, in an editor), so a rule that looks across rows keeps
 * its state in the instance.
 */
export interface Rule {
  /** The codes the rule can report. */
  readonly codes: readonly IssueCode[];
  /** Once, after the header is read (there is always a header when rules run). */
  header?(ctx: RuleContext): void;
  /** Once per data row that has values. */
  row?(row: Row, ctx: RuleContext): void;
  /**
   * Set when what `row` reports is about the row it is given and depends on nothing but that row, the
   * header and the settings: an editor may keep those findings while the row is unchanged, instead
   * of checking it again after every keystroke elsewhere.
   */
  readonly local?: true;
  /**
   * Takes back what `row` added to the rule's state across rows, for a row an edit removed: an
   * editor keeps the rules of a document and hands them only the rows that changed. Rules that keep
   * no such state (the local ones) have none.
   */
  unrow?(row: Row, ctx: RuleContext): void;
  /** Once, after the last row; in an editor, after every edit. Must not change the rule's state. */
  end?(ctx: RuleContext): void;
}

export type RuleFactory = () => Rule;

/**
 * A context rule: it reads live data, which it is given when created and which stays the same for its
 * life. It runs only where live data is given, and keeps to the same row/unrow/end contract.
 */
export type LiveRuleFactory = (live: LiveData) => Rule;
