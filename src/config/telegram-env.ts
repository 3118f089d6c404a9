import { z } from 'zod';
import { optionalString, urlWithDefault } from './env-helpers.js';

export const telegramEnv = z.object({
  TELEGRAM_BOT_TOKEN: optionalString(),
  /** The Bot API root; point it at a local Bot API server if you run one. */
  TELEGRAM_API_ROOT: urlWithDefault('https://api.telegram.org'),
});
export type TelegramEnv = z.infer<typeof telegramEnv>;
