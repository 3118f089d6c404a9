/**
 * One shard process's reelbot (DISCORD_SHARDS): a full App serving one Discord shard, on the
 * stores every shard shares (DATABASE_URL). What must run once per bot runs in shard 0 only:
 * Telegram (Telegram refuses a second getUpdates with 409 Conflict, and a webhook arrives on one
 * HTTP server), the HTTP API on HTTP_PORT (one port), and the cron. Shard 0 can still notify a
 * person whose guild is on another shard: later replies go over REST, which knows no shards.
 */
import {
  createDiscordAdapter,
  type DiscordAdapterOptions,
} from '../adapters/chat/discord/discord-adapter.js';
import { createTelegramAdapter } from '../adapters/chat/telegram/create-telegram-adapter.js';
import { createApp, type App, type AppOptions } from './app.js';
import type { Config } from './config.js';

export interface ShardIdentity {
  id: number;
  count: number;
}

export interface ShardAppOptions extends AppOptions {
  /** discord.js tuning (tests make REST fail fast). */
  discord?: Pick<DiscordAdapterOptions, 'rest' | 'deferAfterMs' | 'progressEditIntervalMs'>;
  /** Telegram's timings (tests make polling short). */
  telegram?: Parameters<typeof createTelegramAdapter>[2];
}

/** Build and start the App for `shard`; resolves once its chats are connected, retrying or failed. */
export async function startShardApp(
  config: Config,
  shard: ShardIdentity,
  opts: ShardAppOptions = {},
): Promise<App> {
  const { discord, telegram: telegramTuning, ...appOptions } = opts;
  const primary = shard.id === 0;
  const own: Config = primary ? config : { ...config, core: { ...config.core, HTTP_PORT: undefined } };
  const app = await createApp(own, { ...appOptions, startCron: primary && (opts.startCron ?? true) });
  if (primary) {
    const telegram = createTelegramAdapter(config, app.logger, telegramTuning);
    if (telegram) app.attach(telegram);
  }
  const chat = createDiscordAdapter(config, app.logger, {
    ...discord,
    shards: { ids: [shard.id], count: shard.count },
  });
  if (!chat) throw new Error('a Discord shard needs DISCORD_TOKEN');
  app.attach(chat);
  await app.start();
  return app;
}
