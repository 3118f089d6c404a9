/**
 * The fake Discord must refuse what Discord refuses, or the stories prove nothing. These tests
 * talk to it directly: a raw gateway client and plain fetch.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { DISCORD_ERRORS, startFakeDiscord, type FakeDiscord } from '../../fakes/discord.js';

let fake: FakeDiscord;
let gateway: WebSocket;
const frames: Array<{ op: number; t?: string; d: Record<string, unknown> }> = [];

beforeAll(async () => {
  fake = await startFakeDiscord({ heartbeatMs: 100 });
});
afterAll(async () => {
  gateway?.close();
  await fake.close();
});
afterEach(() => {
  vi.useRealTimers();
  fake.rejections.length = 0;
});

const api = (path: string, init: RequestInit & { auth?: boolean } = {}) =>
  fetch(`${fake.apiBase}/v10${path}`, {
    ...init,
    headers: {
      'content-type': 'application/json',
      ...(init.auth === false ? {} : { authorization: `Bot ${fake.token}` }),
      ...(init.headers as Record<string, string>),
    },
  });

const callback = (i: { id: string; token: string }, body: unknown) =>
  api(`/interactions/${i.id}/${i.token}/callback`, {
    method: 'POST',
    body: JSON.stringify(body),
    auth: false,
  });

function connect(token: string): Promise<WebSocket> {
  const ws = new WebSocket(fake.gatewayUrl);
  ws.on('message', (raw) => frames.push(JSON.parse(String(raw)) as (typeof frames)[number]));
  return new Promise((resolve) => {
    ws.once('message', () => {
      ws.send(JSON.stringify({ op: 2, d: { token, intents: 1 | (1 << 9) | (1 << 15), properties: {} } }));
      resolve(ws);
    });
  });
}

describe('gateway', () => {
  it('GIVEN a wrong token THEN IDENTIFY is closed with 4004', async () => {
    const ws = await connect('not-the-token');
    const code = await new Promise<number>((r) => ws.once('close', (c: number) => r(c)));
    expect(code).toBe(4004);
  });

  it('GIVEN the token THEN HELLO, READY, GUILD_CREATE, and heartbeats are acknowledged', async () => {
    frames.length = 0;
    gateway = await connect(fake.token);
    await fake.waitFor(() => frames.find((f) => f.t === 'GUILD_CREATE'));
    expect(frames[0]).toMatchObject({ op: 10, d: { heartbeat_interval: 100 } });
    expect(frames.map((f) => f.t).filter(Boolean)).toEqual(['READY', 'GUILD_CREATE']);
    const readyGuilds = frames[1]?.d.guilds as Array<{ id: string }>;
    expect(readyGuilds.map((g) => g.id)).toEqual([fake.guildId]);
    gateway.send(JSON.stringify({ op: 1, d: 2 }));
    await fake.waitFor(() => frames.find((f) => f.op === 11));
  });
});

describe('resume', () => {
  it('GIVEN a dropped connection THEN RESUME replays what was missed, then RESUMED', async () => {
    const ready = frames.find((f) => f.t === 'READY');
    const seq = Math.max(...frames.map((f) => (f as { s?: number }).s ?? 0));
    gateway.terminate();
    const missed = fake.slashCommand('help');
    frames.length = 0;
    gateway = new WebSocket(fake.gatewayUrl);
    gateway.on('message', (raw) => frames.push(JSON.parse(String(raw)) as (typeof frames)[number]));
    await new Promise((r) => gateway.once('open', r));
    gateway.send(JSON.stringify({ op: 6, d: { token: fake.token, session_id: ready?.d.session_id, seq } }));
    await fake.waitFor(() => frames.find((f) => f.t === 'RESUMED'));
    expect(frames.filter((f) => f.op === 0).map((f) => f.t)).toEqual(['INTERACTION_CREATE', 'RESUMED']);
    expect(frames.find((f) => f.t === 'INTERACTION_CREATE')?.d.id).toBe(missed.id);
  });

  it('GIVEN an unknown session THEN INVALID_SESSION', async () => {
    const ws = new WebSocket(fake.gatewayUrl);
    const got: Array<{ op: number }> = [];
    ws.on('message', (raw) => got.push(JSON.parse(String(raw)) as { op: number }));
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ op: 6, d: { token: fake.token, session_id: 'nope', seq: 1 } }));
    await fake.waitFor(() => got.find((f) => f.op === 9));
    ws.close();
  });
});

describe('REST rules', () => {
  it('GIVEN a bot route without the bot token THEN 401', async () => {
    const res = await api('/gateway/bot', { auth: false });
    expect(res.status).toBe(401);
    expect((await api('/gateway/bot')).status).toBe(200);
  });

  it('GIVEN an interaction THEN one valid callback within 3 s is accepted, a second is refused with 40060', async () => {
    const i = fake.slashCommand('help');
    expect((await callback(i, { type: 4, data: { content: 'hi' } })).status).toBe(204);
    const again = await callback(i, { type: 4, data: { content: 'hi' } });
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual(DISCORD_ERRORS.alreadyAcknowledged);
  });

  it('GIVEN a callback after 3 s THEN 404 Unknown interaction (10062)', async () => {
    const i = fake.slashCommand('help');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 3100);
    const res = await callback(i, { type: 5 });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual(DISCORD_ERRORS.unknownInteraction);
  });

  it('GIVEN six action rows, a 101-character custom_id or an 81-character label THEN 400 Invalid Form Body', async () => {
    const button = (id: string, label = 'x') => ({ type: 2, style: 1, custom_id: id, label });
    const bodies = [
      { components: Array.from({ length: 6 }, (_, r) => ({ type: 1, components: [button(`b${r}`)] })) },
      { components: [{ type: 1, components: [button('x'.repeat(101))] }] },
      { components: [{ type: 1, components: [button('ok', 'l'.repeat(81))] }] },
      { components: [{ type: 1, components: Array.from({ length: 6 }, (_, n) => button(`b${n}`)) }] },
      { content: 'c'.repeat(2001) },
      { embeds: Array.from({ length: 11 }, () => ({ title: 't' })) },
    ];
    for (const data of bodies) {
      const res = await callback(fake.slashCommand('help'), { type: 4, data });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 50035 });
    }
  });

  it('GIVEN @original before any callback THEN 404; after a defer THEN the (URL-encoded) edit lands', async () => {
    const i = fake.slashCommand('help');
    const edit = () =>
      api(`/webhooks/${fake.applicationId}/${i.token}/messages/%40original`, {
        method: 'PATCH',
        body: JSON.stringify({ content: 'done' }),
        auth: false,
      });
    expect((await edit()).status).toBe(404);
    expect((await callback(i, { type: 5 })).status).toBe(204);
    expect(fake.original(i)?.api.flags).toBe(128);
    expect((await edit()).status).toBe(200);
    expect(fake.original(i)?.api).toMatchObject({ content: 'done', flags: 0 });
  });

  it('GIVEN an autocomplete THEN only type 8 with at most 25 choices', async () => {
    const a = fake.autocomplete('add', { title: 'Dex' }, 'title');
    expect((await callback(a, { type: 4, data: { content: 'no' } })).status).toBe(400);
    const many = Array.from({ length: 26 }, (_, n) => ({ name: `t${n}`, value: `t${n}` }));
    expect((await callback(a, { type: 8, data: { choices: many } })).status).toBe(400);
    expect((await callback(a, { type: 8, data: { choices: many.slice(0, 25) } })).status).toBe(204);
    expect(a.autocomplete).toHaveLength(25);
  });
});
