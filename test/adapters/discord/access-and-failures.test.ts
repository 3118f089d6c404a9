/**
 * Who may use the bot, and what happens when a handler fails: the refusal is private, the failure
 * is logged (without tokens), the person hears about it, and the bot keeps answering.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness((fake) => ({
    DISCORD_REQUEST_ROLES: fake.roles.requester,
    DISCORD_ADMIN_ROLES: fake.roles.admin,
    ALLOWED_USERS: `telegram:12345,discord:${fake.users.carol.id}`,
  }));
});
afterAll(() => h.close());

describe('permissions', () => {
  it('GIVEN a member without the role THEN /add is refused ephemerally and the core never hears of it', async () => {
    const i = h.fake.slashCommand('add', { title: 'Dexter' }, { user: h.fake.users.bob });
    const msg = await h.fake.waitFor(() => h.fake.original(i));
    expect(msg).toMatchObject({
      ephemeral: true,
      api: { content: expect.stringContaining('you can’t make requests with this bot') },
    });
    expect(h.core.handled).toEqual([]);
  });

  it('GIVEN the same member THEN /help still works', async () => {
    const i = h.fake.slashCommand('help', {}, { user: h.fake.users.bob });
    await h.fake.waitFor(() => h.fake.original(i));
    expect(h.core.handled.map((m) => m.text)).toEqual(['help']);
    h.core.handled.length = 0;
  });

  it('GIVEN "@bot add" from a member without the role THEN a refusal in the channel, nothing handled', async () => {
    const id = h.fake.say('add Heat', { user: h.fake.users.bob, mention: true });
    const reply = await h.fake.waitFor(() =>
      h.fake
        .channelMessages(h.fake.channels.general)
        .find((m) => (m.api.message_reference as { message_id?: string } | undefined)?.message_id === id),
    );
    expect(reply.api.content).toContain('you can’t make requests with this bot');
    expect(h.core.handled).toEqual([]);
  });

  it('GIVEN autocomplete from a member without the role THEN no suggestions and no search', async () => {
    const a = h.fake.autocomplete('add', { title: 'Dex' }, 'title', { user: h.fake.users.bob });
    await h.fake.waitFor(() => a.autocomplete);
    expect(a.autocomplete).toEqual([]);
    expect(h.core.suggested).toEqual([]);
  });

  it('GIVEN the requester role, the admin role, or a listed user id THEN allowed', async () => {
    const asks = [
      h.fake.slashCommand('add', { title: 'One' }, { user: h.fake.users.alice }),
      h.fake.slashCommand('add', { title: 'Two' }, { user: h.fake.users.bob, roles: [h.fake.roles.admin] }),
      h.fake.slashCommand('add', { title: 'Three' }, { user: h.fake.users.carol, roles: [] }),
    ];
    for (const i of asks) await h.fake.waitFor(() => h.fake.original(i));
    expect(h.core.handled.map((m) => m.text).sort()).toEqual(['add One', 'add Three', 'add Two']);
    expect(h.core.handled.find((m) => m.text === 'add Two')?.user.roles).toEqual([h.fake.roles.admin]);
    expect(h.fake.rejections).toEqual([]);
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
