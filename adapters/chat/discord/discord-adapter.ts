/**
 * Discord, through discord.js v14: slash commands (with autocomplete), buttons, and plain "add …"
 * messages where the bot is addressed, all turned into the same core calls Telegram makes. This
 * file is the lifecycle: the client, logging in, registering commands, stopping; interactions.ts
 * and message-commands.ts answer, notify.ts sends later replies.
 *
 * Every handler is wrapped (HandlerGuard): one failure is logged and apologised for, never fatal
 * to the client. Nothing logged carries the bot token or an interaction token.
 */
import { Client, Events, Partials, Routes, type GatewayIntentBits } from 'discord.js';
import type { Config } from '../../../src/config.js';
import type { Core } from '../../../src/core/core.js';
import type { Logger } from '../../../src/core/ports.js';
import type { Reply, UserRef } from '../../../src/core/types.js';
import type { ChatAdapter } from '../chat-adapter.js';
import { SLASH_COMMANDS } from './commands.js';
import { loginToGateway } from './gateway-login.js';
import { HandlerGuard, interactionContext } from './handler-guard.js';
import { onInteraction, type InteractionDeps } from './interactions.js';
import { followWith, type Follow } from './job-follow.js';
import { onMessage } from './message-commands.js';
import { sendLater } from './notify.js';
import { ProgressEdits } from './progress-edits.js';
import type { RenderedMessage } from './render.js';
import { describeError, safeText } from './safe-error.js';

/** The Discord shards one process serves (discord-api-docs developers/events/gateway.mdx "Sharding"). */
export interface ShardSet {
  ids: readonly number[];
  /** The bot's total across every process. */
  count: number;
}

export interface DiscordAdapterOptions {
  token: string;
  applicationId: string;
  /** Register commands in this guild only; global otherwise. */
  guildId?: string;
  /** REST root, e.g. https://discord.com/api (discord.js appends /v10). */
  apiBase: string;
  /** Channels where plain "add …" needs no mention. */
  channels: readonly string[];
  /** Only these shards (a ShardingManager's shard process); unset = one client for the whole bot. */
  shards?: ShardSet;
  /** discord.js REST tuning; tests use `{ retries: 0, timeout: 2000 }` so a wrong route fails fast. */
  rest?: { retries?: number; timeout?: number };
  /** Defer an interaction whose answer is not ready after this long (default 1500 ms). */
  deferAfterMs?: number;
  /** Autocomplete answers with nothing rather than miss Discord's deadline (default 2000 ms). */
  suggestTimeoutMs?: number;
  /** Minimum time between two progress edits of one message (default 2000 ms). */
  progressEditIntervalMs?: number;
}

export class DiscordAdapter implements ChatAdapter {
  readonly platform = 'discord' as const;
  private client: Client | undefined;
  private core: Core | undefined;
  private readonly handlers: HandlerGuard;
  private readonly progress: ProgressEdits<RenderedMessage>;
  private readonly follow: Follow;
  private readonly log: Logger;
  private readonly secrets: string[];

  constructor(
    private readonly options: DiscordAdapterOptions,
    logger: Logger,
  ) {
    this.log = logger.child({ module: 'discord' });
    this.secrets = [options.token];
    this.handlers = new HandlerGuard(this.log, (err) => this.describe(err));
    this.progress = new ProgressEdits<RenderedMessage>(options.progressEditIntervalMs ?? 2000, (key, err) =>
      this.log.warn({ key, err: this.describe(err) }, 'progress edit failed; later updates are posted anew'),
    );
    this.follow = followWith(this.progress);
  }

  async start(core: Core): Promise<void> {
    this.core = core;
    this.handlers.start();
    try {
      const { client, messageContent } = await loginToGateway({
        token: this.options.token,
        secrets: this.secrets,
        log: this.log,
        createClient: (intents) => this.createClient(intents),
      });
      // Commands belong to the application, not a shard: one shard registers them for all.
      const shards = this.options.shards;
      if (!shards || shards.ids.includes(0)) await this.registerCommands(client);
      this.log.info(
        {
          user: client.user?.tag,
          guild: this.options.guildId ?? 'global',
          messageContent,
          ...(shards ? { shards: shards.ids, shardCount: shards.count } : {}),
        },
        'discord ready',
      );
    } catch (err) {
      this.client = undefined;
      throw err;
    }
  }

  async stop(): Promise<void> {
    await this.handlers.stop();
    await this.progress.stop();
    const client = this.client;
    this.client = undefined;
    if (client) await client.destroy();
  }

  /** Notifier: a later reply to the channel (or DM) the request came from. */
  async send(to: UserRef, reply: Reply): Promise<void> {
    const client = this.client;
    if (!client?.isReady()) throw new Error('the Discord adapter is not running');
    await sendLater(client, to, reply, { progress: this.progress, warn: this.warn });
  }

  private createClient(intents: GatewayIntentBits[]): Client {
    const shards = this.options.shards;
    const client = new Client({
      intents,
      // DM channels are not cached; without this partial, DMs never reach messageCreate.
      partials: [Partials.Channel],
      rest: { api: this.options.apiBase, ...this.options.rest },
      // Titles are user input echoed back: never let one ping @everyone or a role.
      allowedMentions: { parse: [], repliedUser: false },
      ...(shards ? { shards: [...shards.ids], shardCount: shards.count } : {}),
    });
    this.client = client;
    client.on(Events.Error, (err) => this.log.error({ err: this.describe(err) }, 'discord client error'));
    client.on(Events.ShardError, (err, shardId) =>
      this.log.error({ err: this.describe(err), shardId }, 'discord gateway error'),
    );
    client.on(Events.Warn, (message) =>
      this.log.warn({ message: safeText(message, this.secrets) }, 'discord warning'),
    );
    client.on(Events.InteractionCreate, (interaction) =>
      this.handlers.run(
        interactionContext(interaction),
        () => onInteraction(interaction, this.interactionDeps()),
        interaction,
      ),
    );
    client.on(Events.MessageCreate, (message) =>
      this.handlers.run(
        { message: message.id, channel: message.channelId },
        () =>
          onMessage(message, {
            core: this.requireCore(),
            channels: this.options.channels,
            follow: this.follow,
          }),
        message,
      ),
    );
    return client;
  }

  private interactionDeps(): InteractionDeps {
    return {
      core: this.requireCore(),
      deferAfterMs: this.options.deferAfterMs,
      suggestTimeoutMs: this.options.suggestTimeoutMs ?? 2000,
      follow: this.follow,
      warn: this.warn,
    };
  }

  private async registerCommands(client: Client): Promise<void> {
    const { applicationId, guildId } = this.options;
    const route = guildId
      ? Routes.applicationGuildCommands(applicationId, guildId)
      : Routes.applicationCommands(applicationId);
    try {
      await client.rest.put(route, { body: SLASH_COMMANDS });
    } catch (err) {
      // Message commands still work; an operator reads why slash commands are missing.
      this.log.error(
        { err: this.describe(err), guild: guildId ?? 'global' },
        'registering slash commands failed (check DISCORD_APPLICATION_ID and DISCORD_GUILD_ID)',
      );
    }
  }

  private readonly warn = (fields: Record<string, unknown>, err: unknown, message: string): void =>
    this.log.warn({ ...fields, err: this.describe(err) }, message);

  private describe(err: unknown): Record<string, unknown> {
    return describeError(err, this.secrets);
  }

  private requireCore(): Core {
    if (!this.core) throw new Error('the Discord adapter was not started');
    return this.core;
  }
}

/** The adapter when DISCORD_TOKEN is set, else undefined (the bot then simply has no Discord). */
export function createDiscordAdapter(
  config: Config,
  logger: Logger,
  tuning: Pick<
    DiscordAdapterOptions,
    'rest' | 'deferAfterMs' | 'suggestTimeoutMs' | 'progressEditIntervalMs' | 'shards'
  > = {},
): DiscordAdapter | undefined {
  const d = config.discord;
  if (!d.DISCORD_TOKEN) return undefined;
  if (!d.DISCORD_APPLICATION_ID) throw new Error('DISCORD_APPLICATION_ID is required with DISCORD_TOKEN');
  return new DiscordAdapter(
    {
      token: d.DISCORD_TOKEN,
      applicationId: d.DISCORD_APPLICATION_ID,
      ...(d.DISCORD_GUILD_ID ? { guildId: d.DISCORD_GUILD_ID } : {}),
      apiBase: d.DISCORD_API_BASE,
      channels: d.DISCORD_CHANNELS,
      ...tuning,
    },
    logger,
  );
}
