export { CsvDocument, type DocumentChange } from './document.js';
export { fieldAt, type FieldAt } from './field-at.js';
export { COLUMN_DOCS, canClear, columnMarkdown, columnUse, describeColumnUse, type ColumnUse } from './column-docs.js';
export { OPERATION_DOCS } from './operation-docs.js';
export { hoverAt, type CellHover } from './hover.js';
export { completionsAt, type CompletionCandidate, type CompletionKind, type Completions } from './completion.js';
export { countsSummary, type CountsSummary } from './counts-summary.js';
