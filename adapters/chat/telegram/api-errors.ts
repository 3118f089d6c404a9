/**
 * Reading the Bot API's error answers (`{ok:false, error_code, description, parameters?}`, which
 * telegraf throws as TelegramError) without trusting their shape, and describing any error for a
 * log line without the bot token (it is in every request URL).
 */
import { z } from 'zod';
import { scrub } from '../../http-client/scrub.js';

const apiError = z.object({
  response: z.object({
    error_code: z.number(),
    description: z.string().default(''),
    parameters: z
      .object({ retry_after: z.number().optional(), migrate_to_chat_id: z.number().optional() })
      .optional(),
  }),
  on: z.object({ method: z.string().optional() }).optional(),
});

export interface ApiErrorInfo {
  code: number;
  description: string;
  method?: string;
  retryAfterSec?: number;
  migrateToChatId?: number;
}

/** The Bot API's answer inside a TelegramError, or undefined for anything else (network, bugs). */
export function apiErrorOf(err: unknown): ApiErrorInfo | undefined {
  const parsed = apiError.safeParse(err);
  if (!parsed.success) return undefined;
  const { response, on } = parsed.data;
  const info: ApiErrorInfo = { code: response.error_code, description: response.description };
  if (on?.method) info.method = on.method;
  if (response.parameters?.retry_after !== undefined) info.retryAfterSec = response.parameters.retry_after;
  if (response.parameters?.migrate_to_chat_id !== undefined) {
    info.migrateToChatId = response.parameters.migrate_to_chat_id;
  }
  return info;
}

/** An edit that changes nothing: Telegram calls it an error, we call it done. */
export function isNotModified(err: unknown): boolean {
  const e = apiErrorOf(err);
  return e?.code === 400 && /message is not modified/i.test(e.description);
}

/** The message to edit is gone or too old to edit: send a new one instead. */
export function isUneditable(err: unknown): boolean {
  const e = apiErrorOf(err);
  return (
    e?.code === 400 &&
    /message to edit not found|message can't be edited|there is no (text|caption) in the message/i.test(
      e.description,
    )
  );
}

/** Loggable fields for any error, with the token and key-like parameters masked. */
export function describeError(err: unknown, secrets: readonly string[]): Record<string, unknown> {
  const api = apiErrorOf(err);
  if (api) return { method: api.method, code: api.code, description: scrub(api.description, secrets) };
  if (err instanceof Error) {
    return { error: err.name, message: scrub(err.message, secrets), stack: scrub(err.stack ?? '', secrets) };
  }
  return { error: scrub(String(err), secrets) };
}
