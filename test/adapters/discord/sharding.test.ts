/**
 * DISCORD_SHARDS: discord.js's ShardingManager runs one reelbot process per Discord shard, on
 * the PostgreSQL they share (the configuration's part: sharding-config.test.ts). The stories:
 * each shard identifies with its [id, 2] and answers its own guilds (shard 0 the DMs, Telegram
 * and the HTTP API too); shard 0 can tell someone in a guild it does not hold; and the manager
 * starts a shard process again when it exits. The last runs `npm start` for real, as child
 * processes, when a PostgreSQL is at hand (TEST_DATABASE_URL, or one test/helpers/postgres.ts
 * starts here); without one it says why it skipped, and the shard entry is still run here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter, type DiscordAdapter } from '../../../adapters/chat/discord/discord-adapter.js';
import type { App } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { startShardApp } from '../../../src/shard-app.js';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord.js';
import { guildIdOn } from '../../fakes/discord/shards.js';
import { alice as tgAlice, startFakeTelegram, type FakeTelegram } from '../../fakes/telegram.js';
import { startTestPostgres } from '../../helpers/postgres.js';
import { FAST } from '../telegram/harness.js';
import { CaptureLogger, ScriptedCore, discordEnv } from './harness.js';

const tmp = (name: string) => mkdtempSync(join(tmpdir(), `reelbot-shards-${name}-`));

describe('the shard entry, run here as shards [0] and [1] of 2 (guild on shard 1)', () => {
  let fake: FakeDiscord;
  let telegram: FakeTelegram;
  const shards: App[] = [];

  beforeAll(async () => {
    [fake, telegram] = await Promise.all([
      startFakeDiscord({ guildId: guildIdOn(1, 2) }),
      startFakeTelegram(),
    ]);
    for (const id of [0, 1]) {
      // Each its own folder: in one process two file stores stand in for the shared database.
      const config = loadConfig({
        ...discordEnv(fake),
        DATA_DIR: tmp(`in-process-${id}`),
        MUSICBRAINZ_ENABLED: 'false',
        TELEGRAM_BOT_TOKEN: telegram.token,
        TELEGRAM_API_ROOT: telegram.url,
        HTTP_PORT: '0',
        API_TOKEN: 'shard-api-token-0001',
      });
      shards.push(
        await startShardApp(
          config,
          { id, count: 2 },
          {
            logger: new CaptureLogger(),
            startCron: false,
            discord: { rest: { retries: 0, timeout: 2000 } },
            telegram: FAST,
          },
        ),
      );
    }
  }, 30_000);
  afterAll(async () => {
    await Promise.all(shards.map((a) => a.stop()));
    await Promise.all([fake?.close(), telegram?.close()]);
  });

  it('GIVEN both started THEN each identified with its [id, 2], and only shard 0 registered the commands', () => {
    expect(fake.identifies.map((d) => d.shard)).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(fake.connectedBots).toBe(2);
    const puts = fake.callsTo(
      'PUT',
      `/api/v10/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`,
    );
    expect(puts).toHaveLength(1);
  });

  it('GIVEN /help in the guild THEN only shard 1 got it, and it was answered', async () => {
    const i = fake.slashCommand('help');
    expect(fake.shardsThatGot(i.id)).toEqual([[1, 2]]);
    const answer = await fake.waitFor(() => fake.original(i), 5000, 'the /help answer');
    expect(answer.api.content).toMatch(/add/i);
    expect(fake.rejections).toEqual([]);
  });

  it('GIVEN a DM THEN shard 0 got it and answered in the DM', async () => {
    const dm = fake.dmChannelOf(fake.users.alice);
    const id = fake.say('help', { dm: true });
    expect(fake.shardsThatGot(id)).toEqual([[0, 2]]);
    await fake.waitFor(() => fake.channelMessages(dm)[0], 5000, 'the answer in the DM');
  });

  it('GIVEN Telegram and HTTP_PORT THEN shard 0 serves both and shard 1 neither', async () => {
    const [zero, one] = shards;
    expect(one?.httpUrl).toBeUndefined();
    const health = (await (await fetch(`${zero?.httpUrl}/healthz`)).json()) as {
      chats: { platform: string }[];
    };
    expect(health.chats.map((c) => c.platform).sort()).toEqual(['discord', 'telegram']);
    const chat = telegram.privateChat(tgAlice);
    telegram.userSays(tgAlice, chat, 'help');
    await telegram.until(() => telegram.botMessages(chat.id)[0], 'the Telegram answer', 5000);
  });
});

describe('shard 0 notifying someone whose guild is on shard 1', () => {
  let fake: FakeDiscord;
  let adapter: DiscordAdapter | undefined;
  const logger = new CaptureLogger();
  beforeAll(async () => {
    fake = await startFakeDiscord({ guildId: guildIdOn(1, 2) });
    adapter = createDiscordAdapter(loadConfig(discordEnv(fake)), logger, {
      rest: { retries: 0, timeout: 2000 },
      progressEditIntervalMs: 200,
      shards: { ids: [0], count: 2 },
    });
    await adapter?.start(new ScriptedCore());
  });
  afterAll(async () => {
    await adapter?.stop();
    await fake.close();
  });

  it('GIVEN the cron (shard 0) has news for alice in #requests THEN it goes to #requests, naming her, not to a DM', async () => {
    const alice = fake.users.alice;
    await adapter?.send(
      { platform: 'discord', userId: alice.id, chatId: fake.channels.requests, name: 'alice' },
      { code: 'media.available', text: 'Dune is ready in Radarr. Enjoy!' },
    );
    expect(fake.channelMessages(fake.dmChannelOf(alice))).toEqual([]);
    expect(fake.channelMessages(fake.channels.requests).map((m) => m.api.content)).toEqual([
      `<@${alice.id}> Dune is ready in Radarr. Enjoy!`,
    ]);
  });

  it("GIVEN a job's progress there THEN later progress edits that message", async () => {
    const to = { platform: 'discord' as const, userId: fake.users.alice.id, chatId: fake.channels.general };
    const progress = { jobKey: 'dune:fr' };
    await adapter?.send(to, { code: 'vocab.enrichProgress', text: 'Dune: 10/100', progress });
    const [msg] = fake.channelMessages(fake.channels.general);
    await adapter?.send(to, { code: 'vocab.enrichProgress', text: 'Dune: 90/100', progress });
    await fake.waitFor(() => msg?.api.content === `<@${to.userId}> Dune: 90/100`, 5000, 'the edit');
    expect(fake.channelMessages(fake.channels.general)).toHaveLength(1);
    expect(fake.rejections).toEqual([]);
    expect(logger.entries.filter((e) => e.level === 'warn')).toEqual([]);
  });
});

const database = await startTestPostgres();
if (!database.pg)
  console.log(
    `sharding: the multi-process story skipped — ${database.why}; the shard entry ran in this process instead.`,
  );

describe.skipIf(!database.pg)('npm start with DISCORD_SHARDS=2 on PostgreSQL (child processes)', () => {
  const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
  const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  let fake: FakeDiscord;
  let manager: ChildProcess;
  const lines: Array<Record<string, unknown>> = [];
  const started = (shard: number) =>
    lines
      .filter((l) => l.msg === 'discord shard process started' && l.shard === shard)
      .map((l) => Number(l.shardPid));

  beforeAll(async () => {
    fake = await startFakeDiscord({ guildId: guildIdOn(1, 2) });
    const dir = tmp('processes');
    writeFileSync(join(dir, 'empty.env'), '');
    manager = spawn(process.execPath, ['--import', TSX, 'src/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        ENV_FILE: join(dir, 'empty.env'),
        DATA_DIR: join(dir, 'data'),
        DATABASE_URL: await database.pg?.freshUrl(),
        MUSICBRAINZ_ENABLED: 'false',
        ...discordEnv(fake),
        // The manager logs each shard's pid at info.
        LOG_LEVEL: 'info',
        DISCORD_SHARDS: '2',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let rest = '';
    manager.stderr?.on('data', (b: Buffer) => {
      const parts = (rest + b.toString()).split('\n');
      rest = parts.pop() ?? '';
      for (const p of parts) if (p.startsWith('{')) lines.push(JSON.parse(p) as Record<string, unknown>);
    });
    // The manager starts shard 1 5.5 s after shard 0 (one IDENTIFY per 5 s), and each loads the app.
    await fake.waitFor(() => fake.connectedBots === 2 && fake.commands.size > 0, 60_000, 'both shards');
  }, 90_000);
  afterAll(async () => {
    if (manager?.exitCode === null) {
      manager.kill('SIGKILL');
      await once(manager, 'exit');
    }
    await fake?.close();
    await database.pg?.stop();
  });

  it('GIVEN two shards THEN each process identified with its [id, 2]', () => {
    expect(fake.identifiesFor([0, 2])).toHaveLength(1);
    expect(fake.identifiesFor([1, 2])).toHaveLength(1);
    expect(started(0)).toHaveLength(1);
    expect(started(1)).toHaveLength(1);
  });

  it('GIVEN /help in the guild on shard 1 and a DM THEN shard 1 answers the one, shard 0 the other', async () => {
    const i = fake.slashCommand('help');
    expect(fake.shardsThatGot(i.id)).toEqual([[1, 2]]);
    await fake.waitFor(() => fake.original(i), 10_000, 'the /help answer');
    const id = fake.say('help', { dm: true });
    expect(fake.shardsThatGot(id)).toEqual([[0, 2]]);
    await fake.waitFor(
      () => fake.channelMessages(fake.dmChannelOf(fake.users.alice))[0],
      10_000,
      'the DM answer',
    );
  });

  it("GIVEN shard 1's process dies THEN the manager starts it again, and it answers", async () => {
    const [first] = started(1);
    process.kill(first ?? 0, 'SIGKILL');
    await fake.waitFor(
      () => fake.identifiesFor([1, 2]).length === 2 && fake.connectedBots === 2,
      45_000,
      'shard 1 again',
    );
    expect(started(1)).toEqual([first, expect.any(Number)]);
    expect(
      lines.some((l) => l.shard === 1 && l.signal === 'SIGKILL' && /starting it again/.test(String(l.msg))),
    ).toBe(true);
    const i = fake.slashCommand('help');
    await fake.waitFor(() => fake.original(i), 10_000, 'the /help answer from the new shard 1');
  }, 60_000);

  it('GIVEN SIGTERM THEN every shard stops and the manager exits 0', async () => {
    manager.kill('SIGTERM');
    const [code] = (await once(manager, 'exit')) as [number | null];
    expect(code).toBe(0);
    await fake.waitFor(() => fake.connectedBots === 0, 5000, 'the shards to disconnect');
  }, 30_000);
});
