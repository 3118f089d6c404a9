/**
 * Notifications the core sends later (the cron found the media, a job finished) reach the channel
 * or DM the request came from; and the adapter's start and stop.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../../adapters/chat/discord/discord-adapter.js';
import { loadConfig } from '../../../src/config.js';
import type { UserRef } from '../../../src/core/types.js';
import { CaptureLogger, ScriptedCore, discordEnv, sleep, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ DISCORD_GUILD_ID: '' });
});
afterAll(() => h.close());

const inChannel = (h: Harness, chatId: string, userId = h.fake.users.alice.id): UserRef => ({
  platform: 'discord',
  userId,
  chatId,
  name: 'alice',
});

describe('notifications', () => {
  it('GIVEN a request from a guild channel THEN the news goes there, naming (and pinging only) the asker', async () => {
    await h.adapter.send(inChannel(h, h.fake.channels.requests), {
      code: 'media.available',
      text: 'Dexter is ready in Sonarr. Enjoy!',
      card: { title: 'Dexter', year: 2006, kind: 'series', destination: 'Sonarr' },
    });
    const [msg] = h.fake.channelMessages(h.fake.channels.requests);
    expect(msg?.api.content).toBe(`<@${h.fake.users.alice.id}> Dexter is ready in Sonarr. Enjoy!`);
    expect(msg?.api.embeds).toEqual([expect.objectContaining({ title: '📺 Dexter' })]);
    const sent = h.fake.callsTo('POST', `/api/v10/channels/${h.fake.channels.requests}/messages`)[0]?.body;
    expect(sent).toMatchObject({ allowed_mentions: { users: [h.fake.users.alice.id] } });
  });

  it('GIVEN a request from a DM THEN the news goes to that DM, without a mention', async () => {
    const dm = h.fake.dmChannelOf(h.fake.users.alice);
    await h.adapter.send(inChannel(h, dm), {
      code: 'media.available',
      text: 'Heat is ready in Radarr. Enjoy!',
    });
    expect(h.fake.channelMessages(dm).at(-1)?.api.content).toBe('Heat is ready in Radarr. Enjoy!');
  });

  it('GIVEN the channel is gone THEN a DM instead, and a warning', async () => {
    await h.adapter.send(inChannel(h, '404404404404404404'), {
      code: 'media.available',
      text: 'Fargo is ready.',
    });
    const dm = h.fake.dmChannelOf(h.fake.users.alice);
    expect(h.fake.channelMessages(dm).at(-1)?.api.content).toBe('Fargo is ready.');
    expect(h.logger.entries.some((e) => e.level === 'warn' && e.msg?.includes('DM'))).toBe(true);
    h.fake.rejections.length = 0;
  });

  it('GIVEN a private notification THEN a DM, never the shared channel', async () => {
    const before = h.fake.channelMessages(h.fake.channels.general).length;
    await h.adapter.send(inChannel(h, h.fake.channels.general, h.fake.users.bob.id), {
      code: 'media.failedAuth',
      text: 'Only for you.',
      private: true,
    });
    expect(h.fake.channelMessages(h.fake.channels.general)).toHaveLength(before);
    expect(h.fake.channelMessages(h.fake.dmChannelOf(h.fake.users.bob)).at(-1)?.api.content).toBe(
      'Only for you.',
    );
  });

  it('GIVEN progress for a job announced by a notification THEN later progress edits that message', async () => {
    const to = inChannel(h, h.fake.channels.general);
    await h.adapter.send(to, {
      code: 'vocab.enrichProgress',
      text: 'Inception: 10/100',
      progress: { jobKey: 'inception:de' },
    });
    const msg = h.fake.channelMessages(h.fake.channels.general).at(-1);
    await h.adapter.send(to, {
      code: 'vocab.enrichProgress',
      text: 'Inception: 90/100',
      progress: { jobKey: 'inception:de' },
    });
    await h.fake.waitFor(() => msg?.api.content === `<@${to.userId}> Inception: 90/100`);
    expect(h.fake.channelMessages(h.fake.channels.general).at(-1)).toBe(msg);
    expect(h.fake.rejections).toEqual([]);
  });
});

describe('lifecycle', () => {
  it('GIVEN no DISCORD_GUILD_ID THEN the commands are registered globally', () => {
    expect(h.fake.commands.get('global')?.map((c) => c.name)).toEqual(['add', 'vocab', 'requests', 'help']);
    expect(h.fake.commands.has(h.fake.guildId)).toBe(false);
  });

  it('GIVEN a handler in flight THEN stop() lets it answer, then disconnects', async () => {
    const other = await startHarness();
    other.core.onHandle = () => sleep(400).then(() => ({ code: 'help', text: 'finished' }));
    const i = other.fake.slashCommand('help');
    await other.fake.waitFor(() => other.core.handled.length > 0);
    await other.adapter.stop();
    expect(other.fake.original(i)?.api.content).toBe('finished');
    await other.fake.waitFor(() => other.fake.connectedBots === 0, 1000, 'the bot to disconnect');
    await expect(
      other.adapter.send(inChannel(other, other.fake.channels.general), { code: 'help', text: 'late' }),
    ).rejects.toThrow('not running');
    await other.fake.close();
  });

  it('GIVEN a wrong token THEN start() fails with a message that does not contain it', async () => {
    const wrong = 'MTIz.wrong.token-value-0123456789';
    const adapter = createDiscordAdapter(
      loadConfig({ ...discordEnv(h.fake), DISCORD_TOKEN: wrong }),
      new CaptureLogger(),
      {
        rest: { retries: 0, timeout: 2000 },
      },
    );
    const err = await adapter?.start(new ScriptedCore()).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(err?.message).toMatch(/Discord login failed/);
    expect(err?.message).not.toContain(wrong);
    h.fake.rejections.length = 0;
  });

  it('GIVEN no DISCORD_TOKEN THEN no adapter', () => {
    expect(createDiscordAdapter(loadConfig({}), new CaptureLogger())).toBeUndefined();
  });
});
