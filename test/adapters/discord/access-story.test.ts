/**
 * Issue 8 over real Discord: the real App behind the real Discord adapter, against the fake
 * Discord, TMDb and Radarr. The core's rule applies to Discord like every chat (here: requests
 * only from one channel, ALLOWED_CHATS, which the adapter's own role check knows nothing about),
 * and an admin listed by id gets approval buttons in a DM and approves from there.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../../adapters/chat/discord/discord-adapter.js';
import { createApp, type App } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { buttonRows, startFakeDiscord, type FakeDiscord, type StoredMessage } from '../../fakes/discord.js';
import { startFakeRadarr, type FakeRadarr } from '../../fakes/radarr.js';
import { startFakeTmdb, type FakeTmdb } from '../../fakes/tmdb.js';
import { CaptureLogger, discordEnv } from './harness.js';

const KEYS = { tmdb: 'tmdb-access-key-0001', radarr: 'radarr-access-key-0001' };

let tmdb: FakeTmdb;
let radarr: FakeRadarr;
let discord: FakeDiscord;
let app: App;

beforeAll(async () => {
  [tmdb, radarr, discord] = await Promise.all([
    startFakeTmdb({ apiKey: KEYS.tmdb }),
    startFakeRadarr({ apiKey: KEYS.radarr }),
    startFakeDiscord(),
  ]);
  const config = loadConfig({
    DATA_DIR: mkdtempSync(join(tmpdir(), 'reelbot-discord-access-')),
    TMDB_API_KEY: KEYS.tmdb,
    TMDB_BASE_URL: `${tmdb.url}/3`,
    RADARR_URL: radarr.url,
    RADARR_API_KEY: KEYS.radarr,
    MUSICBRAINZ_ENABLED: 'false',
    ...discordEnv(discord, {
      ALLOWED_CHATS: `discord:${discord.channels.requests}`,
      ADMIN_USERS: `discord:${discord.users.carol.id}`,
      REQUIRE_APPROVAL: 'true',
    }),
  });
  app = await createApp(config, { logger: new CaptureLogger(), startCron: false });
  const adapter = createDiscordAdapter(config, app.logger, { rest: { retries: 0, timeout: 2000 } });
  if (!adapter) throw new Error('no Discord adapter');
  app.attach(adapter);
  await app.start();
});

afterAll(async () => {
  await app?.stop();
  await Promise.all([tmdb, radarr, discord].map((f) => f?.close()));
});

const content = (m: StoredMessage | undefined) => String(m?.api.content ?? '');
const movieAdds = () => radarr.posted.filter((p) => p.method === 'POST' && p.path === '/api/v3/movie');

describe('access over Discord', () => {
  it('a member outside the allowed channel is refused, with their id, and nothing is stored or searched', async () => {
    const i = discord.slashCommand('add', { title: 'Inception' }, { user: discord.users.bob });
    const refusal = await discord.waitFor(() => discord.original(i), 4000, 'the refusal');
    expect(content(refusal)).toContain('you can’t make requests with this bot');
    expect(content(refusal)).toContain(`discord:${discord.users.bob.id}`);
    await app.core.idle();
    expect(await app.requests.list()).toEqual([]);
    expect(tmdb.calls).toEqual([]);
  });

  it('in the allowed channel the request waits; the admin approves from a DM; Radarr gets it; the asker is told', async () => {
    const channel = discord.channels.requests;
    const i = discord.slashCommand(
      'add',
      { title: 'Inception' },
      { user: discord.users.bob, channelId: channel },
    );
    const waiting = await discord.waitFor(() => discord.original(i), 4000, 'the "waiting" reply');
    expect(content(waiting)).toMatch(/waiting for an admin’s approval/);
    expect(movieAdds()).toEqual([]);

    const dm = discord.dmChannelOf(discord.users.carol);
    const notice = await discord.waitFor(() => discord.channelMessages(dm)[0], 4000, 'the DM to the admin');
    expect(content(notice)).toMatch(/asks for Inception \(2010\) → Radarr/);
    const approve = buttonRows(notice)
      .flat()
      .find((b) => b.label === '✅ Approve');
    if (!approve) throw new Error(`no Approve button in ${JSON.stringify(buttonRows(notice))}`);

    const before = discord.channelMessages(channel).length;
    discord.click(String(notice.api.id), approve.customId, { user: discord.users.carol });
    await discord.waitFor(() => movieAdds()[0], 4000, 'the Radarr POST');
    expect(movieAdds()[0]).toMatchObject({ status: 201, body: { tmdbId: 27205 } });
    const told = await discord.waitFor(
      () => discord.channelMessages(channel)[before],
      4000,
      'the notification',
    );
    expect(content(told)).toMatch(/An admin approved your request/);
    expect(discord.rejections).toEqual([]);
  });
});
