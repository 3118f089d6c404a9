/**
 * Per-person quotas: QUOTA_PER_DAY / QUOTA_PER_WEEK over rolling windows, counted from the stored
 * requests of that person that cost something (not cancelled, not "nothing found"); admins exempt.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { newRequest } from '../../src/core/media/request-lifecycle.js';
import type { UserRef } from '../../src/core/types.js';
import { alice, bob, radarrAdds, startWorld, type World } from '../helpers/world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const carol: UserRef = { platform: 'terminal', userId: 'carol', chatId: 'chat-carol' };

describe('GIVEN two requests a day', () => {
  const env = { QUOTA_PER_DAY: '2', ADMIN_USERS: 'terminal:carol' };

  it('THEN the third is refused with the limit and when to try again, and is not stored', async () => {
    world = await startWorld({ env });
    expect((await world.say('add Inception', alice)).code).toBe('media.added');
    expect((await world.say('add The Matrix', alice)).code).toBe('media.added');
    const third = await world.say('add Heat', alice);
    expect(third.code).toBe('quota.reached');
    expect(third.text).toMatch(
      /limit of 2 requests per day\. You can ask again in 24\.0 h \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\)/,
    );
    expect(await world.app.requests.list({ user: 'terminal:alice' })).toHaveLength(2);
    expect(radarrAdds(world)).toHaveLength(2);
  });

  it('THEN the limit is per person, and admins have none', async () => {
    world = await startWorld({ env });
    await world.say('add Inception', alice);
    await world.say('add The Matrix', alice);
    expect((await world.say('add Inception', bob)).code).not.toBe('quota.reached');
    for (const title of ['Inception', 'The Matrix', 'Heat'])
      expect((await world.say(`add ${title}`, carol)).code).not.toBe('quota.reached');
  });

  it('THEN cancelled requests and titles that were not found do not count', async () => {
    world = await startWorld({ env });
    const ask = await world.say('add Blade Runner', alice);
    expect((await world.pick(ask, 'none', alice)).code).toBe('media.cancelledNone');
    expect((await world.say('add Qwxzzyv Plorth', alice)).code).toBe('media.notFound');
    expect((await world.say('add Inception', alice)).code).toBe('media.added');
    expect((await world.say('add The Matrix', alice)).code).toBe('media.added');
    expect((await world.say('add Heat', alice)).code).toBe('quota.reached');
  });
});

describe('GIVEN two requests a week', () => {
  it('THEN a request from three days ago counts and one from ten days ago does not', async () => {
    world = await startWorld({ env: { QUOTA_PER_WEEK: '2' } });
    const day = 24 * 3600_000;
    for (const [id, ago] of [
      ['old001', 10 * day],
      ['old002', 3 * day],
    ] as const) {
      const r = newRequest(id, alice, { text: 'add Heat', title: 'Heat' }, new Date(Date.now() - ago));
      r.status = 'sent';
      await world.app.requests.insert(r);
    }
    expect((await world.say('add Inception', alice)).code).toBe('media.added');
    const refused = await world.say('add The Matrix', alice);
    expect(refused.code).toBe('quota.reached');
    expect(refused.text).toContain('per week');
    // The slot frees when the three-day-old request leaves the window: in about four days.
    expect(refused.text).toMatch(/in 4 days/);
  });
});
