/**
 * The real adapter (discord.js) against the fake Discord, with a scripted core: what reaches the
 * core, and what Discord receives back.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodeChoice } from '../../../src/core/choice-data.js';
import type { Reply } from '../../../src/core/types.js';
import { buttonRows } from '../../fakes/discord.js';
import { sleep, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ DISCORD_CHANNELS: '' });
});
afterAll(() => h.close());
afterEach(() => {
  const refused = h.fake.rejections.splice(0);
  const errors = h.logger.entries.splice(0).filter((e) => e.level === 'error');
  expect(refused).toEqual([]);
  expect(errors).toEqual([]);
  h.core.handled.length = 0;
  h.core.onHandle = (msg) => ({ code: 'help', text: `echo: ${msg.text}` });
});

const pick: Reply = {
  code: 'media.pick',
  text: 'Which one do you mean?',
  choices: {
    token: 'tok0000001',
    options: [
      { label: 'Dexter (2006)', kind: 'series' },
      { label: 'Dexter: New Blood (2021)', kind: 'series' },
      { label: 'Dexter (2023)', kind: 'movie' },
    ],
    noneLabel: 'None of these',
  },
};

describe('start', () => {
  it('registers the four slash commands in the configured guild, over a heartbeating gateway', async () => {
    const cmds = h.fake.commands.get(h.fake.guildId);
    expect(cmds?.map((c) => c.name)).toEqual(['add', 'vocab', 'requests', 'help']);
    expect(h.fake.identify?.intents).toBe(1 | (1 << 9) | (1 << 12) | (1 << 15));
    await h.fake.waitFor(() => h.fake.heartbeats >= 1, 1500, 'a heartbeat');
  });
});

describe('slash commands', () => {
  it('GIVEN /add title kind THEN the core gets "add series Dexter" from the asker, with roles and channel', async () => {
    const i = h.fake.slashCommand('add', { title: 'Dexter', kind: 'series' });
    await h.fake.waitFor(() => h.fake.original(i), 2500, 'the reply');
    expect(h.core.handled).toEqual([
      {
        user: {
          platform: 'discord',
          userId: h.fake.users.alice.id,
          chatId: h.fake.channels.general,
          name: 'alice',
          roles: [h.fake.roles.requester],
        },
        text: 'add series Dexter',
      },
    ]);
    expect(i.callbacks.map((c) => c.type)).toEqual([4]);
  });

  it('GIVEN /vocab THEN "vocab Inception fr B2"', async () => {
    const i = h.fake.slashCommand('vocab', { movie: 'Inception', language: 'fr', level: 'B2' });
    await h.fake.waitFor(() => h.fake.original(i));
    expect(h.core.handled.map((m) => m.text)).toEqual(['vocab Inception fr B2']);
  });

  it('GIVEN a reply with a card THEN an embed with the poster thumbnail and the facts', async () => {
    h.core.onHandle = () => ({
      code: 'media.added',
      text: 'Added Inception to Radarr.',
      card: {
        title: 'Inception',
        year: 2010,
        kind: 'movie',
        confidence: 0.97,
        destination: 'Radarr',
        posterUrl: 'https://image.tmdb.org/t/p/w342/x.jpg',
      },
    });
    const i = h.fake.slashCommand('add', { title: 'Inception' });
    const msg = await h.fake.waitFor(() => h.fake.original(i));
    expect(msg.api.embeds).toEqual([
      expect.objectContaining({
        title: '🎬 Inception',
        thumbnail: { url: 'https://image.tmdb.org/t/p/w342/x.jpg' },
        fields: [
          { name: 'Year', value: '2010', inline: true },
          { name: 'Kind', value: 'Movie', inline: true },
          { name: 'Confidence', value: '97%', inline: true },
          { name: 'Goes to', value: 'Radarr', inline: true },
        ],
      }),
    ]);
    expect(msg.ephemeral).toBe(false);
  });

  it('GIVEN a private reply THEN ephemeral', async () => {
    h.core.onHandle = () => ({ code: 'requests.none', text: 'You have no requests yet.', private: true });
    const i = h.fake.slashCommand('requests');
    const msg = await h.fake.waitFor(() => h.fake.original(i));
    expect(msg.ephemeral).toBe(true);
    expect(msg.api.content).toBe('You have no requests yet.');
  });

  it('GIVEN a reply with a document THEN it arrives as an attachment', async () => {
    h.core.onHandle = () => ({
      code: 'vocab.enrichReady',
      text: 'Inception, French, B2: 120 words.',
      document: {
        filename: 'inception-fr-b2.csv',
        mimeType: 'text/csv',
        content: 'word,level,translation\ndream,B2,rêve\n',
      },
    });
    const i = h.fake.slashCommand('vocab', { movie: 'Inception', language: 'fr', level: 'B2' });
    const msg = await h.fake.waitFor(() => h.fake.original(i));
    expect(msg.files).toEqual([
      { filename: 'inception-fr-b2.csv', content: 'word,level,translation\ndream,B2,rêve\n' },
    ]);
    expect(msg.api.attachments).toEqual([expect.objectContaining({ filename: 'inception-fr-b2.csv' })]);
  });
});

describe('files', () => {
  const srt = '1\n00:00:01,000 --> 00:00:03,000\nDreams feel real while we are in them.\n';

  it('GIVEN /vocab with a subtitle file THEN the core gets its text as the attachment', async () => {
    const i = h.fake.slashCommand('vocab', {
      movie: 'Inception',
      language: 'fr',
      subtitles: { filename: 'inception.srt', content: srt },
    });
    await h.fake.waitFor(() => h.fake.original(i));
    expect(h.core.handled).toEqual([
      expect.objectContaining({
        text: 'vocab Inception fr',
        attachment: { filename: 'inception.srt', content: srt },
      }),
    ]);
  });

  it('GIVEN "@bot vocab …" with a file attached THEN the same', async () => {
    h.fake.say('vocab Inception de', { mention: true, files: [{ filename: 'inception.vtt', content: srt }] });
    await h.fake.waitFor(() => h.core.handled.length > 0);
    expect(h.core.handled[0]?.attachment).toEqual({ filename: 'inception.vtt', content: srt });
  });

  it('GIVEN a file over 5 MB THEN a private "too large" without downloading it or asking the core', async () => {
    const i = h.fake.slashCommand('vocab', {
      movie: 'Inception',
      language: 'fr',
      subtitles: { filename: 'huge.srt', content: 'x', size: 6 * 1024 * 1024 },
    });
    const msg = await h.fake.waitFor(() => h.fake.original(i));
    expect(msg).toMatchObject({
      ephemeral: true,
      api: { content: expect.stringContaining('larger than 5 MB') },
    });
    expect(h.core.handled).toEqual([]);
    expect(h.fake.callsTo('GET', '/attachments/*').filter((c) => c.path.endsWith('huge.srt'))).toEqual([]);
  });
});

describe('buttons', () => {
  it('GIVEN choices THEN button rows; the asker clicks THEN choose(token, index) and the prompt becomes the outcome', async () => {
    h.core.onHandle = () => pick;
    h.core.onChoose = () => ({
      code: 'media.added',
      text: 'Added Dexter to Sonarr.',
      card: { title: 'Dexter', year: 2006, kind: 'series', destination: 'Sonarr' },
    });
    const i = h.fake.slashCommand('add', { title: 'Dexter' });
    const prompt = await h.fake.waitFor(() => h.fake.original(i));
    const rows = buttonRows(prompt);
    expect(rows.map((r) => r.map((b) => b.label))).toEqual([
      ['📺 Dexter (2006)', '📺 Dexter: New Blood (2021)', '🎬 Dexter (2023)'],
      ['None of these'],
    ]);
    const second = rows[0]?.[1]?.customId ?? '';
    expect(decodeChoice(second)).toEqual({ token: 'tok0000001', option: 1 });

    const click = h.fake.click(prompt.api.id as string, second);
    await h.fake.waitFor(() => click.ackType);
    expect(h.core.chosen.at(-1)).toMatchObject({
      token: 'tok0000001',
      option: 1,
      user: { userId: h.fake.users.alice.id },
    });
    expect(click.callbacks.map((c) => c.type)).toEqual([7]);
    expect(prompt.api.content).toBe('Added Dexter to Sonarr.');
    expect(prompt.api.components).toEqual([]);
    expect(prompt.api.embeds).toEqual([expect.objectContaining({ title: '📺 Dexter' })]);
  });

  it('GIVEN someone else clicks THEN an ephemeral refusal and the prompt is untouched', async () => {
    h.core.onHandle = () => pick;
    h.core.onChoose = (user) =>
      user.userId === h.fake.users.alice.id
        ? { code: 'media.added', text: 'Added.' }
        : { code: 'choice.notYours', text: 'These buttons belong to the person who asked.' };
    const i = h.fake.slashCommand('add', { title: 'Dexter' });
    const prompt = await h.fake.waitFor(() => h.fake.original(i));
    const click = h.fake.click(prompt.api.id as string, buttonRows(prompt)[0]?.[0]?.customId ?? '', {
      user: h.fake.users.bob,
    });
    await h.fake.waitFor(() => click.ackType);
    expect(click.callbacks).toEqual([expect.objectContaining({ type: 4, status: 204 })]);
    const refusal = h.fake.original(click);
    expect(refusal).toMatchObject({
      ephemeral: true,
      api: { content: 'These buttons belong to the person who asked.' },
    });
    expect(buttonRows(prompt)).toHaveLength(2);
    expect(prompt.edits).toBe(0);
  });

  it('GIVEN an expired token THEN a clear ephemeral answer', async () => {
    h.core.onHandle = () => pick;
    h.core.onChoose = () => ({
      code: 'choice.expired',
      text: 'Those buttons have expired or were already used.',
    });
    const i = h.fake.slashCommand('add', { title: 'Dexter' });
    const prompt = await h.fake.waitFor(() => h.fake.original(i));
    const click = h.fake.click(prompt.api.id as string, buttonRows(prompt)[1]?.[0]?.customId ?? '');
    await h.fake.waitFor(() => h.fake.original(click));
    expect(h.core.chosen.at(-1)?.option).toBe('none');
    expect(h.fake.original(click)).toMatchObject({
      ephemeral: true,
      api: { content: 'Those buttons have expired or were already used.' },
    });
  });
});

describe('autocomplete', () => {
  it('GIVEN a prefix THEN the core suggestions, with the kind as hint', async () => {
    h.core.onSuggest = () => ['Dexter', 'Dexter: New Blood', 'Dexter', "Dexter's Laboratory"];
    const a = h.fake.autocomplete('add', { title: 'Dex', kind: 'series' }, 'title');
    await h.fake.waitFor(() => a.autocomplete);
    expect(h.core.suggested.at(-1)).toEqual({ prefix: 'Dex', hint: 'series' });
    expect(a.autocomplete).toEqual([
      { name: 'Dexter', value: 'Dexter' },
      { name: 'Dexter: New Blood', value: 'Dexter: New Blood' },
      { name: "Dexter's Laboratory", value: "Dexter's Laboratory" },
    ]);
  });

  it('GIVEN more than 25 suggestions or very long ones THEN trimmed to what Discord accepts', async () => {
    h.core.onSuggest = () => Array.from({ length: 40 }, (_, n) => `${n} ${'Long title '.repeat(12)}`);
    const a = h.fake.autocomplete('vocab', { movie: 'Lon' }, 'movie');
    await h.fake.waitFor(() => a.autocomplete);
    expect(a.autocomplete).toHaveLength(25);
    expect(h.core.suggested.at(-1)).toEqual({ prefix: 'Lon', hint: 'movie' });
  });
});

describe('message commands', () => {
  it('GIVEN "@bot add Inception" in a channel THEN the core gets "add Inception" and the answer replies to it', async () => {
    const before = h.fake.channelMessages(h.fake.channels.general).length;
    const id = h.fake.say('add Inception', { mention: true });
    const reply = await h.fake.waitFor(() => h.fake.channelMessages(h.fake.channels.general)[before]);
    expect(h.core.handled.map((m) => m.text)).toEqual(['add Inception']);
    expect(reply.api).toMatchObject({
      content: 'echo: add Inception',
      type: 19,
      message_reference: { message_id: id },
    });
  });

  it('GIVEN a plain "add" without a mention outside the configured channels THEN silence', async () => {
    h.fake.say('add Inception');
    h.fake.say('<@123456> add Inception');
    const id = h.fake.say('help', { mention: true });
    await h.fake.waitFor(() =>
      h.fake
        .channelMessages(h.fake.channels.general)
        .find((m) => (m.api.message_reference as { message_id?: string } | undefined)?.message_id === id),
    );
    expect(h.core.handled.map((m) => m.text)).toEqual(['help']);
  });

  it('GIVEN a slow answer to a message THEN "typing…" is shown meanwhile', async () => {
    h.core.onHandle = () => sleep(1200).then(() => ({ code: 'help', text: 'slow answer' }));
    const id = h.fake.say('add Dune', { mention: true });
    await h.fake.waitFor(
      () =>
        h.fake
          .channelMessages(h.fake.channels.general)
          .find((m) => (m.api.message_reference as { message_id?: string } | undefined)?.message_id === id),
      3000,
    );
    expect(h.fake.callsTo('POST', `/api/v10/channels/${h.fake.channels.general}/typing`)).toHaveLength(1);
  });

  it('GIVEN a DM THEN no mention is needed and the answer goes to the DM', async () => {
    h.fake.say('add Heat', { dm: true });
    const dm = h.fake.dmChannelOf(h.fake.users.alice);
    const reply = await h.fake.waitFor(() => h.fake.channelMessages(dm)[0]);
    expect(reply.api.content).toBe('echo: add Heat');
    expect(h.core.handled[0]?.user).toMatchObject({ chatId: dm });
    expect(h.core.handled[0]?.user.roles).toBeUndefined();
  });
});
