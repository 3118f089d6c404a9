/**
 * Discord events → the core's neutral shapes. Pure where it can be (addressedText), so the rules
 * about when a plain message is a command are tested without a gateway.
 */
import type { Interaction, Message } from 'discord.js';
import type { UserRef } from '../../../src/core/types.js';

/**
 * Role ids of a member, whether discord.js gave us a cached GuildMember (roles manager, which
 * includes @everyone under the guild's id) or the raw API member of an uncached guild (string[]).
 */
function memberRoles(member: unknown, guildId: string | null): string[] | undefined {
  if (!member || typeof member !== 'object' || !('roles' in member)) return undefined;
  const roles = (member as { roles: unknown }).roles;
  const ids = Array.isArray(roles)
    ? roles.filter((r): r is string => typeof r === 'string')
    : roles && typeof roles === 'object' && 'cache' in roles
      ? [...(roles as { cache: Map<string, unknown> }).cache.keys()]
      : [];
  return ids.filter((id) => id !== guildId);
}

function ref(userId: string, chatId: string, name: string, roles: string[] | undefined): UserRef {
  const user: UserRef = { platform: 'discord', userId, chatId, name };
  if (roles) user.roles = roles;
  return user;
}

export function userFromInteraction(interaction: Interaction): UserRef {
  const u = interaction.user;
  return ref(
    u.id,
    interaction.channelId ?? u.id,
    u.globalName ?? u.username,
    memberRoles(interaction.member, interaction.guildId),
  );
}

export function userFromMessage(message: Message): UserRef {
  const u = message.author;
  return ref(
    u.id,
    message.channelId,
    u.globalName ?? u.username,
    memberRoles(message.member, message.guildId),
  );
}

export interface MessageFacts {
  content: string;
  /** False in a DM. */
  inGuild: boolean;
  channelId: string;
  authorIsBot: boolean;
}

export interface AddressRules {
  botId: string;
  /** Channels where a message needs no mention to be a command (DISCORD_CHANNELS). */
  channels: readonly string[];
}

/**
 * The command in a message, or null when the message is not for us: other bots (and ourselves)
 * are ignored, a DM is always for us, a guild message only when it mentions the bot or is in a
 * configured channel. Mentions of the bot are removed wherever they are; a bare mention asks for help.
 */
export function addressedText(msg: MessageFacts, rules: AddressRules): string | null {
  if (msg.authorIsBot) return null;
  const mention = new RegExp(`<@!?${rules.botId}>`, 'g');
  const mentioned = mention.test(msg.content);
  if (msg.inGuild && !mentioned && !rules.channels.includes(msg.channelId)) return null;
  const text = msg.content
    .replace(mention, ' ')
    .replace(/^[\s,:]+/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text !== '') return text;
  // A bare "@bot" is somebody asking what the bot does.
  return mentioned ? 'help' : null;
}
