/**
 * The fake Discord shards as the gateway does (discord-api-docs developers/events/gateway.mdx
 * "Sharding"), or the sharding stories prove nothing: IDENTIFY's `shard` picks the session's
 * guilds by `(guild_id >> 22) % num_shards`, READY echoes the pair, DMs go to shard 0 only, an
 * impossible pair is closed with 4010, and GET /gateway/bot recommends a count.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discord.js';
import { guildIdOn, shardOf } from '../../fakes/discord/shards.js';

type Frame = { op: number; t?: string; d: Record<string, unknown> };

let fake: FakeDiscord;
const open: WebSocket[] = [];

beforeAll(async () => {
  fake = await startFakeDiscord({ guildId: guildIdOn(1, 2), recommendedShards: 2 });
});
afterAll(async () => {
  for (const ws of open) ws.close();
  await fake.close();
});

/** A raw gateway client that identifies with `shard` (or none) and keeps every frame. */
function identify(shard: unknown): { ws: WebSocket; frames: Frame[] } {
  const ws = new WebSocket(fake.gatewayUrl);
  open.push(ws);
  const frames: Frame[] = [];
  ws.on('message', (raw) => frames.push(JSON.parse(String(raw)) as Frame));
  ws.once('message', () => {
    const d = { token: fake.token, intents: 1 | (1 << 9) | (1 << 12) | (1 << 15), properties: {} };
    ws.send(JSON.stringify({ op: 2, d: shard === undefined ? d : { ...d, shard } }));
  });
  return { ws, frames };
}

const dispatched = (frames: Frame[]) => frames.filter((f) => f.op === 0).map((f) => f.t);

describe('the fake gateway shards by guild', () => {
  it('GIVEN a guild id THEN its shard is (id >> 22) % count, as the docs compute it', () => {
    // serenity's docs (utils::shard_id) work one through: guild 81384788765712384 of 17 shards is on 7.
    expect(shardOf('81384788765712384', 17)).toBe(7);
    expect(shardOf(guildIdOn(1, 2), 2)).toBe(1);
    expect(shardOf(undefined, 4)).toBe(0);
  });

  it('GIVEN shards [0, 2] and [1, 2] THEN READY echoes each pair and only shard 1 gets the guild', async () => {
    const zero = identify([0, 2]);
    const one = identify([1, 2]);
    await fake.waitFor(() => one.frames.find((f) => f.t === 'GUILD_CREATE'), 2500, 'GUILD_CREATE on shard 1');
    const ready = (frames: Frame[]) => frames.find((f) => f.t === 'READY')?.d;
    expect(ready(zero.frames)).toMatchObject({ shard: [0, 2], guilds: [] });
    expect(ready(one.frames)).toMatchObject({
      shard: [1, 2],
      guilds: [{ id: fake.guildId, unavailable: true }],
    });
    expect(dispatched(zero.frames)).toEqual(['READY']);
    expect(fake.identifies.map((d) => d.shard)).toEqual([
      [0, 2],
      [1, 2],
    ]);
  });

  it("GIVEN a slash command in the guild and a DM THEN the guild's goes to shard 1, the DM's to shard 0", async () => {
    const inGuild = fake.slashCommand('help');
    const inDm = fake.say('add Dune', { dm: true });
    expect(fake.shardsThatGot(inGuild.id)).toEqual([[1, 2]]);
    expect(fake.shardsThatGot(inDm)).toEqual([[0, 2]]);
  });

  it('GIVEN an impossible shard THEN IDENTIFY is closed with 4010 Invalid shard', async () => {
    for (const shard of [[2, 2], [0, 0], [-1, 2], [0.5, 2], [1]]) {
      const { ws } = identify(shard);
      const code = await new Promise<number>((r) => ws.once('close', (c: number) => r(c)));
      expect(code, JSON.stringify(shard)).toBe(4010);
    }
  });

  it('GIVEN no shard in IDENTIFY THEN the session is [0, 1] and READY carries no shard', async () => {
    const plain = identify(undefined);
    await fake.waitFor(() => plain.frames.find((f) => f.t === 'GUILD_CREATE'), 2500, 'GUILD_CREATE');
    expect(plain.frames.find((f) => f.t === 'READY')?.d).not.toHaveProperty('shard');
  });

  it('GIVEN GET /gateway/bot THEN `shards` is the recommended count', async () => {
    const res = await fetch(`${fake.apiBase}/v10/gateway/bot`, {
      headers: { authorization: `Bot ${fake.token}` },
    });
    expect(await res.json()).toMatchObject({ shards: 2, session_start_limit: { max_concurrency: 1 } });
  });
});
