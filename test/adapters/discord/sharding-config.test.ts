/**
 * DISCORD_SHARDS in the configuration: more than one shard needs a database every shard can
 * share, and `auto` is Discord's recommended count, asked of DISCORD_API_BASE at start (and
 * checked against DATABASE_URL then, as it is only known then). The shards themselves:
 * sharding.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { recommendedShardCount } from '../../../adapters/chat/discord/sharding-manager.js';
import { ConfigError, loadConfig } from '../../../src/config.js';
import { runDiscordShards } from '../../../src/discord-sharding.js';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord.js';
import { discordEnv } from './harness.js';

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
};

describe('configuration', () => {
  const bot = { DISCORD_TOKEN: 'a-token', DISCORD_APPLICATION_ID: '1' };

  it('GIVEN DISCORD_SHARDS=2 without DATABASE_URL THEN it is refused, saying why', () => {
    expect(problemsOf({ ...bot, DISCORD_SHARDS: '2' })).toEqual([
      {
        variable: 'DATABASE_URL',
        message: expect.stringMatching(
          /^2 shards run 2 reelbot processes, and the file stores in DATA_DIR allow one process per folder: set DATABASE_URL/,
        ),
      },
    ]);
  });

  it('GIVEN a database, or one shard, or auto THEN it is accepted', () => {
    expect(
      problemsOf({ ...bot, DISCORD_SHARDS: '2', DATABASE_URL: 'postgres://u:p@127.0.0.1/reelbot' }),
    ).toEqual([]);
    expect(loadConfig({ ...bot, DISCORD_SHARDS: '1' }).discord.DISCORD_SHARDS).toBe(1);
    expect(loadConfig({ ...bot, DISCORD_SHARDS: 'auto' }).discord.DISCORD_SHARDS).toBe('auto');
    expect(loadConfig(bot).discord.DISCORD_SHARDS).toBeUndefined();
  });

  it('GIVEN no whole number, or no bot THEN it is refused', () => {
    for (const shards of ['0', 'two', '1.5'])
      expect(problemsOf({ ...bot, DISCORD_SHARDS: shards })).toEqual([
        { variable: 'DISCORD_SHARDS', message: expect.stringContaining('or auto') },
      ]);
    expect(problemsOf({ DISCORD_SHARDS: '1' })).toEqual([
      { variable: 'DISCORD_SHARDS', message: 'DISCORD_SHARDS is set but DISCORD_TOKEN is not' },
    ]);
  });
});

describe('DISCORD_SHARDS=auto', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord({ recommendedShards: 2 });
  });
  afterAll(() => fake.close());

  it("GIVEN Discord recommends 2 THEN auto is 2, asked of DISCORD_API_BASE; a wrong token is an 'auth' failure", async () => {
    expect(await recommendedShardCount(fake.token, fake.apiBase)).toBe(2);
    await expect(recommendedShardCount('not-the-token', fake.apiBase)).rejects.toMatchObject({
      failure: 'auth',
      message: expect.not.stringContaining('not-the-token'),
    });
    fake.rejections.length = 0;
  });

  it('GIVEN auto comes to 2 and no DATABASE_URL THEN npm start stops before any shard, saying why', async () => {
    const said: string[] = [];
    const write = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      said.push(String(chunk));
      return true;
    });
    try {
      const config = loadConfig({ ...discordEnv(fake), DISCORD_SHARDS: 'auto' });
      expect(await runDiscordShards(config)).toBe(1);
    } finally {
      write.mockRestore();
    }
    expect(said.join('')).toMatch(/DATABASE_URL: 2 shards run 2 reelbot processes.*Discord recommends 2/s);
    expect(fake.connectionsOpened).toBe(0);
  });
});
