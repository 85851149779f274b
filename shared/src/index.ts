export { CATALOGUE, ISSUE_CODES, isIssueCode, type IssueCode, type IssueGroup, type Severity } from './catalogue.js';
export type { Fix, Issue, Position, Range, RelatedInformation, TextEdit } from './issue.js';
export { validate, type ValidationContext, type ValidationResult } from './validate.js';
export { validateBytes, type BytesValidationResult } from './validate-bytes.js';
export { decode, describeEncoding, type Decoded, type Encoding } from './decode.js';
export { fixAll, type FixAllResult } from './fix.js';
export { splitByLimits, type SplitOptions, type SplitPart, type SplitResult } from './split.js';
export { SplitPartNames } from './split-part-names.js';
export { rowsAsBatch, rowsInGroup } from './batch-rows.js';
export {
  DEFAULT_LIMITS,
  DEFAULT_SETTINGS,
  effectiveSeverity,
  parseSettings,
  settingsSchema,
  type Settings,
  type SettingsInput,
  type SettingsResult,
} from './settings.js';
export type { CsvRecord, Delimiter, Header, Table } from './table.js';
export { fieldSpan } from './table.js';
export { isReleased, release, tableValues } from './record-values.js';
export { isBlankRecord } from './rules/blank-row.js';
export { LineIndex } from './text/line-index.js';
export { applyEdits } from './text/apply-edits.js';
export { OPERATIONS, type Operation, type OperationCounts } from './domain/operations.js';
export { EXPORT_COLUMNS, KNOWN_COLUMNS, NULL_TOKEN, REQUIRED_COLUMNS, REQUIRED_VALUES, type ColumnName } from './domain/columns.js';
export * from './editor/index.js';
export { PieceText } from './text/piece-text.js';
export type { TextSource } from './text/text-source.js';
export { changedMiddle } from './text/changed-middle.js';
export * from './api/index.js';
export * from './plan/index.js';
