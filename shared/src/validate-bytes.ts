import { decode, describeEncoding, type Encoding } from './decode.js';
import { effectiveSeverity, DEFAULT_SETTINGS, type Settings } from './settings.js';
import { RuleContext } from './rules/context.js';
import { reportTooLarge, validate, type ValidationContext, type ValidationResult } from './validate.js';

export interface BytesValidationResult extends ValidationResult {
  encoding: Encoding;
}

/** For callers that hold bytes (a file, an upload): decodes, validates, and reports the encoding. */
export function validateBytes(bytes: Uint8Array, settings: Settings = DEFAULT_SETTINGS, context?: ValidationContext): BytesValidationResult {
  if (bytes.length > settings.maxFileBytes) {
    const empty = validate('', settings, context);
    const ctx = new RuleContext(empty.table, settings);
    reportTooLarge(ctx);
    return { table: empty.table, issues: ctx.issues, encoding: 'utf-8' };
  }
  const { text, encoding } = decode(bytes);
  const result = validate(text, settings, context);
  const message = describeEncoding(encoding);
  const severity = effectiveSeverity(settings, 'encoding');
  if (message && severity !== 'off') {
    const origin = { line: 0, character: 0 };
    result.issues.unshift({ code: 'encoding', severity, message, range: { start: origin, end: origin } });
  }
  return { ...result, encoding };
}
