/**
 * The fake bot's application as its owner set it up in the Developer Portal: which privileged
 * intents are turned on. IDENTIFY enforces them (close 4014) and GET /applications/@me reports
 * them in `flags`, as Discord does.
 */
import { apiUser, type FakeUser } from './payloads.js';

type Json = Record<string, unknown>;

export type PrivilegedIntent = 'GuildMembers' | 'GuildPresences' | 'MessageContent';

// discord-api-types gateway/v10 GatewayIntentBits (the three "privileged" ones).
const INTENT_BITS: Record<PrivilegedIntent, number> = {
  GuildMembers: 1 << 1,
  GuildPresences: 1 << 8,
  MessageContent: 1 << 15,
};

// discord-api-types payloads/v10/application ApplicationFlags: the *Limited flags are what the Bot
// page's toggles set for an app in under 100 servers (a verified app gets the unlimited ones).
const LIMITED_FLAGS: Record<PrivilegedIntent, number> = {
  GuildPresences: 1 << 13,
  GuildMembers: 1 << 15,
  MessageContent: 1 << 19,
};

/**
 * The privileged intents in `intents` the app was not granted. Discord closes the gateway with
 * 4014 when there is any (discord-api-docs docs/topics/Gateway.md "Gateway Restrictions").
 */
export function disallowedIntents(intents: number, granted: readonly PrivilegedIntent[]): PrivilegedIntent[] {
  return (Object.keys(INTENT_BITS) as PrivilegedIntent[]).filter(
    (name) => (intents & INTENT_BITS[name]) !== 0 && !granted.includes(name),
  );
}

/** GET /applications/@me: a PrivateApplicationResponse (discord-api-spec openapi.json). */
export function applicationJson(opts: {
  id: string;
  bot: FakeUser;
  owner: FakeUser;
  granted: readonly PrivilegedIntent[];
}): Json {
  const flags = opts.granted.reduce((f, name) => f | LIMITED_FLAGS[name], 0);
  return {
    id: opts.id,
    name: opts.bot.username,
    icon: null,
    description: '',
    type: null,
    bot: apiUser(opts.bot),
    bot_public: false,
    bot_require_code_grant: false,
    verify_key: '1e0a356058d627ca38a5c8c9648818061d49e49bd9da9e3ab17d98ad4d6b1f02',
    flags,
    flags_new: String(flags),
    redirect_uris: [],
    interactions_endpoint_url: null,
    role_connections_verification_url: null,
    owner: apiUser(opts.owner),
    approximate_guild_count: 1,
    approximate_user_install_count: 0,
    approximate_user_authorization_count: 0,
    explicit_content_filter: 0,
    team: null,
    eligible_oauth2_scopes: [],
  };
}
