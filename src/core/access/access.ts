/**
 * Who may ask and who may administer: one rule for every chat, checked in the core before
 * anything is stored. Ids are per platform (`telegram:123`, `discord:456`); Discord members also
 * carry role ids, which the Discord role lists match.
 */
import { userKey, type Platform, type UserRef } from '../types.js';

export interface AccessRules {
  /** `platform:userId` keys that may request. */
  allowedUsers: readonly string[];
  /** `platform:userId` keys that may administer (and always request). */
  adminUsers: readonly string[];
  /** `platform:chatId` keys whose every member may request (a Telegram group, a Discord channel). */
  allowedChats: readonly string[];
  /** Role ids (Discord) whose members may request. */
  requestRoles: readonly string[];
  /** Role ids (Discord) whose members may administer. */
  adminRoles: readonly string[];
}

export const OPEN_ACCESS: AccessRules = {
  allowedUsers: [],
  adminUsers: [],
  allowedChats: [],
  requestRoles: [],
  adminRoles: [],
};

const hasAny = (roles: readonly string[] | undefined, wanted: readonly string[]) =>
  wanted.length > 0 && (roles ?? []).some((r) => wanted.includes(r));

export function isAdmin(rules: AccessRules, user: UserRef): boolean {
  return rules.adminUsers.includes(userKey(user)) || hasAny(user.roles, rules.adminRoles);
}

/** Open to everyone until a list of people, chats or roles is configured; admins always pass. */
export function mayRequest(rules: AccessRules, user: UserRef): boolean {
  const restricted =
    rules.allowedUsers.length > 0 || rules.allowedChats.length > 0 || rules.requestRoles.length > 0;
  if (!restricted) return true;
  return (
    isAdmin(rules, user) ||
    rules.allowedUsers.includes(userKey(user)) ||
    rules.allowedChats.includes(`${user.platform}:${user.chatId}`) ||
    hasAny(user.roles, rules.requestRoles)
  );
}

const PLATFORMS: readonly Platform[] = ['telegram', 'discord', 'terminal', 'http'];

/**
 * Where to reach each admin listed by id: a private chat with them. A Telegram private chat's id
 * is the user's id; on Discord the adapter opens a DM for replies marked private. Admins known
 * only by a role cannot be listed, so they are not notified (they can type `approve <id>`).
 */
export function adminContacts(rules: AccessRules): UserRef[] {
  const out: UserRef[] = [];
  for (const key of rules.adminUsers) {
    const i = key.indexOf(':');
    const platform = key.slice(0, i) as Platform;
    const id = key.slice(i + 1);
    if (PLATFORMS.includes(platform) && id) out.push({ platform, userId: id, chatId: id });
  }
  return out;
}
