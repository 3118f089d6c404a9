/**
 * Later messages between instances on one PostgreSQL (adapters/store/pg/pg-message-relay.ts):
 * an instance without the person's chat puts the message on the relay, and one that runs that
 * chat sends it, once, at once (NOTIFY), or when it starts. Each "instance" is a PlatformNotifier
 * and a relay with a pool of its own, as a second process would have; the chats are recording
 * doubles of a chat adapter's send. Skipped, with the reason, without PostgreSQL.
 */
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { PlatformNotifier } from '../../../adapters/chat/platform-notifier.js';
import { PgMessageRelay, type RelayTuning } from '../../../adapters/store/pg/pg-message-relay.js';
import { openPgStores } from '../../../adapters/store/pg/pg-stores.js';
import type { Notifier } from '../../../src/core/ports.js';
import type { Platform, Reply, UserRef } from '../../../src/core/types.js';
import { CaptureLogger } from '../../helpers/capture-logger.js';
import { startTestPostgres } from '../../helpers/postgres.js';

const postgres = await startTestPostgres();
if (postgres.why) console.log(`message relay on PostgreSQL: skipped — ${postgres.why}`);

const relays: PgMessageRelay[] = [];
const clients: pg.Client[] = [];
afterEach(async () => {
  for (const r of relays.splice(0)) await r.close();
});
afterAll(async () => {
  for (const c of clients) await c.end();
  await postgres.pg?.stop();
});

/** A fresh schema, migrated as openStores does at start. */
async function freshDatabase(): Promise<string> {
  if (!postgres.pg) throw new Error(postgres.why);
  const url = await postgres.pg.freshUrl();
  await (await openPgStores(url)).close();
  return url;
}

/** psql, as the operator would use it. */
async function sql(url: string, text: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const c = new pg.Client({ connectionString: url });
  clients.push(c);
  await c.connect();
  return c.query(text, params);
}
const left = async (url: string) =>
  (await sql(url, 'SELECT count(*)::int AS n FROM relayed_messages')).rows[0] as { n: number };

/** What a chat adapter's send does, recorded; `fail` makes the next sends throw. */
class RecordingChat implements Notifier {
  readonly sent: { to: UserRef; reply: Reply }[] = [];
  calls = 0;
  fail = 0;
  async send(to: UserRef, reply: Reply): Promise<void> {
    this.calls++;
    if (this.fail > 0) {
      this.fail--;
      throw new Error('chat refused the message');
    }
    this.sent.push({ to, reply });
  }
}

interface Instance {
  notifier: PlatformNotifier;
  logger: CaptureLogger;
}

/** An instance running `chats`, draining the relay from now on; a long interval unless told. */
function instance(
  url: string,
  chats: Partial<Record<Platform, Notifier>>,
  tuning: RelayTuning = {},
): Instance {
  const logger = new CaptureLogger();
  const relay = PgMessageRelay.open(url, logger, { intervalMs: 60_000, ...tuning });
  relays.push(relay);
  const notifier = new PlatformNotifier(logger, relay);
  for (const [p, chat] of Object.entries(chats)) notifier.byPlatform.set(p as Platform, chat);
  notifier.startRelay();
  return { notifier, logger };
}

/** Resolves with the ms it took once `ok()` holds; rejects after `ms`. */
async function until(ok: () => boolean, ms: number): Promise<number> {
  const t0 = Date.now();
  while (!ok()) {
    if (Date.now() - t0 > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return Date.now() - t0;
}
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

const dana: UserRef = { platform: 'discord', userId: '80351110224678912', chatId: '81384788765712384' };
const tom: UserRef = { platform: 'telegram', userId: '4242', chatId: '4242' };
const reply = (text: string): Reply => ({ code: 'media.added', text });

describe.skipIf(postgres.why !== undefined)(
  'GIVEN a Discord instance and a Telegram-only one on one database',
  () => {
    it('WHEN the Telegram one tells a Discord person THEN the Discord one sends it once, at once', async () => {
      const url = await freshDatabase();
      const discord = new RecordingChat();
      const telegram = new RecordingChat();
      instance(url, { discord });
      const b = instance(url, { telegram });
      await pause(300); // both listening

      // U+0000 too: json keeps it, jsonb would refuse it (migrations.ts).
      const message = {
        ...reply('Dune (2021) is added.\u0000'),
        card: { title: 'Dune', kind: 'movie' as const },
      };
      const t0 = Date.now();
      await b.notifier.send(dana, message);
      await until(() => discord.sent.length > 0, 1500);

      // Well under the 60 s interval: the notification woke the Discord instance.
      expect(Date.now() - t0).toBeLessThan(1500);
      await pause(300);
      expect(discord.sent).toEqual([{ to: dana, reply: message }]);
      expect(telegram.sent).toEqual([]);
      expect(await left(url)).toEqual({ n: 0 });
      expect(b.logger.entries.filter((e) => e.level === 'warn')).toEqual([]);

      // A Telegram person is told by the Telegram instance itself, not through the database.
      await b.notifier.send(tom, reply('for Tom'));
      expect(telegram.sent).toEqual([{ to: tom, reply: reply('for Tom') }]);
      expect(await left(url)).toEqual({ n: 0 });
    });

    it('WHEN the Discord one is down as the messages are put THEN it sends them, in order, once it starts', async () => {
      const url = await freshDatabase();
      const b = instance(url, { telegram: new RecordingChat() });
      await b.notifier.send(dana, reply('first'));
      await b.notifier.send(dana, reply('second'));
      expect(await left(url)).toEqual({ n: 2 });

      const discord = new RecordingChat();
      instance(url, { discord });
      await until(() => discord.sent.length >= 2, 1500);
      await pause(200);
      expect(discord.sent.map((m) => m.reply.text)).toEqual(['first', 'second']);
      expect(await left(url)).toEqual({ n: 0 });
    });

    it('WHEN two instances run Discord THEN each of 30 messages is sent once between them', async () => {
      const url = await freshDatabase();
      const one = new RecordingChat();
      const two = new RecordingChat();
      instance(url, { discord: one }, { batch: 3 });
      instance(url, { discord: two }, { batch: 3 });
      const b = instance(url, { telegram: new RecordingChat() });
      await pause(300);

      await Promise.all(Array.from({ length: 30 }, (_, i) => b.notifier.send(dana, reply(`m${i}`))));
      await until(() => one.sent.length + two.sent.length >= 30, 5000);
      await pause(300);

      const texts = [...one.sent, ...two.sent].map((m) => m.reply.text);
      expect(texts).toHaveLength(30);
      expect(new Set(texts).size).toBe(30);
      expect(await left(url)).toEqual({ n: 0 });
    });
  },
);

describe.skipIf(postgres.why !== undefined)('GIVEN messages the relay cannot send', () => {
  it('WHEN the chat refuses once THEN it is sent on the next try; always THEN dropped with a warning', async () => {
    const url = await freshDatabase();
    const discord = new RecordingChat();
    discord.fail = 1;
    const a = instance(url, { discord }, { intervalMs: 30, retryMs: 20, maxAttempts: 3 });
    const b = instance(url, { telegram: new RecordingChat() });

    await b.notifier.send(dana, reply('once refused'));
    await until(() => discord.sent.length > 0, 3000);
    expect(discord.calls).toBe(2);

    discord.fail = Infinity;
    await b.notifier.send(dana, reply('always refused'));
    await until(
      () => a.logger.entries.some((e) => e.msg === 'relayed message dropped after failed sends'),
      5000,
    );
    expect(discord.calls).toBe(2 + 3);
    expect(a.logger.entries.filter((e) => e.level === 'warn')).toMatchObject([
      { obj: { attempts: 3, reason: 'chat refused the message' } },
    ]);
    expect(discord.sent.map((m) => m.reply.text)).toEqual(['once refused']);
    expect(await left(url)).toEqual({ n: 0 });
  });

  it('WHEN a row is not a valid message THEN it is logged and set aside, and the next one still goes', async () => {
    const url = await freshDatabase();
    await sql(url, `INSERT INTO relayed_messages (platform, user_ref, reply) VALUES ('discord', $1, $2)`, [
      JSON.stringify(dana),
      JSON.stringify({ code: 'media.added', text: 5 }),
    ]);
    const b = instance(url, { telegram: new RecordingChat() });
    await b.notifier.send(dana, reply('valid'));

    const discord = new RecordingChat();
    const a = instance(url, { discord }, { batch: 1 });
    await until(() => discord.sent.length > 0, 1500);
    expect(discord.sent.map((m) => m.reply.text)).toEqual(['valid']);
    expect(a.logger.entries.filter((e) => e.level === 'error')).toMatchObject([
      { obj: { table: 'relayed_messages' }, msg: expect.stringContaining('not valid') as unknown },
    ]);
    const { rows } = await sql(url, 'SELECT attempts FROM relayed_messages');
    expect(rows).toEqual([{ attempts: 1 }]);
  });

  it('WHEN a message waited a day THEN it is deleted unsent, with a warning', async () => {
    const url = await freshDatabase();
    const b = instance(url, { telegram: new RecordingChat() });
    await b.notifier.send(dana, reply('stale'));
    await sql(url, `UPDATE relayed_messages SET created_at = now() - interval '25 hours'`);

    const discord = new RecordingChat();
    const a = instance(url, { discord }, { intervalMs: 30 });
    await until(() => a.logger.entries.some((e) => e.msg?.startsWith('relayed messages nobody sent')), 3000);
    expect(discord.calls).toBe(0);
    expect(await left(url)).toEqual({ n: 0 });
  });

  it('WHEN it is for the HTTP API THEN it is dropped at debug, never put on the relay', async () => {
    const url = await freshDatabase();
    const b = instance(url, { telegram: new RecordingChat() });
    await b.notifier.send({ platform: 'http', userId: 'api', chatId: 'api' }, reply('polled'));
    expect(await left(url)).toEqual({ n: 0 });
    expect(b.logger.entries).toMatchObject([
      { level: 'debug', msg: expect.stringContaining('dropped') as unknown },
    ]);
  });
});

describe.skipIf(postgres.why !== undefined)('GIVEN a draining relay', () => {
  it('WHEN its listening session is ended THEN it listens again at the next tick, and messages still arrive', async () => {
    const url = await freshDatabase();
    const discord = new RecordingChat();
    const a = instance(url, { discord }, { intervalMs: 200 });
    const b = instance(url, { telegram: new RecordingChat() });
    await pause(300);
    await sql(
      url,
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'reelbot-relay-listen'`,
    );
    await until(() => a.logger.entries.some((e) => e.msg?.startsWith('relay listener lost')), 2000);
    const listening = `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'reelbot-relay-listen'`;
    for (let i = 0; i < 50 && ((await sql(url, listening)).rows[0] as { n: number }).n !== 1; i++)
      await pause(20);
    expect((await sql(url, listening)).rows[0]).toEqual({ n: 1 });
    await b.notifier.send(dana, reply('after the loss'));
    await until(() => discord.sent.length > 0, 1500);
    expect(discord.sent.map((m) => m.reply.text)).toEqual(['after the loss']);
  });

  it('WHEN it is closed THEN its connections are gone and later puts wake nobody', async () => {
    const url = await freshDatabase();
    const discord = new RecordingChat();
    const logger = new CaptureLogger();
    const relay = PgMessageRelay.open(url, logger, { intervalMs: 60_000 });
    const notifier = new PlatformNotifier(logger, relay);
    notifier.byPlatform.set('discord', discord);
    notifier.startRelay();
    const sessions = async (name: string) => {
      const q = 'SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name LIKE $1';
      return ((await sql(url, q, [name])).rows[0] as { n: number }).n;
    };
    /** The count once it is `n` (a session ends a moment after its client): polled for a second. */
    const settlesAt = async (name: string, n: number) => {
      for (let i = 0; i < 50 && (await sessions(name)) !== n; i++) await pause(20);
      return sessions(name);
    };
    expect(await settlesAt('reelbot-relay-listen', 1)).toBe(1);
    expect(await sessions('reelbot-relay')).toBeGreaterThan(0); // the first drain's, idle in the pool

    await notifier.stopRelay();
    await notifier.close();
    expect(await settlesAt('reelbot-relay%', 0)).toBe(0);
    const b = instance(url, { telegram: new RecordingChat() });
    await b.notifier.send(dana, reply('after close'));
    await pause(300);
    expect(discord.calls).toBe(0);
    expect(await left(url)).toEqual({ n: 1 });
  });
});
