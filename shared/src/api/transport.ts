/**
 * What a failed HTTP attempt (no answer) tells about whether the request reached the server. Only
 * failures that happen while connecting prove that nothing was sent; everything else may have come
 * after the body left, and is read as "maybe sent".
 */
export type TransportFailure =
  /** The connection was never made: nothing sent. `retryable` is false where trying again cannot help (TLS). */
  | { kind: 'not-sent'; retryable: boolean; code: string | undefined }
  /** No answer (or no more of it) within the timeout, after the request may have been sent. */
  | { kind: 'timeout'; code: string | undefined }
  /** The connection closed or broke with no (complete) answer; the request may have been sent. */
  | { kind: 'connection-closed'; code: string | undefined }
  /** The caller's signal cancelled the attempt. */
  | { kind: 'aborted'; code: string | undefined };

/** Refused or unreachable at connect time, or a name that does not resolve (yet). */
const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'EADDRNOTAVAIL',
  'ETIMEDOUT',
]);
/** These codes also occur on an established socket; only with these syscalls do they mean "while connecting". */
const CONNECT_SYSCALLS = new Set(['connect', 'getaddrinfo', 'getaddrinfo_all', 'queryA', 'queryAaaa']);
/** The TLS handshake comes before the request is written, and refusing a certificate again will not help. */
const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

export function classifyTransportError(error: unknown, aborted: boolean): TransportFailure {
  const code = errorCode(error);
  if (aborted || code === 'UND_ERR_ABORTED' || code === 'ABORT_ERR') return { kind: 'aborted', code };
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return { kind: 'not-sent', retryable: true, code };
  if (code !== undefined && CONNECT_CODES.has(code) && CONNECT_SYSCALLS.has(errorSyscall(error) ?? '')) {
    return { kind: 'not-sent', retryable: true, code };
  }
  if (code !== undefined && TLS_CODES.has(code)) return { kind: 'not-sent', retryable: false, code };
  if (isAggregateOfNotSent(error)) return { kind: 'not-sent', retryable: true, code };
  if (code !== undefined && TIMEOUT_CODES.has(code)) return { kind: 'timeout', code };
  return { kind: 'connection-closed', code };
}

/** Node's happy-eyeballs connect may fail with every address at once: not sent if none was reached. */
function isAggregateOfNotSent(error: unknown): boolean {
  if (!(error instanceof AggregateError) || error.errors.length === 0) return false;
  return error.errors.every((inner: unknown) => classifyTransportError(inner, false).kind === 'not-sent');
}

function errorCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e !== null && typeof e === 'object' && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    if ((e as { name?: unknown }).name === 'AbortError') return 'ABORT_ERR';
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function errorSyscall(error: unknown): string | undefined {
  const syscall = error !== null && typeof error === 'object' ? (error as { syscall?: unknown }).syscall : undefined;
  return typeof syscall === 'string' ? syscall : undefined;
}
