/**
 * Discord, through discord.js v14: slash commands (with autocomplete), buttons, and plain "add …"
 * messages where the bot is addressed, all turned into the same core calls Telegram makes.
 *
 * Three things shape this file. Every interaction is answered within Discord's 3 seconds (reply
 * at once when the core is quick, else defer and edit). Every handler is wrapped: one failure is
 * logged and apologised for, never fatal to the client. And nothing logged carries the bot token
 * or an interaction token.
 */
import {
  Client,
  Events,
  MessageFlags,
  Partials,
  Routes,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type GatewayIntentBits,
  type Interaction,
  type Message,
  type SendableChannels,
} from 'discord.js';
import type { Config } from '../../../src/config.js';
import { decodeChoice } from '../../../src/core/choice-data.js';
import type { Core } from '../../../src/core/core.js';
import { say } from '../../../src/core/messages.js';
import type { Logger } from '../../../src/core/ports.js';
import type { IncomingMessage, Reply, UserRef } from '../../../src/core/types.js';
import { isBrowseData } from '../../../src/core/vocab/browser/payload.js';
import type { ChatAdapter } from '../chat-adapter.js';
import { answerInTime } from './answer-in-time.js';
import { answerAutocomplete } from './autocomplete.js';
import { downloadText, tooLarge, type DiscordFile } from './attachments.js';
import { SLASH_COMMANDS, commandText } from './commands.js';
import { loginToGateway } from './gateway-login.js';
import { deferAfter, HandlerGuard, interactionContext } from './handler-guard.js';
import { ProgressEdits } from './progress-edits.js';
import { LIMITS, renderReply, truncate, type RenderedMessage } from './render.js';
import { describeError, safeText } from './safe-error.js';
import { addressedText, userFromInteraction, userFromMessage } from './to-incoming.js';
import { answerBrowse } from './vocab-browser.js';

export interface DiscordAdapterOptions {
  token: string;
  applicationId: string;
  /** Register commands in this guild only; global otherwise. */
  guildId?: string;
  /** REST root, e.g. https://discord.com/api (discord.js appends /v10). */
  apiBase: string;
  /** Channels where plain "add …" needs no mention. */
  channels: readonly string[];
  /** discord.js REST tuning; tests use `{ retries: 0, timeout: 2000 }` so a wrong route fails fast. */
  rest?: { retries?: number; timeout?: number };
  /** Defer an interaction whose answer is not ready after this long (default 1500 ms). */
  deferAfterMs?: number;
  /** Autocomplete answers with nothing rather than miss Discord's deadline (default 2000 ms). */
  suggestTimeoutMs?: number;
  /** Minimum time between two progress edits of one message (default 2000 ms). */
  progressEditIntervalMs?: number;
}

/** Interaction tokens allow edits for 15 minutes; stop a little before. */
const INTERACTION_EDIT_TTL_MS = 14 * 60_000;
/** A channel message can be edited for as long as it exists; follow a job for a day at most. */
const MESSAGE_EDIT_TTL_MS = 24 * 60 * 60_000;
/** Message commands have no deadline, but a slow answer shows "reelbot is typing…" after this. */
const TYPING_AFTER_MS = 1000;
/** Codes for a click that must not replace the prompt: the clicker is told privately instead. */
const CLICK_REFUSALS = new Set(['choice.expired', 'choice.notYours', 'choice.invalid']);

export class DiscordAdapter implements ChatAdapter {
  readonly platform = 'discord' as const;
  private client: Client | undefined;
  private core: Core | undefined;
  private readonly handlers: HandlerGuard;
  private readonly progress: ProgressEdits<RenderedMessage>;
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
      await this.registerCommands(client);
      this.log.info(
        { user: client.user?.tag, guild: this.options.guildId ?? 'global', messageContent },
        'discord ready',
      );
    } catch (err) {
      this.client = undefined;
      throw err;
    }
  }

  private createClient(intents: GatewayIntentBits[]): Client {
    const client = new Client({
      intents,
      // DM channels are not cached; without this partial, DMs never reach messageCreate.
      partials: [Partials.Channel],
      rest: { api: this.options.apiBase, ...this.options.rest },
      // Titles are user input echoed back: never let one ping @everyone or a role.
      allowedMentions: { parse: [], repliedUser: false },
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
      this.handlers.run(interactionContext(interaction), () => this.onInteraction(interaction), interaction),
    );
    client.on(Events.MessageCreate, (message) =>
      this.handlers.run(
        { message: message.id, channel: message.channelId },
        () => this.onMessage(message),
        message,
      ),
    );
    return client;
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
    const body = renderReply(reply);
    const key = reply.progress ? progressKey(to, reply.progress.jobKey) : undefined;
    if (key && this.progress.offer(key, body)) return;

    const channel = reply.private
      ? await client.users.createDM(to.userId)
      : await this.channelFor(client, to);
    // In a shared channel, name the person so the notification reaches them.
    const address = (m: RenderedMessage) =>
      channel.isDMBased()
        ? m
        : {
            ...m,
            content: truncate(`<@${to.userId}> ${m.content}`, LIMITS.content),
            allowedMentions: { users: [to.userId] },
          };
    const sending = channel.send(address(body));
    if (key) this.progress.track(key, async (m) => (await sending).edit(address(m)), MESSAGE_EDIT_TTL_MS);
    await sending;
  }

  private async channelFor(client: Client<true>, to: UserRef): Promise<SendableChannels> {
    try {
      const channel = await client.channels.fetch(to.chatId);
      if (channel?.isSendable()) return channel;
    } catch (err) {
      this.log.warn(
        { chat: to.chatId, err: this.describe(err) },
        'cannot reach the original channel; sending a DM',
      );
    }
    return client.users.createDM(to.userId);
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

  // ── handlers ────────────────────────────────────────────────────────────────────────────────

  private async onInteraction(interaction: Interaction): Promise<void> {
    if (interaction.isAutocomplete()) return this.onAutocomplete(interaction);
    if (interaction.isChatInputCommand()) return this.onCommand(interaction);
    if (interaction.isButton()) return this.onButton(interaction);
  }

  private async onCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const core = this.requireCore();
    const user = userFromInteraction(interaction);
    const options: Record<string, string> = {};
    for (const o of interaction.options.data) if (typeof o.value === 'string') options[o.name] = o.value;
    const text = commandText(interaction.commandName, options);
    if (text === null) {
      await interaction.reply({
        content: say('parse.unknown', { verb: interaction.commandName }),
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    const file = interaction.options.data.find((o) => o.attachment)?.attachment;
    const { value: reply, deferred } = await answerInTime(
      this.handleWithFile(core, { user, text }, file),
      deferAfter(interaction, this.options.deferAfterMs),
      () => interaction.deferReply(),
    );
    const body = renderReply(reply);
    if (deferred && reply.private) {
      // The public "thinking…" cannot become ephemeral: replace it with a private follow-up.
      await interaction.deleteReply();
      const sending = interaction.followUp({ ...body, flags: MessageFlags.Ephemeral });
      this.follow(user, reply, async (m) => interaction.editReply({ ...m, message: await sending }));
      await sending;
      return;
    }
    this.follow(user, reply, (m) => interaction.editReply(m));
    if (deferred) await interaction.editReply(body);
    else await interaction.reply(reply.private ? { ...body, flags: MessageFlags.Ephemeral } : body);
  }

  private async onButton(interaction: ButtonInteraction): Promise<void> {
    const core = this.requireCore();
    if (isBrowseData(interaction.customId)) {
      return answerBrowse(interaction, {
        core,
        deferAfterMs: this.options.deferAfterMs,
        follow: (user, reply, edit) => this.follow(user, reply, edit),
      });
    }
    const choice = decodeChoice(interaction.customId);
    if (!choice) {
      await interaction.reply({ content: say('choice.invalid'), flags: MessageFlags.Ephemeral });
      return;
    }
    const user = userFromInteraction(interaction);
    const { value: reply, deferred } = await answerInTime(
      core.choose(user, choice.token, choice.option),
      deferAfter(interaction, this.options.deferAfterMs),
      () => interaction.deferUpdate(),
    );
    const body = renderReply(reply);
    if (reply.private || CLICK_REFUSALS.has(reply.code)) {
      // Someone else's buttons, or dead ones: tell the clicker alone and leave the prompt as it is.
      const privately = { ...body, flags: MessageFlags.Ephemeral } as const;
      await (deferred ? interaction.followUp(privately) : interaction.reply(privately));
      return;
    }
    // The prompt becomes the outcome; render gives `components: []`, which removes the buttons.
    this.follow(user, reply, (m) => interaction.editReply(m));
    await (deferred ? interaction.editReply(body) : interaction.update(body));
  }

  private onAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    return answerAutocomplete(interaction, this.requireCore(), {
      timeoutMs: this.options.suggestTimeoutMs ?? 2000,
      warn: (err, prefix) => this.log.warn({ err: this.describe(err), prefix }, 'suggestions failed'),
    });
  }

  private async onMessage(message: Message): Promise<void> {
    const core = this.requireCore();
    const botId = message.client.user.id;
    const text = addressedText(
      {
        content: message.content,
        inGuild: message.inGuild(),
        channelId: message.channelId,
        authorIsBot: message.author.bot || message.author.id === botId,
      },
      { botId, channels: this.options.channels },
    );
    if (text === null) return;
    const user = userFromMessage(message);
    const channel = message.channel;
    const { value: reply } = await answerInTime(
      this.handleWithFile(core, { user, text }, message.attachments.first()),
      TYPING_AFTER_MS,
      () => (channel.isSendable() ? channel.sendTyping().catch(() => undefined) : Promise.resolve()),
    );
    const sending = message.reply(renderReply(reply));
    this.follow(user, reply, async (m) => (await sending).edit(m), MESSAGE_EDIT_TTL_MS);
    await sending;
  }

  /** `core.handle`, with the first attached file downloaded and passed along (vocab from subtitles). */
  private async handleWithFile(
    core: Core,
    msg: IncomingMessage,
    file: DiscordFile | undefined,
  ): Promise<Reply> {
    // A person the core will refuse gets its refusal without us downloading their file first.
    if (!file || !core.allows(msg.user)) return core.handle(msg);
    const download = await downloadText(file);
    if (!download.ok) return tooLarge(file);
    return core.handle({ ...msg, attachment: download.file });
  }

  /**
   * When `reply` follows a job, later progress for it edits the message `edit` changes. Tracking
   * starts before the message is sent, so progress that arrives while it is on its way is not
   * posted as a second message; the first edit waits a full interval anyway.
   */
  private follow(
    user: UserRef,
    reply: Reply,
    edit: (m: RenderedMessage) => Promise<unknown>,
    ttlMs = INTERACTION_EDIT_TTL_MS,
  ): void {
    if (reply.progress) this.progress.track(progressKey(user, reply.progress.jobKey), edit, ttlMs);
  }

  private describe(err: unknown): Record<string, unknown> {
    return describeError(err, this.secrets);
  }

  private requireCore(): Core {
    if (!this.core) throw new Error('the Discord adapter was not started');
    return this.core;
  }
}

/** Progress of one job for one person in one chat. */
function progressKey(user: UserRef, jobKey: string): string {
  return `${user.userId}|${user.chatId}|${jobKey}`;
}

/** The adapter when DISCORD_TOKEN is set, else undefined (the bot then simply has no Discord). */
export function createDiscordAdapter(
  config: Config,
  logger: Logger,
  tuning: Pick<
    DiscordAdapterOptions,
    'rest' | 'deferAfterMs' | 'suggestTimeoutMs' | 'progressEditIntervalMs'
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
