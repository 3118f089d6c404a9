/**
 * Who may ask: ALLOWED_USERS, ALLOWED_CHATS and the Discord request roles open the door, admins
 * always pass, and everyone else is refused politely with nothing stored and no upstream asked.
 * On the in-memory ports; Discord members are UserRefs with roles, as the Discord adapter builds
 * them (its own end-to-end story is in test/adapters/discord/access-story.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { AccessRules } from '../../src/core/access/access.js';
import { UpstreamError } from '../../src/core/errors.js';
import type { UserRef } from '../../src/core/types.js';
import { alice, bob, startCore, type FakeCore } from './fakes/fake-core.js';

const carol: UserRef = { platform: 'terminal', userId: 'carol', chatId: 'chat-carol' };
const member = (id: string, roles: string[]): UserRef => ({
  platform: 'discord',
  userId: id,
  chatId: 'channel-1',
  roles,
});
const ADMIN_VERBS = [
  'doctor',
  'process',
  'retry',
  'reclassify abcdef movie',
  'backfill-ids',
  'report --days 7',
];

/** As src/app.ts accessRules maps ALLOWED_USERS, ADMIN_USERS, ALLOWED_CHATS and the role lists. */
const rules = (r: Partial<AccessRules>): AccessRules => ({
  allowedUsers: [],
  adminUsers: [],
  allowedChats: [],
  requestRoles: [],
  adminRoles: [],
  ...r,
});
const withAccess = (r: Partial<AccessRules>): FakeCore => startCore({ settings: { access: rules(r) } });
const radarrAdds = (w: FakeCore) => w.radarr.adds.map((a) => a.candidate.ids.tmdb);

describe('GIVEN ALLOWED_USERS lists alice and ADMIN_USERS lists carol', () => {
  const lists = { allowedUsers: ['terminal:alice'], adminUsers: ['terminal:carol'] };

  it('THEN bob is refused politely, told his id, and nothing is stored or searched', async () => {
    const w = withAccess(lists);
    const reply = await w.say('add Inception', bob);
    expect(reply).toMatchObject({ code: 'access.denied', private: true });
    expect(reply.text).toContain('terminal:bob');
    expect(await w.requests.list()).toEqual([]);
    expect(w.tmdb.searches).toEqual([]);
    expect(radarrAdds(w)).toEqual([]);
    expect((await w.say('requests', bob)).code).toBe('access.denied');
    expect((await w.say('vocab Inception in French', bob)).code).toBe('access.denied');
  });

  it('THEN bob may still read the help', async () => {
    expect((await withAccess(lists).say('help', bob)).code).toBe('help');
  });

  it('THEN alice and the admin carol are served', async () => {
    const w = withAccess(lists);
    expect((await w.say('add Inception', alice)).code).toBe('media.added');
    expect((await w.say('add The Matrix', carol)).code).toBe('media.added');
    expect(radarrAdds(w)).toEqual([27205, 603]);
  });

  it('THEN bob’s click on alice’s buttons is “not yours”, and alice, once taken off the list, is refused on her own', async () => {
    const w = withAccess(lists);
    const ask = await w.say('add Blade Runner', alice);
    expect(ask.code).toBe('media.pick');
    expect((await w.pick(ask, 'Blade Runner (1982)', bob)).code).toBe('choice.notYours');

    // The admin takes alice off the list and restarts the bot; her old buttons no longer work.
    const restarted = w.restart({ access: rules({ allowedUsers: ['terminal:dave'] }) });
    expect((await restarted.pick(ask, 'Blade Runner (1982)', alice)).code).toBe('access.denied');
    expect((await w.requests.get(ask.requestId ?? ''))?.status).toBe('needs_choice');
    expect(radarrAdds(w)).toEqual([]);
  });
});

describe('GIVEN Discord request and admin roles', () => {
  const roles = { requestRoles: ['role-requester'], adminRoles: ['role-admin'] };

  it('THEN a member without the role is refused and nothing is stored', async () => {
    const w = withAccess(roles);
    const reply = await w.say('add Inception', member('80351110224678912', ['role-other']));
    expect(reply.code).toBe('access.denied');
    expect(reply.text).toContain('discord:80351110224678912');
    expect(await w.requests.list()).toEqual([]);
  });

  it('THEN members with the requester or the admin role are served', async () => {
    const w = withAccess(roles);
    expect((await w.say('add Inception', member('111', ['role-requester']))).code).toBe('media.added');
    expect((await w.say('add The Matrix', member('222', ['role-admin']))).code).toBe('media.added');
  });

  it('THEN a terminal user is refused too: the restriction is not per platform', async () => {
    expect((await withAccess(roles).say('add Inception', alice)).code).toBe('access.denied');
  });
});

describe('GIVEN ALLOWED_CHATS lists a Telegram group', () => {
  it('THEN anyone in that group may request, and the same person elsewhere may not', async () => {
    const w = withAccess({ allowedChats: ['telegram:-1001234567890'] });
    const inGroup: UserRef = { platform: 'telegram', userId: '42', chatId: '-1001234567890' };
    const privately: UserRef = { ...inGroup, chatId: '42' };
    expect((await w.say('add Inception', inGroup)).code).toBe('media.added');
    expect((await w.say('add The Matrix', privately)).code).toBe('access.denied');
    expect(await w.requests.list()).toHaveLength(1);
  });
});

describe('GIVEN no lists at all', () => {
  it('THEN everyone may request', async () => {
    expect((await startCore().say('add Inception', bob)).code).toBe('media.added');
  });
});

describe('admin commands', () => {
  it.each(ADMIN_VERBS)(
    'GIVEN a user who is not an admin THEN “%s” is refused and changes nothing',
    async (text) => {
      const w = withAccess({ adminUsers: ['terminal:carol'] });
      w.radarr.failNext('find', new UpstreamError('radarr', 'unavailable', 'radarr: not reachable'));
      expect((await w.say('add Inception', alice)).code).toBe('media.retrying');
      const before = await w.requests.list();
      const reply = await w.say(text, alice);
      expect(reply).toMatchObject({ code: 'admin.denied', private: true });
      expect(await w.requests.list()).toEqual(before);
    },
  );

  it('GIVEN no ADMIN_USERS THEN nobody administers in chat, and admins see the admin help', async () => {
    expect((await startCore().say('report', alice)).code).toBe('admin.denied');
    const w = withAccess({ adminUsers: ['terminal:carol'] });
    const help = await w.say('help', carol);
    expect(help.code).toBe('admin.help');
    expect(help.text).toContain('reclassify <id>');
    expect((await w.say('help', alice)).text).not.toContain('reclassify');
  });
});
