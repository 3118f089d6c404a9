/**
 * reelbot as `npm start` runs it with both chats configured: the real App with the real telegraf
 * and discord.js adapters, attached in main.ts's order, against fake Telegram, Discord, TMDb,
 * Sonarr and Radarr, with the HTTP API on for /healthz. Chat retries are fast (an App option)
 * so a story sees a platform come back without long sleeps.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDiscordAdapter } from '../../adapters/chat/discord/discord-adapter.js';
import { TelegramAdapter } from '../../adapters/chat/telegram/telegram-adapter.js';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from '../fakes/discord.js';
import { startFakeRadarr, type FakeRadarr } from '../fakes/radarr.js';
import { startFakeSonarr } from '../fakes/sonarr.js';
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram.js';
import { startFakeTmdb, type FakeTmdb } from '../fakes/tmdb.js';
import { FAST } from '../adapters/telegram/harness.js';
import { CaptureLogger } from './capture-logger.js';

const KEYS = {
  tmdb: 'tmdb-two-chats-0001',
  radarr: 'radarr-two-chats-0001',
  sonarr: 'sonarr-two-chats-0001',
};
const API_TOKEN = 'two-chats-api-token-0001';

export interface TwoChatsOptions {
  discord?: FakeDiscordOptions;
  /** Start with this DISCORD_TOKEN instead of the fake's. */
  discordToken?: string;
  /** Take the fake Telegram down before the app starts. */
  telegramDown?: boolean;
  /** Take the fake Discord's REST API down before the app starts. */
  discordDown?: boolean;
  env?: Record<string, string>;
}

export interface Health {
  status: number;
  body: { status: string; chats: Array<Record<string, unknown> & { platform: string; state?: string }> };
  text: string;
}

export interface TwoChats {
  app: App;
  telegram: FakeTelegram;
  discord: FakeDiscord;
  tmdb: FakeTmdb;
  radarr: FakeRadarr;
  logger: CaptureLogger;
  /** Every secret the app was configured with, to prove none leaks. */
  secrets: string[];
  healthz(): Promise<Health>;
  /** Poll /healthz until `ok` holds for it. */
  healthUntil(ok: (h: Health) => boolean, what: string, timeoutMs?: number): Promise<Health>;
  close(): Promise<void>;
}

export async function startTwoChats(opts: TwoChatsOptions = {}): Promise<TwoChats> {
  const [telegram, discord, tmdb, sonarr, radarr] = await Promise.all([
    startFakeTelegram(),
    startFakeDiscord(opts.discord),
    startFakeTmdb({ apiKey: KEYS.tmdb }),
    startFakeSonarr({ version: 4, apiKey: KEYS.sonarr }),
    startFakeRadarr({ apiKey: KEYS.radarr }),
  ]);
  const discordToken = opts.discordToken ?? discord.token;
  const config = loadConfig({
    DATA_DIR: mkdtempSync(join(tmpdir(), 'reelbot-two-chats-')),
    LOG_LEVEL: 'silent',
    MUSICBRAINZ_ENABLED: 'false',
    TMDB_API_KEY: KEYS.tmdb,
    TMDB_BASE_URL: `${tmdb.url}/3`,
    SONARR_URL: sonarr.url,
    SONARR_API_KEY: KEYS.sonarr,
    RADARR_URL: radarr.url,
    RADARR_API_KEY: KEYS.radarr,
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.url,
    DISCORD_TOKEN: discordToken,
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_GUILD_ID: discord.guildId,
    DISCORD_API_BASE: discord.apiBase,
    DISCORD_CHANNELS: discord.channels.requests,
    HTTP_PORT: '0',
    API_TOKEN,
    ...opts.env,
  });
  if (opts.telegramDown) await telegram.down();
  if (opts.discordDown) await discord.down();
  const logger = new CaptureLogger();
  const app = await createApp(config, {
    logger,
    startCron: false,
    chatRetry: { firstDelayMs: 100, maxDelayMs: 400 },
  });
  app.attach(
    new TelegramAdapter({ token: telegram.token, apiRoot: telegram.url, logger: app.logger, ...FAST }),
  );
  const dc = createDiscordAdapter(config, app.logger, { rest: { retries: 0, timeout: 2000 } });
  if (dc) app.attach(dc);
  await app.start();

  const healthz = async (): Promise<Health> => {
    const res = await fetch(`${app.httpUrl}/healthz`);
    const text = await res.text();
    return { status: res.status, body: JSON.parse(text) as Health['body'], text };
  };
  return {
    app,
    telegram,
    discord,
    tmdb,
    radarr,
    logger,
    secrets: [telegram.token, discordToken, API_TOKEN, ...Object.values(KEYS)],
    healthz,
    async healthUntil(ok, what, timeoutMs = 4000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const h = await healthz();
        if (ok(h)) return h;
        if (Date.now() > until) throw new Error(`timed out waiting for /healthz: ${what}; last: ${h.text}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async close() {
      await app.stop();
      await Promise.all([telegram, discord, tmdb, sonarr, radarr].map((f) => f.close()));
    },
  };
}

/** The chat entry for `platform` in a /healthz answer. */
export function chatIn(h: Health, platform: string): Record<string, unknown> | undefined {
  return h.body.chats.find((c) => c.platform === platform);
}
