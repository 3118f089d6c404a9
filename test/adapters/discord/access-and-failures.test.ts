/**
 * Who may use the bot, and what happens when a handler fails: the core decides who may ask (one
 * rule, src/core/access) and the adapter shows its refusal privately; a failure is logged
 * (without tokens), the person hears about it, and the bot keeps answering.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.core.refused.add(h.fake.users.bob.id);
});
afterAll(() => h.close());

describe('a person the core refuses', () => {
  it('GIVEN /add THEN the core’s refusal is shown ephemerally', async () => {
    const i = h.fake.slashCommand('add', { title: 'Dexter' }, { user: h.fake.users.bob });
    const msg = await h.fake.waitFor(() => h.fake.original(i));
    expect(msg).toMatchObject({
      ephemeral: true,
      api: { content: expect.stringContaining('you can’t make requests with this bot') },
    });
  });

  it('GIVEN /help THEN it still works', async () => {
    const i = h.fake.slashCommand('help', {}, { user: h.fake.users.bob });
    const msg = await h.fake.waitFor(() => h.fake.original(i));
    expect(msg.api.content).toContain('echo: help');
  });

  it('GIVEN "@bot add" THEN the refusal in the channel', async () => {
    const id = h.fake.say('add Heat', { user: h.fake.users.bob, mention: true });
    const reply = await h.fake.waitFor(() =>
      h.fake
        .channelMessages(h.fake.channels.general)
        .find((m) => (m.api.message_reference as { message_id?: string } | undefined)?.message_id === id),
    );
    expect(reply.api.content).toContain('you can’t make requests with this bot');
  });

  it('GIVEN autocomplete THEN no suggestions and no search', async () => {
    const a = h.fake.autocomplete('add', { title: 'Dex' }, 'title', { user: h.fake.users.bob });
    await h.fake.waitFor(() => a.autocomplete);
    expect(a.autocomplete).toEqual([]);
    expect(h.core.suggested).toEqual([]);
  });

  it('GIVEN a subtitle file THEN it is not downloaded for a refused person', async () => {
    const i = h.fake.slashCommand(
      'vocab',
      {
        movie: 'Heat',
        language: 'fr',
        subtitles: { filename: 'heat.srt', content: '1\n00:00:01,000 --> 00:00:02,000\nHi\n' },
      },
      { user: h.fake.users.bob },
    );
    await h.fake.waitFor(() => h.fake.original(i));
    expect(h.fake.callsTo('GET', '/attachments/*')).toEqual([]);
  });
});

describe('failures', () => {
  it('GIVEN the core throws THEN the error is logged with context, the asker gets an apology, and the next command works', async () => {
    h.core.onHandle = (msg) => {
      if (msg.text === 'add Boom') throw new Error('classifier exploded');
      return { code: 'help', text: `echo: ${msg.text}` };
    };
    const i = h.fake.slashCommand('add', { title: 'Boom' });
    const apology = await h.fake.waitFor(() => h.fake.original(i));
    expect(apology).toMatchObject({
      ephemeral: true,
      api: { content: expect.stringContaining('went wrong') },
    });
    const err = h.logger.entries.find((e) => e.level === 'error');
    expect(err).toMatchObject({
      msg: 'discord handler failed',
      obj: { command: 'add', interaction: i.id, err: { message: 'classifier exploded' } },
    });

    const next = h.fake.slashCommand('help');
    expect((await h.fake.waitFor(() => h.fake.original(next))).api.content).toBe('echo: help');
  });

  it('GIVEN Discord answers the reply with a 500 THEN logged, and the bot keeps answering', async () => {
    h.logger.entries.length = 0;
    h.fake.fail({ kind: 'status', status: 500, body: { message: '500: Internal Server Error', code: 0 } }, 1);
    const i = h.fake.slashCommand('help');
    await h.fake.waitFor(() => h.logger.entries.find((e) => e.level === 'error'));
    expect(h.logger.entries.find((e) => e.level === 'error')?.obj).toMatchObject({
      interaction: i.id,
      err: { status: 500 },
    });
    const next = h.fake.slashCommand('help');
    expect((await h.fake.waitFor(() => h.fake.original(next))).api.content).toBe('echo: help');
  });

  it('GIVEN a message handler fails THEN an apology in the channel and the bot keeps answering', async () => {
    h.core.onHandle = (msg) => {
      if (msg.text === 'add Boom') throw new Error('boom');
      return { code: 'help', text: `echo: ${msg.text}` };
    };
    const id = h.fake.say('add Boom', { mention: true });
    const replyTo = (mid: string) => () =>
      h.fake
        .channelMessages(h.fake.channels.general)
        .find((m) => (m.api.message_reference as { message_id?: string } | undefined)?.message_id === mid);
    expect((await h.fake.waitFor(replyTo(id))).api.content).toContain('went wrong');
    const ok = h.fake.say('add Heat', { mention: true });
    expect((await h.fake.waitFor(replyTo(ok))).api.content).toBe('echo: add Heat');
  });

  it('GIVEN the gateway connection drops THEN the client resumes and the next command is answered', async () => {
    const opened = h.fake.connectionsOpened;
    h.fake.dropConnections();
    await h.fake.waitFor(
      () => h.fake.connectionsOpened > opened && h.fake.connectedBots === 1,
      4000,
      'a reconnect',
    );
    const next = h.fake.slashCommand('help');
    expect((await h.fake.waitFor(() => h.fake.original(next), 4000)).api.content).toBe('echo: help');
  });

  it('never logs the bot token or an interaction token', () => {
    const logs = h.logger.dump();
    expect(logs).not.toContain(h.fake.token);
    for (const i of h.fake.interactions.values()) expect(logs).not.toContain(i.token);
    expect(logs).toContain('/***/callback');
  });
});

describe('the window', () => {
  it('GIVEN DEFER_AFTER set beyond the window THEN the adapter still acknowledges before 3 s', async () => {
    const late = await startHarness({}, { deferAfterMs: 60_000 });
    try {
      late.core.onHandle = () =>
        new Promise((r) => setTimeout(() => r({ code: 'help', text: 'done' }), 2600));
      const i = late.fake.slashCommand('help');
      await late.fake.waitFor(() => late.fake.original(i)?.api.content === 'done', 3500);
      expect(i.callbacks).toEqual([expect.objectContaining({ type: 5, status: 204 })]);
      expect((i.ackedAt ?? Infinity) - i.createdAt).toBeLessThan(3000);
      expect(late.fake.rejections).toEqual([]);
    } finally {
      await late.close();
    }
  });
});
