/**
 * Start-up against the Bot API: check the token (getMe), choose how updates arrive, and register
 * the / menu. Long polling and a webhook exclude each other (getUpdates answers 409 while a webhook
 * is set), so polling removes any webhook first (as telegraf's launch() does) and a webhook is
 * set with setWebhook. Nothing removes the webhook on the way out: other instances may share it.
 */
import type { Telegraf } from 'telegraf';
import type { Logger } from '../../../src/core/ports.js';
import { describeError } from './api-errors.js';
import { BOT_COMMANDS } from './bot-commands.js';
import { startFailure } from './start-failure.js';
import type { TelegramWebhook } from './webhook.js';

/** The updates the bot asks for, polling or by webhook. */
export const ALLOWED_UPDATES = ['message', 'callback_query'] as const;

/** A Bot API that accepts the connection but never answers must fail start-up, not hang it. */
const START_TIMEOUT_MS = 30_000;

type CallApiOptions = NonNullable<Parameters<Telegraf['telegram']['callApi']>[2]>;

/** Rejects with startFailure's UpstreamError; a failing setMyCommands is only logged. */
export async function connect(
  bot: Telegraf,
  webhook: TelegramWebhook | undefined,
  token: string,
  logger: Logger,
): Promise<void> {
  // node-fetch takes the built-in AbortSignal; telegraf's typings name a polyfill's.
  const signal = { signal: AbortSignal.timeout(START_TIMEOUT_MS) } as unknown as CallApiOptions;
  try {
    bot.botInfo = await bot.telegram.callApi('getMe', {}, signal);
    if (webhook) await webhook.register(bot.telegram, ALLOWED_UPDATES, signal);
    else await bot.telegram.callApi('deleteWebhook', {}, signal);
  } catch (err) {
    throw startFailure(err, token, webhook ? 'webhook' : 'polling');
  }
  await bot.telegram
    .setMyCommands(BOT_COMMANDS)
    .catch((err: unknown) =>
      logger.warn(describeError(err, [token]), 'setMyCommands failed; the / menu may be stale'),
    );
}
