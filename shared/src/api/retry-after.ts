const ASCTIME = /^[A-Za-z]{3} [A-Za-z]{3} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/;

/**
 * Reads a Retry-After header (RFC 9110 §10.2.3): delta-seconds, or an HTTP date. Returns whole
 * seconds from `nowMs`, never negative; undefined when absent or unreadable. An unreadable value is
 * treated as absent on purpose: for an apply, a 503 without a Retry-After we can read is an unknown
 * outcome, and guessing a wait from a header we do not understand would be a guess about what ran.
 */
export function parseRetryAfter(value: string | readonly string[] | undefined, nowMs: number): number | undefined {
  const raw = typeof value === 'string' ? value : value?.[0];
  if (raw === undefined) return undefined;
  const text = raw.trim();
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) {
    const seconds = Number(text);
    return Number.isSafeInteger(seconds) ? seconds : undefined;
  }
  // Only the date forms name a weekday or month; this keeps Date.parse from reading "-5" or "1.5".
  if (!/[A-Za-z]{3}/.test(text)) return undefined;
  // asctime() dates carry no zone and Date.parse would read them as local time; HTTP dates are GMT.
  const at = Date.parse(ASCTIME.test(text) ? `${text} GMT` : text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - nowMs) / 1000));
}
