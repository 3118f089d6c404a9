/**
 * Guild sharding as Discord's gateway does it (discord/discord-api-docs
 * developers/events/gateway.mdx "Sharding"): IDENTIFY's `shard: [shard_id, num_shards]` decides
 * which events a session gets, `shard_id = (guild_id >> 22) % num_shards`, and events without a
 * `guild_id` (DMs) go to shard 0 only. A session that sends no `shard` is [0, 1], which gets all.
 * An impossible pair is closed with 4010 Invalid shard (developers/topics/opcodes-and-status-codes.mdx).
 */
import { snowflake } from './payloads.js';

export type ShardKey = readonly [id: number, count: number];

export const UNSHARDED: ShardKey = [0, 1];

/** The gateway's close code and reason for an invalid `shard` in IDENTIFY. */
export const INVALID_SHARD = { code: 4010, reason: 'Invalid shard.' } as const;

/** The shard of `count` that gets events of `guildId`; 0 for events outside any guild. */
export function shardOf(guildId: string | undefined, count: number): number {
  if (guildId === undefined) return 0;
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/** Whether a session identified with `shard` receives an event carrying `guildId`. */
export function receives(shard: ShardKey, guildId: string | undefined): boolean {
  return shardOf(guildId, shard[1]) === shard[0];
}

/** IDENTIFY's `shard`, [0, 1] when absent, undefined when it is not a valid pair. */
export function identifyShard(raw: unknown): ShardKey | undefined {
  if (raw === undefined || raw === null) return UNSHARDED;
  if (!Array.isArray(raw) || raw.length !== 2) return undefined;
  const [id, count] = raw as unknown[];
  if (!Number.isInteger(id) || !Number.isInteger(count)) return undefined;
  const key = [id as number, count as number] as const;
  return key[0] >= 0 && key[1] >= 1 && key[0] < key[1] ? key : undefined;
}

/** A guild id that lands on shard `id` of `count` (its timestamp part picks the shard). */
export function guildIdOn(id: number, count: number, now = Date.now()): string {
  const sinceEpoch = now - 1420070400000;
  return snowflake(now - ((((sinceEpoch - id) % count) + count) % count));
}

export function sameShard(a: ShardKey, b: ShardKey): boolean {
  return a[0] === b[0] && a[1] === b[1];
}
