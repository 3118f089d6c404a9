/**
 * Test plumbing for the Telegram adapter: a logger that keeps every entry (to find the error a
 * test caused and to prove the token never appears), a Core whose answers a test scripts, and
 * fast limits so a file runs in a couple of seconds against the fake Bot API.
 */
import {
  TelegramAdapter,
  type TelegramAdapterOptions,
} from '../../../adapters/chat/telegram/telegram-adapter.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createApp, type App } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { startFakeSonarr, type FakeSonarr } from '../../fakes/sonarr.js';
import { startFakeTelegram, type FakeTelegram } from '../../fakes/telegram.js';
import { startFakeTmdb, type FakeTmdb } from '../../fakes/tmdb.js';
import { CaptureLogger } from '../../helpers/capture-logger.js';
import { ScriptedCore } from '../../helpers/scripted-core.js';

export { CaptureLogger, ScriptedCore };
export type { LogEntry } from '../../helpers/capture-logger.js';

/** Limits and timings that keep a test file fast; each test overrides what it is about. */
export const FAST: Omit<TelegramAdapterOptions, 'token' | 'apiRoot' | 'logger'> = {
  limits: { globalPerSecond: 1000, perChatIntervalMs: 0, groupPerWindow: 1000, groupWindowMs: 1000 },
  slowAfterMs: 200,
  editIntervalMs: 150,
  answerWithinMs: 300,
  typingEveryMs: 100,
  pollTimeoutSec: 10,
  pollRetryDelayMs: 50,
};

export function adapterFor(
  fake: FakeTelegram,
  logger: CaptureLogger,
  extra: Partial<TelegramAdapterOptions> = {},
): TelegramAdapter {
  return new TelegramAdapter({ token: fake.token, apiRoot: fake.url, logger, ...FAST, ...extra });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface TelegramApp {
  telegram: FakeTelegram;
  tmdb: FakeTmdb;
  sonarr: FakeSonarr;
  app: App;
  logger: CaptureLogger;
  /** Stop the app, check the fake saw nothing the real API would refuse and no log held the token. */
  close(): Promise<void>;
}

/**
 * The real App (config → TMDb and Sonarr adapters → core → lowdb) with the real telegraf, against
 * the fake Bot API, TMDb and Sonarr. The cron is off: a test calls `app.core.processPending()`.
 * `env` adds or overrides settings (access lists, approval).
 */
export async function startTelegramApp(env: Record<string, string> = {}): Promise<TelegramApp> {
  const keys = { tmdb: 'tmdb-test-key-0001', sonarr: 'sonarr-test-key-0001' };
  const [telegram, tmdb, sonarr] = await Promise.all([
    startFakeTelegram(),
    startFakeTmdb({ apiKey: keys.tmdb }),
    startFakeSonarr({ version: 4, apiKey: keys.sonarr }),
  ]);
  const config = loadConfig({
    DATA_DIR: mkdtempSync(join(tmpdir(), 'reelbot-telegram-')),
    LOG_LEVEL: 'silent',
    MUSICBRAINZ_ENABLED: 'false',
    TMDB_API_KEY: keys.tmdb,
    TMDB_BASE_URL: `${tmdb.url}/3`,
    SONARR_URL: sonarr.url,
    SONARR_API_KEY: keys.sonarr,
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.url,
    ...env,
  });
  const logger = new CaptureLogger();
  const app = await createApp(config, { logger, startCron: false });
  app.attach(
    new TelegramAdapter({ token: telegram.token, apiRoot: telegram.url, logger: app.logger, ...FAST }),
  );
  await app.start();
  return {
    telegram,
    tmdb,
    sonarr,
    app,
    logger,
    async close() {
      await app.stop();
      expect(telegram.violations).toEqual([]);
      expect(logger.dump()).not.toContain(telegram.token);
      await Promise.all([telegram.close(), tmdb.close(), sonarr.close()]);
    },
  };
}
