import { z } from 'zod';
import { optionalString, urlWithDefault } from './env-helpers.js';

/** `123456789:AAH…` as @BotFather prints it; a pasted quote or space would otherwise show up as a 401 later. */
const BOT_TOKEN = /^\d+:[A-Za-z0-9_-]+$/;

export const telegramEnv = z.object({
  /** From @BotFather. Unset: no Telegram. */
  TELEGRAM_BOT_TOKEN: optionalString().refine((t) => t === undefined || BOT_TOKEN.test(t), {
    error: 'must look like 123456789:AA… (the token @BotFather gave you)',
  }),
  /** The Bot API root; point it at a local Bot API server if you run one. */
  TELEGRAM_API_ROOT: urlWithDefault('https://api.telegram.org'),
});
export type TelegramEnv = z.infer<typeof telegramEnv>;
