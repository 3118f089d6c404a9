/**
 * Gateway and interaction payloads the fake Discord sends, built from recorded ones
 * (test/fixtures/discord, see SOURCES.md) with ids, users and options swapped in. Fields the
 * recordings predate and discord.js reads (entitlements, context, app_permissions) are added.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

type Json = Record<string, unknown>;

function fixture(name: string): Json {
  return JSON.parse(readFileSync(new URL(`../../fixtures/discord/${name}`, import.meta.url), 'utf8')) as Json;
}

const HELLO = fixture('gateway.hello.json');
const READY = fixture('gateway.ready.json');
const MESSAGE_CREATE = fixture('gateway.message-create.json');
const SLASH = fixture('gateway.interaction-create.slash-command.json');
const BUTTON = fixture('interaction.button-click.json');

const DISCORD_EPOCH = 1420070400000n;
let increment = 0n;

/** A real-looking snowflake for now: discord.js reads an interaction's age from its id. */
export function snowflake(at = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | increment).toString();
}

export function interactionToken(): string {
  return `aW50ZXJhY3Rpb246${randomBytes(24).toString('base64url')}`;
}

export interface FakeUser {
  id: string;
  username: string;
  bot?: boolean;
}

export function apiUser(u: FakeUser): Json {
  return {
    id: u.id,
    username: u.username,
    global_name: u.bot ? null : u.username,
    discriminator: '0',
    avatar: null,
    public_flags: 0,
    ...(u.bot ? { bot: true } : {}),
  };
}

export function apiMember(u: FakeUser, roles: readonly string[]): Json {
  return {
    user: apiUser(u),
    roles: [...roles],
    nick: null,
    avatar: null,
    premium_since: null,
    joined_at: '2024-01-01T00:00:00.000000+00:00',
    pending: false,
    flags: 0,
    deaf: false,
    mute: false,
    permissions: '2248473465835073',
  };
}

export function hello(heartbeatMs: number): Json {
  return { ...structuredClone(HELLO), d: { heartbeat_interval: heartbeatMs } };
}

export function ready(opts: {
  bot: FakeUser;
  /** The guilds on this session's shard. */
  guildIds: readonly string[];
  applicationId: string;
  sessionId: string;
  resumeUrl: string;
  /** IDENTIFY's `shard`, echoed back only when sent (discord-api-docs gateway-events.mdx "Ready Event"). */
  shard: readonly [number, number] | undefined;
}): Json {
  const r = structuredClone(READY);
  r.s = null;
  r.d = {
    ...(r.d as Json),
    v: 10,
    user: { ...apiUser(opts.bot), verified: true, mfa_enabled: false, flags: 0 },
    guilds: opts.guildIds.map((id) => ({ id, unavailable: true })),
    session_id: opts.sessionId,
    resume_gateway_url: opts.resumeUrl,
    application: { id: opts.applicationId, flags: 0 },
    ...(opts.shard ? { shard: [...opts.shard] } : {}),
  };
  if (!opts.shard) delete (r.d as Json).shard;
  return r;
}

export interface FakeGuild {
  id: string;
  name: string;
  ownerId: string;
  channels: Array<{ id: string; name: string }>;
  roles: Array<{ id: string; name: string }>;
}

export function textChannel(guildId: string, c: { id: string; name: string }, position = 0): Json {
  return {
    id: c.id,
    type: 0,
    guild_id: guildId,
    name: c.name,
    position,
    permission_overwrites: [],
    parent_id: null,
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0,
  };
}

export function dmChannel(id: string, recipient: FakeUser): Json {
  return { id, type: 1, last_message_id: null, flags: 0, recipients: [apiUser(recipient)] };
}

/** GUILD_CREATE `d`: one guild with text channels, @everyone (id = guild id) and the given roles. */
export function guildCreate(g: FakeGuild, bot: FakeUser): Json {
  const role = (id: string, name: string, position: number) => ({
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: '2248473465835073',
    managed: false,
    mentionable: false,
    flags: 0,
  });
  return {
    id: g.id,
    name: g.name,
    icon: null,
    owner_id: g.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: 'en-US',
    nsfw_level: 0,
    features: [],
    emojis: [],
    stickers: [],
    roles: [role(g.id, '@everyone', 0), ...g.roles.map((r, i) => role(r.id, r.name, i + 1))],
    joined_at: '2024-01-01T00:00:00.000000+00:00',
    large: false,
    unavailable: false,
    member_count: 3,
    voice_states: [],
    members: [apiMember(bot, [])],
    channels: g.channels.map((c, i) => textChannel(g.id, c, i)),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export interface Where {
  channelId: string;
  /** Absent in a DM. */
  guildId?: string;
  /** The DM channel object, for DMs. */
  dm?: Json;
  guildChannel?: Json;
}

/** The parts every interaction shares: who, where, and the fields discord.js expects. */
function interactionBase(
  base: Json,
  opts: {
    id: string;
    token: string;
    applicationId: string;
    user: FakeUser;
    roles: readonly string[];
    where: Where;
  },
): Json {
  const i = structuredClone(base);
  delete i.member;
  delete i.user;
  Object.assign(i, {
    id: opts.id,
    token: opts.token,
    application_id: opts.applicationId,
    channel_id: opts.where.channelId,
    version: 1,
    app_permissions: '2248473465835073',
    locale: 'en-US',
    entitlements: [],
    attachment_size_limit: 10485760,
  });
  if (opts.where.guildId) {
    Object.assign(i, {
      guild_id: opts.where.guildId,
      guild_locale: 'en-US',
      member: apiMember(opts.user, opts.roles),
      channel: opts.where.guildChannel,
      context: 0,
      authorizing_integration_owners: { '0': opts.where.guildId },
    });
  } else {
    delete i.guild_id;
    Object.assign(i, {
      user: apiUser(opts.user),
      channel: opts.where.dm,
      context: 1,
      authorizing_integration_owners: { '1': opts.user.id },
    });
  }
  return i;
}

export interface CommandOptionValue {
  name: string;
  /** A string, or an attachment id for type 11. */
  value: string;
  /** 3 string (default), 11 attachment. */
  type?: number;
  focused?: boolean;
}

/** INTERACTION_CREATE `d` for a slash command (type 2) or its autocomplete (type 4). */
export function commandInteraction(opts: {
  id: string;
  token: string;
  applicationId: string;
  commandId: string;
  name: string;
  options: CommandOptionValue[];
  user: FakeUser;
  roles: readonly string[];
  where: Where;
  autocomplete?: boolean;
  /** `data.resolved`: the attachments that attachment options refer to. */
  resolved?: Json;
}): Json {
  const i = interactionBase(SLASH.d as Json, opts);
  i.type = opts.autocomplete ? 4 : 2;
  i.data = {
    id: opts.commandId,
    name: opts.name,
    type: 1,
    options: opts.options.map((o) => ({
      name: o.name,
      type: o.type ?? 3,
      value: o.value,
      ...(o.focused ? { focused: true } : {}),
    })),
    ...(opts.resolved ? { resolved: opts.resolved } : {}),
    ...(opts.where.guildId ? { guild_id: opts.where.guildId } : {}),
  };
  return i;
}

/** INTERACTION_CREATE `d` for a button click on `message`. */
export function buttonInteraction(opts: {
  id: string;
  token: string;
  applicationId: string;
  customId: string;
  message: Json;
  user: FakeUser;
  roles: readonly string[];
  where: Where;
}): Json {
  const i = interactionBase(BUTTON, opts);
  i.type = 3;
  i.message = structuredClone(opts.message);
  i.data = { custom_id: opts.customId, component_type: 2 };
  return i;
}

/** MESSAGE_CREATE `d` for a person writing in a channel or DM. */
export function messageCreate(opts: {
  id: string;
  content: string;
  author: FakeUser;
  roles: readonly string[];
  where: Where;
  mentions: FakeUser[];
  attachments?: Json[];
}): Json {
  const m = structuredClone(MESSAGE_CREATE.d as Json);
  Object.assign(m, {
    id: opts.id,
    content: opts.content,
    channel_id: opts.where.channelId,
    author: apiUser(opts.author),
    mentions: opts.mentions.map(apiUser),
    timestamp: new Date().toISOString(),
    nonce: opts.id,
    attachments: opts.attachments ?? [],
    // Newer than the recording; discord.js needs it to build an uncached DM channel.
    channel_type: opts.where.guildId ? 0 : 1,
  });
  if (opts.where.guildId) {
    m.guild_id = opts.where.guildId;
    m.member = { ...(m.member as Json), roles: [...opts.roles], hoisted_role: null };
  } else {
    delete m.guild_id;
    delete m.member;
  }
  return m;
}
