/**
 * Who may ask: ALLOWED_USERS, ALLOWED_CHATS and the Discord request roles open the door, admins
 * always pass, and everyone else is refused politely with nothing stored and no upstream asked.
 * Runs the real App against the fakes; Discord members are UserRefs with roles, as the Discord
 * adapter builds them (its own end-to-end story is in test/adapters/discord/access-story.test.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { UserRef } from '../../src/core/types.js';
import { alice, bob, radarrAdds, startWorld, type World } from '../helpers/world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

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

describe('GIVEN ALLOWED_USERS lists alice and ADMIN_USERS lists carol', () => {
  const env = { ALLOWED_USERS: 'terminal:alice', ADMIN_USERS: 'terminal:carol' };

  it('THEN bob is refused politely, told his id, and nothing is stored or searched', async () => {
    world = await startWorld({ env });
    const reply = await world.say('add Inception', bob);
    expect(reply).toMatchObject({ code: 'access.denied', private: true });
    expect(reply.text).toContain('terminal:bob');
    expect(await world.app.requests.list()).toEqual([]);
    expect(world.tmdb?.calls).toEqual([]);
    expect(radarrAdds(world)).toEqual([]);
    expect((await world.say('requests', bob)).code).toBe('access.denied');
    expect((await world.say('vocab Inception in French', bob)).code).toBe('access.denied');
  });

  it('THEN bob may still read the help', async () => {
    world = await startWorld({ env });
    expect((await world.say('help', bob)).code).toBe('help');
  });

  it('THEN alice and the admin carol are served', async () => {
    world = await startWorld({ env });
    expect((await world.say('add Inception', alice)).code).toBe('media.added');
    expect((await world.say('add The Matrix', carol)).code).toBe('media.added');
    expect(radarrAdds(world).map((b) => b.tmdbId)).toEqual([27205, 603]);
  });

  it('THEN bob’s click on alice’s buttons is “not yours”, and alice, once taken off the list, is refused on her own', async () => {
    world = await startWorld({ env });
    const ask = await world.say('add Blade Runner', alice);
    expect(ask.code).toBe('media.pick');
    expect((await world.pick(ask, 'Blade Runner (1982)', bob)).code).toBe('choice.notYours');

    // The admin takes alice off the list and restarts the bot; her old buttons no longer work.
    await world.stopApp();
    const restarted = await startWorld({
      dataDir: world.dataDir,
      env: { ...world.env, ALLOWED_USERS: 'terminal:dave' },
    });
    try {
      expect((await restarted.pick(ask, 'Blade Runner (1982)', alice)).code).toBe('access.denied');
      expect((await restarted.app.requests.get(ask.requestId ?? ''))?.status).toBe('needs_choice');
      expect(radarrAdds(world)).toEqual([]);
    } finally {
      await restarted.close();
    }
  });
});

describe('GIVEN Discord request and admin roles', () => {
  const env = { DISCORD_REQUEST_ROLES: 'role-requester', DISCORD_ADMIN_ROLES: 'role-admin' };

  it('THEN a member without the role is refused and nothing is stored', async () => {
    world = await startWorld({ env });
    const reply = await world.say('add Inception', member('80351110224678912', ['role-other']));
    expect(reply.code).toBe('access.denied');
    expect(reply.text).toContain('discord:80351110224678912');
    expect(await world.app.requests.list()).toEqual([]);
  });

  it('THEN members with the requester or the admin role are served', async () => {
    world = await startWorld({ env });
    expect((await world.say('add Inception', member('111', ['role-requester']))).code).toBe('media.added');
    expect((await world.say('add The Matrix', member('222', ['role-admin']))).code).toBe('media.added');
  });

  it('THEN a terminal user is refused too: the restriction is not per platform', async () => {
    world = await startWorld({ env });
    expect((await world.say('add Inception', alice)).code).toBe('access.denied');
  });
});

describe('GIVEN ALLOWED_CHATS lists a Telegram group', () => {
  it('THEN anyone in that group may request, and the same person elsewhere may not', async () => {
    world = await startWorld({ env: { ALLOWED_CHATS: 'telegram:-1001234567890' } });
    const inGroup: UserRef = { platform: 'telegram', userId: '42', chatId: '-1001234567890' };
    const privately: UserRef = { ...inGroup, chatId: '42' };
    expect((await world.say('add Inception', inGroup)).code).toBe('media.added');
    expect((await world.say('add The Matrix', privately)).code).toBe('access.denied');
    expect(await world.app.requests.list()).toHaveLength(1);
  });
});

describe('GIVEN no lists at all', () => {
  it('THEN everyone may request', async () => {
    world = await startWorld();
    expect((await world.say('add Inception', bob)).code).toBe('media.added');
  });
});

describe('admin commands', () => {
  it.each(ADMIN_VERBS)(
    'GIVEN a user who is not an admin THEN “%s” is refused and changes nothing',
    async (text) => {
      world = await startWorld({ env: { ADMIN_USERS: 'terminal:carol' } });
      await world.radarr?.down();
      const failed = await world.say('add Inception', alice);
      expect(failed.code).toBe('media.retrying');
      const before = await world.app.requests.list();
      const reply = await world.say(text, alice);
      expect(reply).toMatchObject({ code: 'admin.denied', private: true });
      expect(await world.app.requests.list()).toEqual(before);
    },
  );

  it('GIVEN no ADMIN_USERS THEN nobody administers in chat, and admins see the admin help', async () => {
    world = await startWorld();
    expect((await world.say('report', alice)).code).toBe('admin.denied');
    await world.close();
    world = await startWorld({ env: { ADMIN_USERS: 'terminal:carol' } });
    const help = await world.say('help', carol);
    expect(help.code).toBe('admin.help');
    expect(help.text).toContain('reclassify <id>');
    expect((await world.say('help', alice)).text).not.toContain('reclassify');
  });
});
