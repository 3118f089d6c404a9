/**
 * REQUIRE_APPROVAL: a non-admin's request stops in awaiting_approval, every listed admin gets
 * Approve/Decline buttons, the first admin's decision is carried out, the person is told, and
 * the cron never sends a request nobody approved. On the in-memory ports (test/core/fakes).
 */
import { describe, expect, it } from 'vitest';
import type { Reply, UserRef } from '../../src/core/types.js';
import { alice, bob, startCore, type FakeCore } from './fakes/fake-core.js';

const carol: UserRef = { platform: 'terminal', userId: 'carol', chatId: 'chat-carol' };
const dave: UserRef = { platform: 'terminal', userId: 'dave', chatId: 'chat-dave' };

function approvalCore(): FakeCore {
  return startCore({
    settings: {
      requireApproval: true,
      access: {
        allowedUsers: [],
        adminUsers: ['terminal:carol', 'terminal:dave'],
        allowedChats: [],
        requestRoles: [],
        adminRoles: [],
      },
    },
  });
}

const click = (w: FakeCore, who: UserRef, notice: Reply | undefined, option: 0 | 1) =>
  w.core.choose(who, notice?.choices?.token ?? 'missing', option);
const radarrAdds = (w: FakeCore) => w.radarr.adds.map((a) => a.candidate.ids.tmdb);

describe('GIVEN approval is required', () => {
  it('a non-admin’s request waits, admins are asked, one approves → sent once, and the person is told', async () => {
    const w = approvalCore();
    const reply = await w.say('add Inception', alice);
    expect(reply.code).toBe('media.awaitingApproval');
    const id = reply.requestId ?? '';
    expect((await w.requests.get(id))?.status).toBe('awaiting_approval');
    expect(radarrAdds(w)).toEqual([]);

    const [toCarol] = w.notifier.to(carol);
    const [toDave] = w.notifier.to(dave);
    expect(toCarol).toMatchObject({ code: 'approval.request', private: true, requestId: id });
    expect(toCarol?.text).toContain('Inception (2010)');
    expect(toCarol?.text).toContain('Radarr');
    expect(toCarol?.choices?.options.map((o) => o.label)).toEqual(['✅ Approve', '✖ Decline']);
    // An admin is reached in a private chat with them: on Telegram its id is the user's id.
    expect(w.notifier.sent.find((s) => s.to.userId === carol.userId)?.to).toMatchObject({ chatId: 'carol' });

    // The cron does not send what nobody approved.
    await w.core.processPending();
    expect(radarrAdds(w)).toEqual([]);

    const approved = await click(w, carol, toCarol, 0);
    expect(approved.code).toBe('approval.approvedDone');
    expect(radarrAdds(w)).toEqual([27205]);
    const r = await w.requests.get(id);
    expect(r?.status).toBe('sent');
    expect(r?.audit.find((e) => e.to === 'approved')?.actor).toBe('terminal:carol');
    expect(w.notifier.to(alice).map((x) => x.code)).toEqual(['approval.approved']);

    // Dave's buttons now say it is decided, and nothing is sent twice.
    const late = await click(w, dave, toDave, 0);
    expect(late.code).toBe('approval.alreadyDecided');
    expect(radarrAdds(w)).toHaveLength(1);
  });

  it('two admins approving the same request at the same moment → exactly one add', async () => {
    const w = approvalCore();
    const reply = await w.say('add Inception', alice);
    const id = reply.requestId ?? '';
    const [byCarol, byDave] = await Promise.all([
      w.say(`approve ${id}`, carol),
      w.say(`approve ${id}`, dave),
    ]);
    expect([byCarol.code, byDave.code].sort()).toEqual(['approval.alreadyDecided', 'approval.approvedDone']);
    expect(radarrAdds(w)).toEqual([27205]);
    expect(w.notifier.to(alice).map((x) => x.code)).toEqual(['approval.approved']);
  });

  it('both admins clicking Approve at the same moment → exactly one add', async () => {
    const w = approvalCore();
    await w.say('add Inception', alice);
    const [toCarol] = w.notifier.to(carol);
    const [toDave] = w.notifier.to(dave);
    await Promise.all([click(w, carol, toCarol, 0), click(w, dave, toDave, 0)]);
    expect(radarrAdds(w)).toEqual([27205]);
  });

  it('a decline cancels it and tells the person; nothing is sent', async () => {
    const w = approvalCore();
    const reply = await w.say('add Inception', alice);
    const [notice] = w.notifier.to(carol);
    const declined = await click(w, carol, notice, 1);
    expect(declined.code).toBe('approval.declinedDone');
    expect((await w.requests.get(reply.requestId ?? ''))?.status).toBe('cancelled');
    expect(w.notifier.to(alice).map((x) => x.code)).toEqual(['approval.declined']);
    await w.core.processPending();
    expect(radarrAdds(w)).toEqual([]);
  });

  it('after a pick, the request waits too', async () => {
    const w = approvalCore();
    const ask = await w.say('add Blade Runner', alice);
    expect(ask.code).toBe('media.pick');
    const picked = await w.pick(ask, 'Blade Runner (1982)', alice);
    expect(picked.code).toBe('media.awaitingApproval');
    expect(radarrAdds(w)).toEqual([]);
    expect(w.notifier.to(carol)[0]?.text).toContain('Blade Runner (1982)');
  });

  it('an admin’s own request goes straight through', async () => {
    const w = approvalCore();
    expect((await w.say('add Inception', carol)).code).toBe('media.added');
    expect(w.notifier.sent).toEqual([]);
  });

  it('someone else cannot use an admin’s buttons, and a non-admin cannot type approve', async () => {
    const w = approvalCore();
    const reply = await w.say('add Inception', alice);
    const [notice] = w.notifier.to(carol);
    expect((await click(w, bob, notice, 0)).code).toBe('choice.notYours');
    expect((await w.say(`approve ${reply.requestId}`, alice)).code).toBe('admin.denied');
    expect(radarrAdds(w)).toEqual([]);
  });

  it('an admin can approve by typing “approve <id>” (buttons gone, or an admin known only by role)', async () => {
    const w = approvalCore();
    const reply = await w.say('add Inception', alice);
    const done = await w.say(`approve ${reply.requestId}`, dave);
    expect(done.code).toBe('approval.approvedDone');
    expect(radarrAdds(w)).toHaveLength(1);
    expect((await w.say(`decline ${reply.requestId}`, carol)).code).toBe('approval.alreadyDecided');
  });

  it('"requests" shows it as waiting, and the person may cancel it', async () => {
    const w = approvalCore();
    const reply = await w.say('add Inception', alice);
    expect((await w.say('requests', alice)).text).toContain('waiting for an admin’s approval');
    expect((await w.say(`cancel ${reply.requestId}`, alice)).code).toBe('cancel.done');
    const [notice] = w.notifier.to(carol);
    expect((await click(w, carol, notice, 0)).code).toBe('approval.alreadyDecided');
    expect(radarrAdds(w)).toEqual([]);
  });
});
