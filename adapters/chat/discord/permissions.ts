/**
 * Who may use the bot on Discord. Roles are Discord's own way of granting access, so a server
 * admin can hand out "may request" without editing the bot's env; user ids in ALLOWED_USERS /
 * ADMIN_USERS (`discord:<id>`) work too, for servers without such roles and for DMs, where a
 * person carries no roles at all.
 */
import type { Config } from '../../../src/config.js';
import type { UserRef } from '../../../src/core/types.js';
import { say } from '../../../src/core/messages.js';
import { userKey } from '../../../src/core/types.js';

export interface DiscordAccess {
  requestRoles: readonly string[];
  adminRoles: readonly string[];
  /** `discord:<id>` keys (other platforms' entries are kept; they simply never match). */
  allowedUsers: readonly string[];
  adminUsers: readonly string[];
  /** `discord:<channel id>` keys from ALLOWED_CHATS: everyone in that channel may request. */
  allowedChats: readonly string[];
}

export function accessFromConfig(config: Config): DiscordAccess {
  return {
    requestRoles: config.discord.DISCORD_REQUEST_ROLES,
    adminRoles: config.discord.DISCORD_ADMIN_ROLES,
    allowedUsers: config.core.ALLOWED_USERS,
    adminUsers: config.core.ADMIN_USERS,
    allowedChats: config.core.ALLOWED_CHATS,
  };
}

const hasAny = (roles: readonly string[] | undefined, wanted: readonly string[]) =>
  (roles ?? []).some((r) => wanted.includes(r));

export function canAdminister(access: DiscordAccess, user: UserRef): boolean {
  return access.adminUsers.includes(userKey(user)) || hasAny(user.roles, access.adminRoles);
}

/**
 * Open to everyone until someone configures a restriction: with no request roles, no
 * ALLOWED_USERS and no ALLOWED_CHATS at all (any platform), a fresh install just works. The same
 * rule as the core's (src/core/access), checked here first so a refusal is ephemeral.
 */
export function canRequest(access: DiscordAccess, user: UserRef): boolean {
  const open =
    access.requestRoles.length === 0 && access.allowedUsers.length === 0 && access.allowedChats.length === 0;
  if (open) return true;
  return (
    canAdminister(access, user) ||
    access.allowedUsers.includes(userKey(user)) ||
    access.allowedChats.includes(`discord:${user.chatId}`) ||
    hasAny(user.roles, access.requestRoles)
  );
}

/** Commands anyone may run, whatever their roles: being told how the bot works is never secret. */
export function isOpenCommand(text: string): boolean {
  const verb = /^\/?(\S+)/.exec(text.trim())?.[1]?.toLowerCase();
  return verb === 'help' || verb === 'start';
}

/** What a refused member reads (ephemeral on slash commands): the core's own words, with their id. */
export function accessDenied(user: UserRef): string {
  return say('access.denied', { who: userKey(user) });
}
