/**
 * Errors from discord.js carry the request URL, and interaction callback and webhook URLs embed
 * the interaction token (valid 15 minutes: enough to post as the bot). Everything logged about a
 * failure goes through here so neither that nor the bot token reaches a log line.
 */
import { scrub } from '../../http-client/scrub.js';

const TOKEN_IN_PATH = /(\/(?:webhooks|interactions)\/\d+\/)[^/\s?"']+/g;

export function safeText(text: string, secrets: readonly string[]): string {
  return scrub(text, secrets).replace(TOKEN_IN_PATH, '$1***');
}

/** A log-ready description of anything thrown: name, message, Discord's code and status. */
export function describeError(err: unknown, secrets: readonly string[]): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: safeText(String(err), secrets) };
  const out: Record<string, unknown> = { name: err.name, message: safeText(err.message, secrets) };
  const extra = err as Error & { code?: unknown; status?: unknown; method?: unknown; url?: unknown };
  if (extra.code !== undefined) out.code = extra.code;
  if (typeof extra.status === 'number') out.status = extra.status;
  if (typeof extra.method === 'string') out.method = extra.method;
  if (typeof extra.url === 'string') out.url = safeText(extra.url, secrets);
  if (err.stack) out.stack = safeText(err.stack, secrets);
  return out;
}
