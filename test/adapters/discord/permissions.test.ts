import { describe, expect, it } from 'vitest';
import {
  canAdminister,
  canRequest,
  isOpenCommand,
  type DiscordAccess,
} from '../../../adapters/chat/discord/permissions.js';
import type { UserRef } from '../../../src/core/types.js';

const user = (userId: string, roles?: string[]): UserRef => ({
  platform: 'discord',
  userId,
  chatId: 'c',
  ...(roles ? { roles } : {}),
});
const access = (over: Partial<DiscordAccess> = {}): DiscordAccess => ({
  requestRoles: [],
  adminRoles: [],
  allowedUsers: [],
  adminUsers: [],
  allowedChats: [],
  ...over,
});

describe('permissions', () => {
  it('GIVEN ALLOWED_CHATS THEN everyone in a listed channel may request, and only there', () => {
    const a = access({ allowedChats: ['discord:c'], allowedUsers: ['discord:42'] });
    expect(canRequest(a, user('7'))).toBe(true);
    expect(canRequest(a, { ...user('7'), chatId: 'elsewhere' })).toBe(false);
    expect(canRequest(a, { ...user('42'), chatId: 'elsewhere' })).toBe(true);
  });

  it('GIVEN nothing configured THEN everyone may request, nobody administers', () => {
    expect(canRequest(access(), user('1'))).toBe(true);
    expect(canAdminister(access(), user('1'))).toBe(false);
  });

  it('GIVEN request roles THEN members with one pass and others do not', () => {
    const a = access({ requestRoles: ['r1', 'r2'] });
    expect(canRequest(a, user('1', ['x', 'r2']))).toBe(true);
    expect(canRequest(a, user('2', ['x']))).toBe(false);
    expect(canRequest(a, user('3'))).toBe(false);
  });

  it('GIVEN ALLOWED_USERS THEN listed discord ids pass without roles, and the list closes the door to others', () => {
    const a = access({ allowedUsers: ['telegram:1', 'discord:42'] });
    expect(canRequest(a, user('42'))).toBe(true);
    expect(canRequest(a, user('1'))).toBe(false);
  });

  it('GIVEN admin roles or ADMIN_USERS THEN those administer and may request', () => {
    const a = access({ requestRoles: ['r'], adminRoles: ['boss'], adminUsers: ['discord:7'] });
    expect(canAdminister(a, user('1', ['boss']))).toBe(true);
    expect(canRequest(a, user('1', ['boss']))).toBe(true);
    expect(canAdminister(a, user('7'))).toBe(true);
    expect(canRequest(a, user('7'))).toBe(true);
    expect(canAdminister(a, user('2', ['r']))).toBe(false);
  });

  it('help is open to all', () => {
    expect(isOpenCommand('help')).toBe(true);
    expect(isOpenCommand('/start')).toBe(true);
    expect(isOpenCommand('add Dexter')).toBe(false);
  });
});
