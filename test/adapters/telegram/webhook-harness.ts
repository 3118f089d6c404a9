/**
 * reelbot with TELEGRAM_WEBHOOK_URL set, as `npm start` builds it (config → createTelegramAdapter
 * → App with the HTTP server), against the fake Bot API, TMDb, Radarr and Sonarr. The fake plays
 * Telegram's side of the webhook: the public host bot.example.com leads to the app's HTTP server
 * (what DNS and the reverse proxy do in production), and updates are POSTed there.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createTelegramAdapter } from '../../../adapters/chat/telegram/create-telegram-adapter.js';
import { createApp, type App } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { startFakeRadarr, type FakeRadarr } from '../../fakes/radarr.js';
import { startFakeSonarr, type FakeSonarr } from '../../fakes/sonarr.js';
import { startFakeTelegram, type FakeTelegram } from '../../fakes/telegram.js';
import { startFakeTmdb, type FakeTmdb } from '../../fakes/tmdb.js';
import { CaptureLogger } from '../../helpers/capture-logger.js';
import type { Health } from '../../helpers/two-chats.js';
import { FAST } from './harness.js';

export const PUBLIC_HOST = 'bot.example.com';
export const WEBHOOK_URL = `https://${PUBLIC_HOST}/telegram/hook-4f1c9a`;
export const WEBHOOK_SECRET = 'webhook-secret_0001-A';
const KEYS = { tmdb: 'tmdb-webhook-0001', radarr: 'radarr-webhook-0001', sonarr: 'sonarr-webhook-0001' };
const API_TOKEN = 'webhook-api-token-0001';

export interface WebhookApp {
  telegram: FakeTelegram;
  tmdb: FakeTmdb;
  radarr: FakeRadarr;
  sonarr: FakeSonarr;
  app: App;
  logger: CaptureLogger;
  healthz(): Promise<Health>;
  /** Poll /healthz until `ok` holds. */
  healthUntil(ok: (h: Health) => boolean, what: string, timeoutMs?: number): Promise<Health>;
  /** Stop; check the fake saw nothing the real API would refuse and no log held a secret. */
  close(): Promise<void>;
}

export interface WebhookAppOptions {
  /** Make bot.example.com lead to the app (default true); false: Telegram cannot resolve it yet. */
  routed?: boolean;
  /** Arrange the fake before the app starts (an injected setWebhook failure). */
  prepare?: (telegram: FakeTelegram) => void;
  env?: Record<string, string>;
}

export async function startWebhookApp(opts: WebhookAppOptions = {}): Promise<WebhookApp> {
  const [telegram, tmdb, radarr, sonarr] = await Promise.all([
    startFakeTelegram({ webhookRetryUnitMs: 20 }),
    startFakeTmdb({ apiKey: KEYS.tmdb }),
    startFakeRadarr({ apiKey: KEYS.radarr }),
    startFakeSonarr({ version: 4, apiKey: KEYS.sonarr }),
  ]);
  const config = loadConfig({
    DATA_DIR: mkdtempSync(join(tmpdir(), 'reelbot-webhook-')),
    LOG_LEVEL: 'silent',
    MUSICBRAINZ_ENABLED: 'false',
    TMDB_API_KEY: KEYS.tmdb,
    TMDB_BASE_URL: `${tmdb.url}/3`,
    RADARR_URL: radarr.url,
    RADARR_API_KEY: KEYS.radarr,
    SONARR_URL: sonarr.url,
    SONARR_API_KEY: KEYS.sonarr,
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.url,
    TELEGRAM_WEBHOOK_URL: WEBHOOK_URL,
    TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
    HTTP_PORT: '0',
    API_TOKEN,
    ...opts.env,
  });
  const logger = new CaptureLogger();
  const app = await createApp(config, {
    logger,
    startCron: false,
    chatRetry: { firstDelayMs: 100, maxDelayMs: 400 },
  });
  if (opts.routed ?? true) telegram.webhook.route(PUBLIC_HOST, () => app.httpUrl);
  opts.prepare?.(telegram);
  const adapter = createTelegramAdapter(config, app.logger, FAST);
  if (!adapter) throw new Error('no Telegram adapter for this config');
  app.attach(adapter);
  await app.start();

  const healthz = async (): Promise<Health> => {
    const res = await fetch(`${app.httpUrl}/healthz`);
    const text = await res.text();
    return { status: res.status, body: JSON.parse(text) as Health['body'], text };
  };
  return {
    telegram,
    tmdb,
    radarr,
    sonarr,
    app,
    logger,
    healthz,
    async healthUntil(ok, what, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const h = await healthz();
        if (ok(h)) return h;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${h.text}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async close() {
      await app.stop();
      expect(telegram.violations).toEqual([]);
      const logs = logger.dump();
      for (const secret of [telegram.token, WEBHOOK_SECRET, API_TOKEN]) expect(logs).not.toContain(secret);
      await Promise.all([telegram.close(), tmdb.close(), radarr.close(), sonarr.close()]);
    },
  };
}
