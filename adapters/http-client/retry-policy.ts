/** When and how long the HTTP client waits before trying again, and when it must not. */

/** Errors raised before a connection existed: the request cannot have reached the server. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export function neverConnected(e: unknown): boolean {
  const code = (e as { cause?: { code?: string } })?.cause?.code ?? (e as { code?: string })?.code;
  return code !== undefined && NOT_CONNECTED.has(code);
}

export function backoffMs(attempt: number): number {
  return 200 * 2 ** attempt;
}

/**
 * How long to wait before retrying, ms: Retry-After (seconds or an HTTP date), or the wait a
 * 429 body names (Telegram, Discord); `explicit` says the service named it. Otherwise an
 * exponential default.
 */
export function parseRetryAfter(
  res: { status: number; retryAfter: string | null; body: Buffer },
  attempt: number,
): { ms: number; explicit: boolean } {
  const raw = res.retryAfter;
  if (raw) {
    const secs = Number(raw);
    if (Number.isFinite(secs)) return { ms: Math.max(0, secs * 1000), explicit: true };
    const date = Date.parse(raw);
    if (Number.isFinite(date)) return { ms: Math.max(0, date - Date.now()), explicit: true };
  }
  if (res.status === 429) {
    const fromBody = retryAfterFromBody(res.body.toString('utf8'));
    if (fromBody !== undefined) return { ms: fromBody * 1000, explicit: true };
  }
  return { ms: res.status === 429 || res.status >= 500 ? backoffMs(attempt) : 0, explicit: false };
}

/** Telegram and Discord put the wait in the body. */
function retryAfterFromBody(text: string): number | undefined {
  try {
    const j = JSON.parse(text) as { retry_after?: unknown; parameters?: { retry_after?: unknown } };
    const v = j.parameters?.retry_after ?? j.retry_after;
    return typeof v === 'number' ? v : undefined;
  } catch {
    return undefined;
  }
}
