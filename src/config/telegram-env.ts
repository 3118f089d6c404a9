import { z } from 'zod';
import { intWithDefault, optionalString, urlWithDefault } from './env-helpers.js';

/** `123456789:AAH…` as @BotFather prints it; a pasted quote or space would otherwise show up as a 401 later. */
const BOT_TOKEN = /^\d+:[A-Za-z0-9_-]+$/;
/** setWebhook's secret_token: "1-256 characters. Only characters A-Z, a-z, 0-9, _ and - are allowed." */
const WEBHOOK_SECRET = /^[A-Za-z0-9_-]{1,256}$/;
/** Paths the HTTP server already serves (or guards with API_TOKEN). */
const TAKEN_PATH = /^\/(api(\/|$)|healthz\/?$|metrics\/?$)/;

const webhookUrl = optionalString().superRefine((v, ctx) => {
  if (v === undefined) return;
  const url = URL.canParse(v) ? new URL(v) : undefined;
  if (url?.protocol !== 'https:')
    ctx.addIssue({ code: 'custom', message: 'must be the public https:// URL Telegram posts updates to' });
  else if (url.pathname === '/' || TAKEN_PATH.test(url.pathname))
    ctx.addIssue({
      code: 'custom',
      message: 'needs a path of its own, e.g. https://bot.example.com/telegram/<something random>',
    });
});

export const telegramEnv = z.object({
  /** From @BotFather. Unset: no Telegram. */
  TELEGRAM_BOT_TOKEN: optionalString().refine((t) => t === undefined || BOT_TOKEN.test(t), {
    error: 'must look like 123456789:AA… (the token @BotFather gave you)',
  }),
  /** The Bot API root; point it at a local Bot API server if you run one. */
  TELEGRAM_API_ROOT: urlWithDefault('https://api.telegram.org'),
  /** Set: updates arrive by webhook at this URL (through HTTP_PORT) instead of long polling. */
  TELEGRAM_WEBHOOK_URL: webhookUrl,
  /** Telegram sends it in X-Telegram-Bot-Api-Secret-Token with every update; others get 403. */
  TELEGRAM_WEBHOOK_SECRET: optionalString().refine((s) => s === undefined || WEBHOOK_SECRET.test(s), {
    error: 'must be 1–256 characters of A-Z, a-z, 0-9, _ and - (e.g. the output of `openssl rand -hex 32`)',
  }),
  /**
   * Messages a second this bot sends across all chats. Telegram allows a bot token about 30
   * (core.telegram.org/bots/faq, "broadcasting"); instances sharing one token share that: 30 / N.
   */
  TELEGRAM_SEND_PER_SECOND: intWithDefault(30, 1, 30),
});
export type TelegramEnv = z.infer<typeof telegramEnv>;

/** A webhook needs its secret, a bot, and the HTTP server Telegram's requests arrive at. */
export function telegramCrossChecks(
  env: Record<string, string | undefined>,
): { variable: string; message: string }[] {
  const set = (k: string) => (env[k] ?? '').trim() !== '';
  if (!set('TELEGRAM_WEBHOOK_URL')) return [];
  const problems: { variable: string; message: string }[] = [];
  if (!set('TELEGRAM_WEBHOOK_SECRET'))
    problems.push({
      variable: 'TELEGRAM_WEBHOOK_SECRET',
      message:
        'TELEGRAM_WEBHOOK_URL is set but TELEGRAM_WEBHOOK_SECRET is not: without it anyone could post updates (e.g. `openssl rand -hex 32`)',
    });
  if (!set('TELEGRAM_BOT_TOKEN'))
    problems.push({
      variable: 'TELEGRAM_BOT_TOKEN',
      message: 'TELEGRAM_WEBHOOK_URL is set but TELEGRAM_BOT_TOKEN is not',
    });
  if (!set('HTTP_PORT'))
    problems.push({
      variable: 'HTTP_PORT',
      message:
        'TELEGRAM_WEBHOOK_URL is set but HTTP_PORT is not: the webhook is served by the HTTP server (set HTTP_PORT and API_TOKEN, and point the reverse proxy at that port)',
    });
  return problems;
}
