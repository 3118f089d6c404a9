/**
 * REQUIRE_APPROVAL end to end: a non-admin's request stops in awaiting_approval, every listed
 * admin gets Approve/Decline buttons, the first admin's decision is carried out, the person is
 * told, and the cron never sends a request nobody approved.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Reply, UserRef } from '../../src/core/types.js';
import { alice, bob, radarrAdds, startWorld, type World } from '../helpers/world.js';

let world: World | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const carol: UserRef = { platform: 'terminal', userId: 'carol', chatId: 'chat-carol' };
const dave: UserRef = { platform: 'terminal', userId: 'dave', chatId: 'chat-dave' };
const env = { REQUIRE_APPROVAL: 'true', ADMIN_USERS: 'terminal:carol,terminal:dave' };

const sentTo = (w: World, who: UserRef): Reply[] =>
  w.chat.sent.filter((s) => s.to.userId === who.userId).map((s) => s.reply);
const click = (w: World, who: UserRef, notice: Reply | undefined, option: 0 | 1) =>
  w.app.core.choose(who, notice?.choices?.token ?? 'missing', option);

describe('GIVEN approval is required', () => {
  it('a non-admin’s request waits, admins are asked, one approves → sent once, and the person is told', async () => {
    world = await startWorld({ env });
    const reply = await world.say('add Inception', alice);
    expect(reply.code).toBe('media.awaitingApproval');
    const id = reply.requestId ?? '';
    expect((await world.app.requests.get(id))?.status).toBe('awaiting_approval');
    expect(radarrAdds(world)).toEqual([]);

    const [toCarol] = sentTo(world, carol);
    const [toDave] = sentTo(world, dave);
    expect(toCarol).toMatchObject({ code: 'approval.request', private: true, requestId: id });
    expect(toCarol?.text).toContain('Inception (2010)');
    expect(toCarol?.text).toContain('Radarr');
    expect(toCarol?.choices?.options.map((o) => o.label)).toEqual(['✅ Approve', '✖ Decline']);
    expect(world.chat.sent.find((s) => s.to.userId === carol.userId)?.to).toMatchObject({ chatId: 'carol' });

    // The cron does not send what nobody approved.
    await world.app.core.processPending();
    expect(radarrAdds(world)).toEqual([]);

    const approved = await click(world, carol, toCarol, 0);
    expect(approved.code).toBe('approval.approvedDone');
    expect(radarrAdds(world).map((b) => b.tmdbId)).toEqual([27205]);
    const r = await world.app.requests.get(id);
    expect(r?.status).toBe('sent');
    expect(r?.audit.find((e) => e.to === 'approved')?.actor).toBe('terminal:carol');
    expect(sentTo(world, alice).map((x) => x.code)).toEqual(['approval.approved']);

    // Dave's buttons now say it is decided, and nothing is sent twice.
    const late = await click(world, dave, toDave, 0);
    expect(late.code).toBe('approval.alreadyDecided');
    expect(radarrAdds(world)).toHaveLength(1);
  });

  it('a decline cancels it and tells the person; nothing is sent', async () => {
    world = await startWorld({ env });
    const reply = await world.say('add Inception', alice);
    const [notice] = sentTo(world, carol);
    const declined = await click(world, carol, notice, 1);
    expect(declined.code).toBe('approval.declinedDone');
    expect((await world.app.requests.get(reply.requestId ?? ''))?.status).toBe('cancelled');
    expect(sentTo(world, alice).map((x) => x.code)).toEqual(['approval.declined']);
    await world.app.core.processPending();
    expect(radarrAdds(world)).toEqual([]);
  });

  it('after a pick, the request waits too', async () => {
    world = await startWorld({ env });
    const ask = await world.say('add Blade Runner', alice);
    expect(ask.code).toBe('media.pick');
    const picked = await world.pick(ask, 'Blade Runner (1982)', alice);
    expect(picked.code).toBe('media.awaitingApproval');
    expect(radarrAdds(world)).toEqual([]);
    expect(sentTo(world, carol)[0]?.text).toContain('Blade Runner (1982)');
  });

  it('an admin’s own request goes straight through', async () => {
    world = await startWorld({ env });
    expect((await world.say('add Inception', carol)).code).toBe('media.added');
    expect(world.chat.sent).toEqual([]);
  });

  it('someone else cannot use an admin’s buttons, and a non-admin cannot type approve', async () => {
    world = await startWorld({ env });
    const reply = await world.say('add Inception', alice);
    const [notice] = sentTo(world, carol);
    expect((await click(world, bob, notice, 0)).code).toBe('choice.notYours');
    expect((await world.say(`approve ${reply.requestId}`, alice)).code).toBe('admin.denied');
    expect(radarrAdds(world)).toEqual([]);
  });

  it('an admin can approve by typing “approve <id>” (buttons gone, or an admin known only by role)', async () => {
    world = await startWorld({ env });
    const reply = await world.say('add Inception', alice);
    const done = await world.say(`approve ${reply.requestId}`, dave);
    expect(done.code).toBe('approval.approvedDone');
    expect(radarrAdds(world)).toHaveLength(1);
    expect((await world.say(`decline ${reply.requestId}`, carol)).code).toBe('approval.alreadyDecided');
  });

  it('"requests" shows it as waiting, and the person may cancel it', async () => {
    world = await startWorld({ env });
    const reply = await world.say('add Inception', alice);
    expect((await world.say('requests', alice)).text).toContain('waiting for an admin’s approval');
    expect((await world.say(`cancel ${reply.requestId}`, alice)).code).toBe('cancel.done');
    const [notice] = sentTo(world, carol);
    expect((await click(world, carol, notice, 0)).code).toBe('approval.alreadyDecided');
    expect(radarrAdds(world)).toEqual([]);
  });
});
