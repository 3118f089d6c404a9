import { z } from 'zod';
import { commaList, optionalString, urlWithDefault } from './env-helpers.js';

const SHARDS_FORMAT = 'must be a whole number of shards (1 or more) or auto';

export const discordEnv = z.object({
  DISCORD_TOKEN: optionalString(),
  DISCORD_APPLICATION_ID: optionalString(),
  /** Register slash commands in this guild only (instant); global when unset (can take up to an hour). */
  DISCORD_GUILD_ID: optionalString(),
  /** REST root; the gateway URL comes from GET /gateway/bot. */
  DISCORD_API_BASE: urlWithDefault('https://discord.com/api'),
  /**
   * Role ids whose members may request. With none here and no ALLOWED_USERS, everyone may;
   * users listed in ALLOWED_USERS as `discord:<id>` pass whatever their roles.
   */
  DISCORD_REQUEST_ROLES: commaList(),
  /** Role ids whose members may administer (and request); ADMIN_USERS `discord:<id>` pass too. */
  DISCORD_ADMIN_ROLES: commaList(),
  /**
   * Channel ids where a plain "add Dexter" is a command without mentioning the bot. Elsewhere
   * the bot answers only when mentioned, in DMs, and to slash commands.
   */
  DISCORD_CHANNELS: commaList(),
  /**
   * Run discord.js's ShardingManager with this many shard processes, or `auto` for the count
   * Discord recommends (GET /gateway/bot). Unset: one client in this process, no sharding.
   */
  DISCORD_SHARDS: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim().toLowerCase() : undefined),
    z
      .string()
      .regex(/^(auto|[1-9]\d{0,4})$/, { error: SHARDS_FORMAT })
      .transform((v) => (v === 'auto' ? ('auto' as const) : Number(v)))
      .optional(),
  ),
});

export type DiscordEnv = z.infer<typeof discordEnv>;

/** Why more than one shard needs DATABASE_URL; config.ts and the sharding manager both say it. */
export function shardsNeedDatabase(shards: number): string {
  return `${shards} shards run ${shards} reelbot processes, and the file stores in DATA_DIR allow one process per folder: set DATABASE_URL (PostgreSQL) so the shards share requests, choices and jobs, or run one shard`;
}

/** Sharding needs the bot, and more than one shard needs a database every shard can share. */
export function discordCrossChecks(
  env: Record<string, string | undefined>,
): { variable: string; message: string }[] {
  const value = (k: string) => (env[k] ?? '').trim();
  const shards = value('DISCORD_SHARDS');
  if (!shards) return [];
  const problems: { variable: string; message: string }[] = [];
  if (!value('DISCORD_TOKEN'))
    problems.push({ variable: 'DISCORD_SHARDS', message: 'DISCORD_SHARDS is set but DISCORD_TOKEN is not' });
  const count = Number(shards);
  if (Number.isInteger(count) && count > 1 && !value('DATABASE_URL'))
    problems.push({ variable: 'DATABASE_URL', message: shardsNeedDatabase(count) });
  return problems;
}
