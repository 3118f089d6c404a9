/**
 * The cluster story of issue 18: two reelbot instances on one PostgreSQL behind one webhook URL
 * (a round-robin proxy in front of their HTTP servers), one fake Telegram delivering to it, one
 * TMDb, Radarr and Sonarr. 200 people each ask once, a third of them for the same film; one
 * instance is stopped abruptly mid-run. Telegram resends what the stopped one never answered
 * (test/fakes/telegram-webhook.ts, WebhookActor), and the other instance takes it. Then: one POST
 * per item, every person told once. Skipped, with the reason, without PostgreSQL.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTelegramAdapter } from '../../adapters/chat/telegram/telegram-adapter.js';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { startFakeRadarr } from '../fakes/radarr.js';
import { startFakeSonarr } from '../fakes/sonarr.js';
import { startFakeTelegram, type TgUser } from '../fakes/telegram.js';
import { startFakeTmdb } from '../fakes/tmdb.js';
import { FAST } from '../adapters/telegram/harness.js';
import { startTestPostgres } from '../helpers/postgres.js';
import { postsTo } from '../helpers/world.js';

const postgres = await startTestPostgres();
if (postgres.why) console.log(`cluster story: skipped — ${postgres.why}`);
afterAll(() => postgres.pg?.stop());

const HOST = 'bot.example.com';
const KEYS = { tmdb: 'tmdb-cluster-0001', radarr: 'radarr-cluster-0001', sonarr: 'sonarr-cluster-0001' };
const SAME = 'Dune 2021';
const OTHERS = ['Inception', 'The Matrix', 'Blade Runner 2049', 'Breaking Bad', 'Game of Thrones'];
const PEOPLE = 200;

describe.skipIf(postgres.why !== undefined)(
  'GIVEN two instances on one PostgreSQL behind one webhook',
  () => {
    it('WHEN 200 people ask and one instance stops mid-run THEN one POST per item and everyone is told once', async () => {
      const [telegram, tmdb, radarr, sonarr] = await Promise.all([
        startFakeTelegram({ webhookRetryUnitMs: 20 }),
        startFakeTmdb({ apiKey: KEYS.tmdb }),
        startFakeRadarr({ apiKey: KEYS.radarr }),
        startFakeSonarr({ version: 4, apiKey: KEYS.sonarr }),
      ]);
      radarr.setLatency(30);
      const databaseUrl = await postgres.pg!.freshUrl();
      const env = {
        LOG_LEVEL: 'silent',
        DECISION_DEADLINE_MS: '1000',
        MUSICBRAINZ_ENABLED: 'false',
        DATABASE_URL: databaseUrl,
        TMDB_API_KEY: KEYS.tmdb,
        TMDB_BASE_URL: `${tmdb.url}/3`,
        RADARR_URL: radarr.url,
        RADARR_API_KEY: KEYS.radarr,
        SONARR_URL: sonarr.url,
        SONARR_API_KEY: KEYS.sonarr,
        TELEGRAM_BOT_TOKEN: telegram.token,
        TELEGRAM_API_ROOT: telegram.url,
        TELEGRAM_WEBHOOK_URL: `https://${HOST}/telegram/hook-c1`,
        TELEGRAM_WEBHOOK_SECRET: 'cluster-secret_0001',
        HTTP_PORT: '0',
        API_TOKEN: 'cluster-api-token-0001',
      };
      const apps: App[] = [];
      // The proxy: each delivery to the next instance in turn; a stopped one refuses the connection.
      let turn = 0;
      telegram.webhook.route(HOST, () => apps[turn++ % apps.length]?.httpUrl);
      for (let k = 0; k < 2; k++) {
        // Back to back: Telegram takes one setWebhook a second (Client.cpp), so the second is
        // refused with a 429 and its chat supervisor tries again after retry_after.
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
      }
      const [a, b] = apps as [App, App];
      try {
        const people: TgUser[] = Array.from({ length: PEOPLE }, (_, i) => ({
          id: 7_000_000 + i,
          is_bot: false,
          first_name: `P${i}`,
        }));
        const chats = people.map((p) => telegram.privateChat(p));
        const told = () => chats.filter((c) => telegram.botMessages(c.id).length > 0).length;

        people.forEach((p, i) =>
          telegram.userSays(p, chats[i]!, `add ${i % 3 === 0 ? SAME : OTHERS[i % OTHERS.length]}`),
        );
        await telegram.until(() => told() >= PEOPLE / 4, 'a quarter answered', 10_000);
        // Abruptly: not awaited, while deliveries to it are in flight.
        const stopping = a.stop();
        await telegram.until(
          () => told() === PEOPLE && telegram.pendingUpdates === 0,
          'everyone answered',
          15_000,
        );
        await stopping;
        // What the stopped bot had taken and not finished is on the database; the other bot's cron
        // takes it up once it has waited twice the decision deadline (process-pending.ts).
        await new Promise((r) => setTimeout(r, 2100));
        await b.core.processPending();
        await b.core.idle();
        await telegram.until(
          () => chats.every((c) => telegram.botMessages(c.id).length > 0),
          "everyone told, the stopped bot's people by the cron",
          10_000,
        );

        const perItem = new Map<string, number>();
        for (const body of [...postsTo(radarr, '/api/v3/movie'), ...postsTo(sonarr, '/api/v3/series')]) {
          const id = String(body.tmdbId ?? body.tvdbId);
          perItem.set(id, (perItem.get(id) ?? 0) + 1);
        }
        expect(perItem.size).toBe(1 + OTHERS.length);
        expect([...perItem.values()]).toEqual(Array<number>(perItem.size).fill(1));
        const messagesPerPerson = chats.map((c) => telegram.botMessages(c.id).length);
        expect(messagesPerPerson.filter((n) => n !== 1)).toEqual([]);
        expect(telegram.violations).toEqual([]);
      } finally {
        await Promise.allSettled(apps.map((x) => x.stop()));
        await Promise.all([telegram.close(), tmdb.close(), radarr.close(), sonarr.close()]);
      }
    }, 40_000);
  },
);
