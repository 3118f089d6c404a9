/**
 * Instances of reelbot in this process on one PostgreSQL database behind one Telegram webhook
 * URL: the fake Bot API delivers each update to the next instance in turn (a round-robin reverse
 * proxy), and one that is stopped refuses the connection, so Telegram sends it again to another.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTelegramAdapter } from '../../adapters/chat/telegram/create-telegram-adapter.js';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { FAST } from '../adapters/telegram/harness.js';
import { startFakeRadarr, type FakeRadarr } from '../fakes/radarr.js';
import { startFakeSonarr, type FakeSonarr } from '../fakes/sonarr.js';
import { startFakeTelegram, type FakeTelegram } from '../fakes/telegram.js';
import { startFakeTmdb, type FakeTmdb } from '../fakes/tmdb.js';
import { postsPerItem } from './world.js';
import { mediaFakesEnv } from './media-fakes-env.js';

const HOST = 'bot.example.com';
const KEYS = { tmdb: 'tmdb-cluster-0001', radarr: 'radarr-cluster-0001', sonarr: 'sonarr-cluster-0001' };

export interface WebhookCluster {
  telegram: FakeTelegram;
  tmdb: FakeTmdb;
  radarr: FakeRadarr;
  sonarr: FakeSonarr;
  apps: App[];
  /** Resolves once every instance's /healthz shows Telegram connected. */
  connected(timeoutMs?: number): Promise<void>;
  /** POSTs per item (tmdbId or tvdbId) the *arr fakes received. */
  postsPerItem(): Map<string, number>;
  close(): Promise<void>;
}

export async function startWebhookCluster(databaseUrl: string, instances: number): Promise<WebhookCluster> {
  const [telegram, tmdb, radarr, sonarr] = await Promise.all([
    startFakeTelegram({ webhookRetryUnitMs: 20 }),
    startFakeTmdb({ apiKey: KEYS.tmdb }),
    startFakeRadarr({ apiKey: KEYS.radarr }),
    startFakeSonarr({ version: 4, apiKey: KEYS.sonarr }),
  ]);
  const env = {
    LOG_LEVEL: 'silent',
    DECISION_DEADLINE_MS: '1000',
    MUSICBRAINZ_ENABLED: 'false',
    DATABASE_URL: databaseUrl,
    ...mediaFakesEnv({ tmdb, radarr, sonarr }, KEYS),
    TELEGRAM_BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.url,
    TELEGRAM_WEBHOOK_URL: `https://${HOST}/telegram/hook-c1`,
    TELEGRAM_WEBHOOK_SECRET: 'cluster-secret_0001',
    HTTP_PORT: '0',
    API_TOKEN: 'cluster-api-token-0001',
  };
  const apps: App[] = [];
  let turn = 0;
  telegram.webhook.route(HOST, () => apps[turn++ % apps.length]?.httpUrl);
  // Started together: Telegram takes one setWebhook a second (Client.cpp), so the later ones are
  // refused with a 429 and retried after its retry_after by the chat supervisor.
  await Promise.all(
    Array.from({ length: instances }, async (_, k) => {
      const config = loadConfig({ ...env, DATA_DIR: mkdtempSync(join(tmpdir(), `reelbot-cluster${k}-`)) });
      const app = await createApp(config, {
        startCron: false,
        chatRetry: { firstDelayMs: 100, maxDelayMs: 1200 },
      });
      const adapter = createTelegramAdapter(config, app.logger, FAST);
      if (!adapter) throw new Error('no Telegram adapter for this config');
      app.attach(adapter);
      await app.start();
      apps.push(app);
    }),
  );
  return {
    telegram,
    tmdb,
    radarr,
    sonarr,
    apps,
    async connected(timeoutMs = 10_000) {
      const end = Date.now() + timeoutMs;
      for (const app of apps) {
        for (;;) {
          const res = await fetch(`${app.httpUrl}/healthz`);
          const body = (await res.json()) as { chats: { platform: string; state?: string }[] };
          if (body.chats.some((c) => c.platform === 'telegram' && c.state === 'connected')) break;
          if (Date.now() > end) throw new Error(`not connected in time: ${JSON.stringify(body.chats)}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    },
    postsPerItem: () => postsPerItem(radarr, sonarr),
    async close() {
      await Promise.allSettled(apps.map((x) => x.stop()));
      await Promise.all([telegram.close(), tmdb.close(), radarr.close(), sonarr.close()]);
    },
  };
}
