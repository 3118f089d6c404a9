import { scrub } from './scrub.js';

/** How much of a non-JSON error body is read for its reason, characters. */
const HTML_PREFIX = 16_384;

/**
 * The service's own reason from an error body, in one short line: *arr validation arrays
 * (`[{propertyName, errorMessage}]`), `{message}`, TMDb `{status_message}` and `{errors:[…]}`,
 * Telegram and Discord `{description}`/`{message}`, LibreTranslate `{error}`.
 */
export function upstreamDetail(body: string, secrets: readonly string[] = []): string | undefined {
  let data: unknown;
  try {
    // Only a body that starts like JSON is parsed as JSON; an HTML page is not read whole.
    if (!/^\s*[[{"]/.test(body.slice(0, 64))) throw new SyntaxError('not JSON');
    data = JSON.parse(body);
  } catch {
    // An HTML error page: its first few KB hold the title. `[^<>]` keeps the tag strip linear even
    // on a body of nothing but `<` (with `[^>]`, each `<` would rescan the rest of the body).
    const text = body
      .slice(0, HTML_PREFIX)
      .replace(/<[^<>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    return text ? scrub(text.slice(0, 200), secrets) : undefined;
  }
  const parts: string[] = [];
  if (Array.isArray(data)) {
    for (const item of data) {
      const m = (item as { errorMessage?: unknown })?.errorMessage;
      if (typeof m === 'string') parts.push(m);
    }
  } else if (data && typeof data === 'object') {
    const o = data as Record<string, unknown>;
    for (const k of ['status_message', 'message', 'description', 'error']) {
      if (typeof o[k] === 'string' && o[k]) {
        parts.push(o[k] as string);
        break;
      }
    }
    if (Array.isArray(o.errors)) for (const e of o.errors) if (typeof e === 'string') parts.push(e);
  }
  const text = [...new Set(parts)].join('; ').slice(0, 300);
  return text ? scrub(text, secrets) : undefined;
}
