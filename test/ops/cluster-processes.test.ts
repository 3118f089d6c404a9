/**
 * The cluster story of issue 18 with real processes: two `node --import tsx src/main.ts` bots on
 * one PostgreSQL, one fake Telegram delivering its webhook to one public URL that leads to both
 * in turn (DNS plus a round-robin proxy: test/fakes/telegram-webhook.ts `route`), fake TMDb,
 * Radarr (slow), Sonarr, IMSDb and DeepL. 200 people arrive over a few seconds, a third asking
 * for the same film, some for Inception's vocabulary in French or German; once a quarter have
 * been answered, one bot is SIGKILLed. Telegram resends what the dead one does not answer (it
 * refuses connections), the survivor takes it, and its cron (every 2 s) takes up the requests the
 * dead one stored and left. Then: one POST per item, one enrichment job per (movie, language),
 * every person told once. Skipped, with the reason, without PostgreSQL.
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { MediaRequest } from '../../src/core/types.js';
import type { EnrichmentJob } from '../../src/core/vocab/enrichment/types.js';
import { startFakeDeepl } from '../fakes/deepl.js';
import { startFakeImsdb } from '../fakes/imsdb.js';
import { startFakeRadarr } from '../fakes/radarr.js';
import { startFakeSonarr } from '../fakes/sonarr.js';
import { startFakeTelegram, type TgUser } from '../fakes/telegram.js';
import { startFakeTmdb } from '../fakes/tmdb.js';
import { killBotProcesses, startBotProcess, type BotProcess } from '../helpers/bot-process.js';
import { startTestPostgres } from '../helpers/postgres.js';
import { postsPerItem } from '../helpers/world.js';
import { mediaFakesEnv } from '../helpers/media-fakes-env.js';

const postgres = await startTestPostgres();
if (postgres.why) console.log(`cluster of processes: skipped — ${postgres.why}`);
afterAll(async () => {
  await killBotProcesses();
  await postgres.pg?.stop();
});

const HOST = 'bot.example.com';
const KEYS = {
  tmdb: 'tmdb-procs-0001',
  radarr: 'radarr-procs-0001',
  sonarr: 'sonarr-procs-0001',
  deepl: 'deepl-procs-key-0001:fx',
};
const SAME = 'Dune 2021';
const OTHERS = ['Inception', 'The Matrix', 'Blade Runner 2049', 'Breaking Bad', 'Game of Thrones'];
const LANGUAGES = ['French', 'German'];
const PEOPLE = 200;
const WORKING = '⏳ Working on it…';

/** What person `i` says: a third the same film, every seventh of the rest a vocabulary. */
function ask(i: number): { text: string; vocab?: string } {
  if (i % 3 === 0) return { text: `add ${SAME}` };
  if (i % 7 === 0) {
    const language = LANGUAGES[i % 2] as string;
    return { text: `vocab Inception in ${language}`, vocab: language };
  }
  return { text: `add ${OTHERS[i % OTHERS.length] as string}` };
}

/** A message's first line and, for a vocabulary list, its last (where its job's state is). */
function gist(t: string): string {
  const lines = t.split('\n');
  return lines.length > 2 ? `${lines[0]} … ${lines.at(-1)}` : t.slice(0, 60);
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe.skipIf(postgres.why !== undefined)(
  'GIVEN two bot processes on one PostgreSQL behind one webhook',
  () => {
    it('WHEN 200 people ask and one process is killed mid-run THEN one POST per item, one job per (film, language), everyone told once', async () => {
      const [telegram, tmdb, radarr, sonarr, imsdb, deepl] = await Promise.all([
        startFakeTelegram({ webhookRetryUnitMs: 20 }),
        startFakeTmdb({ apiKey: KEYS.tmdb }),
        startFakeRadarr({ apiKey: KEYS.radarr }),
        startFakeSonarr({ version: 4, apiKey: KEYS.sonarr }),
        startFakeImsdb(),
        startFakeDeepl({ apiKey: KEYS.deepl }),
      ]);
      radarr.setLatency(30);
      deepl.setLatency(100);
      const databaseUrl = await postgres.pg!.freshUrl();
      const env = {
        DATABASE_URL: databaseUrl,
        DECISION_DEADLINE_MS: '1000',
        // node-cron's six-field form: every 2 seconds.
        PROCESS_CRON: '*/2 * * * * *',
        // A job the killed bot was running, or an end it had not told, is looked at this often.
        ENRICH_TAKEOVER_SECONDS: '2',
        ...mediaFakesEnv({ tmdb, radarr, sonarr }, KEYS),
        IMSDB_BASE_URL: imsdb.url,
        SCRIPT_TIMEOUT_MS: '5000',
        DEEPL_API_KEY: KEYS.deepl,
        DEEPL_BASE_URL: deepl.url,
        TELEGRAM_BOT_TOKEN: telegram.token,
        TELEGRAM_API_ROOT: telegram.url,
        TELEGRAM_WEBHOOK_URL: `https://${HOST}/telegram/hook-p1`,
        TELEGRAM_WEBHOOK_SECRET: 'procs-secret_0001',
        // STORY_LOGS=1: both bots' logs at debug, printed after the run.
        ...(process.env.STORY_LOGS ? { LOG_LEVEL: 'debug' } : {}),
      };
      const bots: BotProcess[] = [];
      // The proxy: each delivery to the next bot in turn; the killed one refuses the connection.
      let turn = 0;
      telegram.webhook.route(HOST, () => bots[turn++ % bots.length]?.httpUrl);
      try {
        // Started together: the second setWebhook within a second is refused with a 429 and
        // retried after retry_after (Client.cpp process_set_webhook_query; the chat supervisor).
        bots.push(...(await Promise.all([startBotProcess(env), startBotProcess(env)])));
        const [a, b] = bots as [BotProcess, BotProcess];

        const people: TgUser[] = Array.from({ length: PEOPLE }, (_, i) => ({
          id: 7_100_000 + i,
          is_bot: false,
          first_name: `P${i}`,
        }));
        const chats = people.map((p) => telegram.privateChat(p));
        // A reply with a poster is a photo whose caption is the text.
        const texts = (i: number) =>
          telegram.botMessages(chats[i]!.id).map((m) => {
            const { text, caption } = m as { text?: string; caption?: string };
            return text ?? caption ?? '';
          });
        const outcomes = (i: number) => texts(i).filter((t) => t !== WORKING);
        // Told the translations are ready: the list's own message redrawn to say so (the bot that
        // shows it), the list saying so when the job was done before the ask, or a message of its own
        // (vocab.enrichReady, from a bot that does not show that list) — that one at most once.
        const ready = (i: number) =>
          texts(i).some((t) => new RegExp(`Translations (of .+ )?into ${ask(i).vocab} are ready`).test(t));
        const notices = (i: number) =>
          texts(i).filter((t) => t.startsWith(`Translations of Inception into ${ask(i).vocab} are ready`));
        const told = (i: number) => (ask(i).vocab ? ready(i) : outcomes(i).length > 0);
        const toldCount = () => people.filter((_, i) => told(i)).length;

        // They arrive over about five seconds, not all in one instant.
        const arriving = (async () => {
          for (let i = 0; i < PEOPLE; i++) {
            telegram.userSays(people[i]!, chats[i]!, ask(i).text);
            await new Promise((r) => setTimeout(r, 25));
          }
        })();
        await telegram.until(() => toldCount() >= PEOPLE / 4, 'a quarter answered', 20_000);
        await a.kill();
        const killedAt = { told: toldCount(), pending: telegram.pendingUpdates };
        await arriving;
        await telegram
          .until(() => toldCount() === PEOPLE && telegram.pendingUpdates === 0, 'everyone told', 30_000)
          .catch(() => undefined);
        // Time for a second answer, were there one, to arrive.
        await new Promise((r) => setTimeout(r, 2500));

        const untold = people.map((_, i) => i).filter((i) => !told(i));
        const twice = people
          .map((_, i) => i)
          .filter((i) => (ask(i).vocab ? notices(i) : outcomes(i)).length > 1);
        const leftWorking = people.map((_, i) => i).filter((i) => texts(i).includes(WORKING));
        const rows = await query<{ user_key: string; status: string; record: MediaRequest }>(
          databaseUrl,
          'SELECT user_key, status, record FROM requests',
        );
        const requestsOf = (i: number) => rows.filter((r) => r.user_key === `telegram:${people[i]!.id}`);
        const statusOf = (i: number) =>
          requestsOf(i)
            .map((r) => r.status)
            .join('+') || 'not stored';
        // Who moved each of a person's requests where (audit), for those told more than once.
        const steps = (i: number) =>
          requestsOf(i).map((r) => r.record.audit.map((e) => `${e.actor}→${e.to}`).join(' '));
        const undecided = await query<{ id: string; status: string }>(
          databaseUrl,
          "SELECT id, status FROM requests WHERE status IN ('received', 'classified', 'approved')",
        );
        console.log(
          `cluster of processes: killed pid ${a.pid} with ${killedAt.told} told, ${killedAt.pending} updates pending; ` +
            `untold ${untold.length} [${untold.map((i) => `P${i} "${ask(i).text}" ${statusOf(i)} ${JSON.stringify(texts(i).map(gist))}`).join(', ')}]; ` +
            `told more than once ${twice.length} [${twice.map((i) => `P${i}: ${JSON.stringify(texts(i).map(gist))} ${JSON.stringify(steps(i))}`).join('; ')}]; ` +
            `a "Working on it…" left behind ${leftWorking.length}; undecided on the database ${undecided.length}; ` +
            `webhook deliveries ${telegram.webhook.deliveries.length} (refused ${telegram.webhook.deliveries.filter((d) => d.status === 0).length}), ${telegram.pendingUpdates} still pending`,
        );

        const perItem = postsPerItem(radarr, sonarr);
        const jobs = (
          await query<{ record: EnrichmentJob }>(databaseUrl, 'SELECT record FROM enrichment_jobs')
        ).map((r) => r.record);
        const notNotified = jobs.flatMap((j) =>
          j.askers.filter((x) => !x.notified).map((x) => `${j.key} ${x.user.userId}`),
        );
        const words = jobs.reduce((n, j) => n + j.total, 0);
        console.log(
          `cluster of processes: jobs ${jobs.map((j) => `${j.key} ${j.status}, askers ${j.askers.map((x) => `${x.user.userId}:${x.notified}`).join(' ')}`).join('; ')}; ` +
            `DeepL translated ${deepl.translated.length} texts for ${words} words`,
        );
        if (process.env.STORY_LOGS) console.log(`A's log:\n${a.stderr()}\nB's log:\n${b.stderr()}`);

        expect(perItem.size).toBe(1 + OTHERS.length);
        expect([...perItem.values()]).toEqual(Array<number>(perItem.size).fill(1));
        // One job per language, each run to its end; only the batch the kill cut off may go twice.
        expect(jobs.map((j) => `${j.key} ${j.status}`).sort()).toEqual([
          'inception-2010--de ready',
          'inception-2010--fr ready',
        ]);
        expect(deepl.translated.length).toBeLessThanOrEqual(words + 50);
        expect(untold.map((i) => `P${i} ${ask(i).text}`)).toEqual([]);
        expect(twice.map((i) => `P${i} ${JSON.stringify(texts(i).map(gist))}`)).toEqual([]);
        expect(notNotified).toEqual([]);
        expect(undecided).toEqual([]);
        expect(telegram.violations).toEqual([]);
        // The survivor is still well and stops cleanly.
        expect(await b.stop()).toBe(0);
      } finally {
        await killBotProcesses();
        await Promise.all([telegram, tmdb, radarr, sonarr, imsdb, deepl].map((f) => f.close()));
      }
    }, 90_000);
  },
);
