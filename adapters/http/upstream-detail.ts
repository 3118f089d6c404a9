import { scrub } from './scrub.js';

/**
 * The service's own reason from an error body, in one short line: *arr validation arrays
 * (`[{propertyName, errorMessage}]`), `{message}`, TMDb `{status_message}` and `{errors:[…]}`,
 * Telegram and Discord `{description}`/`{message}`, LibreTranslate `{error}`.
 */
export function upstreamDetail(body: string, secrets: readonly string[] = []): string | undefined {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    const text = body
      .replace(/<[^>]*>/g, ' ')
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
