/**
 * The stories, end to end: the real app (config → core → lowdb → TMDb/Sonarr/Radarr
 * clients) behind the real Discord adapter, against fake TMDb, Sonarr, Radarr and Discord.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordAdapter, type DiscordAdapter } from '../../../adapters/chat/discord/discord-adapter.js';

import { createApp, type App } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { buttonRows, startFakeDiscord, type FakeDiscord, type StoredMessage } from '../../fakes/discord.js';
import { startFakeRadarr, type FakeRadarr } from '../../fakes/radarr.js';
import { startFakeSonarr, type FakeSonarr } from '../../fakes/sonarr.js';
import { startFakeTmdb, type FakeTmdb } from '../../fakes/tmdb.js';
import { CaptureLogger, discordEnv } from './harness.js';

const KEYS = {
  tmdb: 'tmdb-story-key-0001',
  sonarr: 'sonarr-story-key-0001',
  radarr: 'radarr-story-key-0001',
};

let tmdb: FakeTmdb;
let sonarr: FakeSonarr;
let radarr: FakeRadarr;
let discord: FakeDiscord;
let app: App;
let adapter: DiscordAdapter;
const logger = new CaptureLogger();

beforeAll(async () => {
  [tmdb, sonarr, radarr, discord] = await Promise.all([
    startFakeTmdb({ apiKey: KEYS.tmdb }),
    startFakeSonarr({ version: 4, apiKey: KEYS.sonarr }),
    startFakeRadarr({ apiKey: KEYS.radarr }),
    startFakeDiscord(),
  ]);
  const config = loadConfig({
    DATA_DIR: mkdtempSync(join(tmpdir(), 'reelbot-discord-')),
    TMDB_API_KEY: KEYS.tmdb,
    TMDB_BASE_URL: `${tmdb.url}/3`,
    SONARR_URL: sonarr.url,
    SONARR_API_KEY: KEYS.sonarr,
    RADARR_URL: radarr.url,
    RADARR_API_KEY: KEYS.radarr,
    MUSICBRAINZ_ENABLED: 'false',
    // The slow story holds TMDb back 1.7 s a call; the decision must wait for it.
    DECISION_DEADLINE_MS: '8000',
    // Dexter scores about 0.88: ask rather than add, so the story has buttons to click.
    AUTO_MIN_SCORE: '0.95',
    CATALOG_TIMEOUT_MS: '8000',
    ...discordEnv(discord, { DISCORD_REQUEST_ROLES: discord.roles.requester }),
  });
  app = await createApp(config, { logger, startCron: false });
  const a = createDiscordAdapter(config, app.logger, { rest: { retries: 0, timeout: 2000 } });
  if (!a) throw new Error('no Discord adapter');
  adapter = a;
  app.attach(adapter);
  await app.start();
});

afterAll(async () => {
  await app?.stop();
  await Promise.all([tmdb, sonarr, radarr, discord].map((f) => f?.close()));
});

afterEach(() => {
  tmdb.setLatency(0);
  expect(discord.rejections.splice(0)).toEqual([]);
});

const content = (m: StoredMessage | undefined) => String(m?.api.content ?? '');
const replyTo = (id: string) => () =>
  discord
    .channelMessages(discord.channels.general)
    .find((m) => (m.api.message_reference as { message_id?: string } | undefined)?.message_id === id);

describe('Discord stories', () => {
  let prompt: StoredMessage;

  it('/add title:Dexter → buttons for the asker', async () => {
    const i = discord.slashCommand('add', { title: 'Dexter' });
    prompt = await discord.waitFor(() => discord.original(i), 4000, 'the prompt');
    expect(i.ackedAt! - i.createdAt).toBeLessThan(3000);
    const labels = buttonRows(prompt)
      .flat()
      .map((b) => b.label);
    expect(labels).toContain('None of these');
    expect(labels.some((l) => l.startsWith('📺 Dexter'))).toBe(true);
  });

  it('another user clicks → refused privately; the prompt stays for the asker', async () => {
    const first = buttonRows(prompt)[0]?.[0];
    const click = discord.click(String(prompt.api.id), first?.customId ?? '', { user: discord.users.bob });
    const refusal = await discord.waitFor(() => discord.original(click), 3000, 'the refusal');
    expect(refusal.ephemeral).toBe(true);
    expect(content(refusal)).toMatch(/belong to the person who asked/);
    expect(prompt.edits).toBe(0);
    expect(sonarr.posted.filter((p) => p.path.endsWith('/series'))).toEqual([]);
  });

  it('the asker clicks Dexter → Sonarr receives the series → the prompt shows the outcome, buttons gone', async () => {
    const button = buttonRows(prompt)
      .flat()
      .find((b) => /^📺 Dexter \(2006\)/.test(b.label) || b.label === '📺 Dexter');
    if (!button) throw new Error(`no Dexter button in ${JSON.stringify(buttonRows(prompt))}`);
    const click = discord.click(String(prompt.api.id), button.customId);
    await discord.waitFor(
      () => (prompt.api.components as unknown[]).length === 0 && prompt,
      4000,
      'the outcome',
    );
    expect([6, 7]).toContain(click.ackType);
    const added = sonarr.posted.filter((p) => p.method === 'POST' && p.path.endsWith('/series'));
    expect(added).toHaveLength(1);
    expect(added[0]?.body).toMatchObject({ tvdbId: 79349, title: 'Dexter' });
    expect(content(prompt)).toMatch(/Dexter/);
    expect(content(prompt)).toMatch(/Sonarr/);
  });

  it('a slow classification is deferred within 3 s, then edited', async () => {
    tmdb.setLatency(1700);
    const i = discord.slashCommand('add', { title: 'Breaking Bad', kind: 'series' });
    await discord.waitFor(() => i.ackType, 3000, 'the acknowledgement');
    expect(i.callbacks.map((c) => c.type)).toEqual([5]);
    expect(i.ackedAt! - i.createdAt).toBeLessThan(3000);
    const done = await discord.waitFor(
      () => content(discord.original(i)) !== '' && discord.original(i),
      5000,
      'the edit',
    );
    expect(done.api.flags).toBe(0);
    // Added outright or offered as a button, the edit is about the show that was asked for.
    expect(JSON.stringify([done.api.content, done.api.embeds, done.api.components])).toMatch(/Breaking Bad/);
  });

  it('autocomplete returns suggestions', async () => {
    const a = discord.autocomplete('add', { title: 'Dex' }, 'title');
    await discord.waitFor(() => a.autocomplete, 3000, 'suggestions');
    expect(a.ackedAt! - a.createdAt).toBeLessThan(3000);
    expect(a.autocomplete?.map((c) => c.name)).toEqual(
      expect.arrayContaining([expect.stringContaining('Dexter')]),
    );
  });

  it('"@bot add Inception" in a channel works, buttons included', async () => {
    const id = discord.say('add Inception', { mention: true });
    const reply = await discord.waitFor(replyTo(id), 4000, 'the reply');
    const inception = buttonRows(reply)
      .flat()
      .find((b) => b.label.startsWith('🎬 Inception'));
    if (inception) {
      discord.click(String(reply.api.id), inception.customId);
      await discord.waitFor(() => (reply.api.components as unknown[]).length === 0, 4000, 'the outcome');
    }
    expect(content(reply)).toMatch(/Inception/);
    const added = radarr.posted.filter((p) => p.method === 'POST' && p.path.endsWith('/movie'));
    expect(added).toHaveLength(1);
    expect(added[0]?.body).toMatchObject({ tmdbId: 27205 });
  });

  it('a member without the role is refused', async () => {
    const before = (await app.requests.list()).length;
    const i = discord.slashCommand('add', { title: 'Fargo' }, { user: discord.users.bob });
    const refusal = await discord.waitFor(() => discord.original(i));
    expect(refusal).toMatchObject({
      ephemeral: true,
      api: { content: expect.stringContaining('you can’t make requests with this bot') },
    });
    expect(await app.requests.list()).toHaveLength(before);
  });

  it('a handler error is logged and the bot keeps answering', async () => {
    discord.fail(
      { kind: 'status', status: 500, body: { message: '500: Internal Server Error', code: 0 } },
      1,
    );
    const broken = discord.slashCommand('help');
    await discord.waitFor(() =>
      logger.entries.find((e) => e.level === 'error' && e.obj.interaction === broken.id),
    );
    const next = discord.slashCommand('help');
    expect(content(await discord.waitFor(() => discord.original(next)))).toMatch(/add Dexter/);
    expect(logger.dump()).not.toContain(discord.token);
  });

  it('a later notification reaches the channel the request came from', async () => {
    const dexter = (await app.requests.list()).find((r) => r.query.title === 'Dexter' && r.status === 'sent');
    if (dexter?.backendItemId === undefined) throw new Error('Dexter was not sent to Sonarr');
    sonarr.setHasFile(dexter.backendItemId);
    const before = discord.channelMessages(discord.channels.general).length;
    await app.core.processPending();
    const note = await discord.waitFor(
      () => discord.channelMessages(discord.channels.general)[before],
      3000,
      'the notification',
    );
    expect(content(note)).toContain(`<@${discord.users.alice.id}>`);
    expect(content(note)).toMatch(/Dexter/);
  });
});
