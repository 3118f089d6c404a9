/** Config → the Telegram adapter: token, Bot API root, webhook or polling, the send limit. */
import type { Config } from '../../../src/config.js';
import type { Logger } from '../../../src/core/ports.js';
import type { TelegramAdapterOptions } from './adapter-options.js';
import { TelegramAdapter } from './telegram-adapter.js';

/** The adapter when a bot token is configured; undefined otherwise. */
export function createTelegramAdapter(
  config: Config,
  logger: Logger,
  /** Timings and limits (tests make them fast). */
  tuning: Omit<TelegramAdapterOptions, 'token' | 'apiRoot' | 'logger' | 'webhook'> = {},
): TelegramAdapter | undefined {
  const { TELEGRAM_BOT_TOKEN: token, TELEGRAM_API_ROOT: apiRoot } = config.telegram;
  const { TELEGRAM_WEBHOOK_URL: url, TELEGRAM_WEBHOOK_SECRET: secret } = config.telegram;
  if (!token) return undefined;
  const webhook = url && secret ? { webhook: { url, secret } } : {};
  const limits = { globalPerSecond: config.telegram.TELEGRAM_SEND_PER_SECOND, ...tuning.limits };
  return new TelegramAdapter({ ...tuning, limits, token, apiRoot, logger, ...webhook });
}
