/**
 * The process is killed right after it has written one step of a request, at every step of the
 * lifecycle: received, classified, needs_choice, approved, sending (before and after the POST
 * landed) and sent. What is on disk then is all a restart has. After the restart each request
 * reaches its right end, with exactly one add in the backend and the person told once.
 *
 * The kill is a store whose update persists the step and then throws: nothing after that line
 * of the old process runs, and its reply never reaches anyone.
 */
import { describe, expect, it } from 'vitest';
import type { MediaRequest } from '../../../src/core/types.js';
import { alice, startCore, type FakeCore } from '../fakes/fake-core.js';

/**
 * Kill the process right after the first write for which `when` holds: that write is on disk,
 * and no later write of the old process lands (its catch blocks never run either).
 */
function killAfter(w: FakeCore, when: (r: MediaRequest) => boolean): () => void {
  const store = w.requests;
  const insert = store.insert.bind(store);
  const update = store.update.bind(store);
  let dead = false;
  const die = () => {
    dead = true;
    throw new Error('killed');
  };
  store.insert = async (r) => {
    if (dead) throw new Error('killed');
    await insert(r);
    if (when(r)) die();
  };
  store.update = async (id, change) => {
    if (dead) throw new Error('killed');
    const r = await update(id, change);
    if (when(r)) die();
    return r;
  };
  // The next process writes through the store as usual.
  return () => {
    store.insert = insert;
    store.update = update;
  };
}

const lastNote = (r: MediaRequest) => r.audit.at(-1)?.note;
/** The restart: a new core over the same stores, clock, catalogs and backends; nothing else. */
async function restartAndRun(w: FakeCore, revive: () => void): Promise<FakeCore> {
  revive();
  const after = w.restart();
  // Past the backoffs and twice the decision deadline: what the next cron runs would see.
  w.clock.advance(10 * 60_000);
  await after.core.processPending();
  return after;
}

describe('killed right after writing a step, then restarted', () => {
  it.each([
    ['received', (r: MediaRequest) => r.status === 'received'],
    ['classified', (r: MediaRequest) => r.status === 'classified'],
    ['approved', (r: MediaRequest) => r.status === 'approved'],
    ['sending (before the POST)', (r: MediaRequest) => lastNote(r) === 'sending'],
  ])('%s → sent once, the person told once', async (_, when) => {
    const w = startCore();
    const revive = killAfter(w, when);
    await w.say('add Inception');
    expect(w.radarr.adds).toHaveLength(0);
    const after = await restartAndRun(w, revive);
    const [r] = await w.requests.list();
    expect(r?.status).toBe('sent');
    expect(w.radarr.adds).toHaveLength(1);
    expect(after.notifier.sent.map((m) => [m.to.userId, m.reply.code])).toEqual([['alice', 'media.added']]);
  });

  it('sending, with the POST landed but not yet recorded → "added" after the restart, no second POST', async () => {
    const w = startCore();
    // The POST went through; the process died before writing "sent".
    const revive = killAfter(w, (r) => r.status === 'sent');
    await w.say('add Inception');
    const r0 = (await w.requests.list())[0]!;
    revive();
    // The kill hit the write of "sent": put the request back as the disk had it, one step earlier.
    await w.requests.update(r0.id, (x) => {
      x.status = 'approved';
      x.audit = x.audit.filter((e) => e.to !== 'sent');
    });
    expect(w.radarr.adds).toHaveLength(1);
    const after = await restartAndRun(w, () => undefined);
    expect((await w.requests.get(r0.id))?.status).toBe('sent');
    expect(w.radarr.adds).toHaveLength(1);
    expect(after.notifier.sent.map((m) => m.reply.code)).toEqual(['media.added']);
  });

  it('sent (the reply never went out) → nothing sent again; the person hears when it is ready, once', async () => {
    const w = startCore();
    const revive = killAfter(w, (r) => r.status === 'sent');
    await w.say('add Inception');
    const after = await restartAndRun(w, revive);
    const [r] = await w.requests.list();
    expect(r?.status).toBe('sent');
    expect(w.radarr.adds).toHaveLength(1);
    w.radarr.arrive(r?.backendItemId ?? -1);
    await after.core.processPending();
    await after.core.processPending();
    expect(after.notifier.sent.map((m) => m.reply.code)).toEqual(['media.available']);
  });

  it('needs_choice (the buttons had gone out) → the click after the restart works: one add, one answer', async () => {
    const w = startCore();
    const ask = await w.say('add Blade Runner');
    expect(ask.code).toBe('media.pick');
    const after = w.restart();
    const picked = await after.pick(ask, 'Blade Runner (1982)', alice);
    expect(picked.code).toBe('media.added');
    expect(w.radarr.adds).toHaveLength(1);
    await after.core.processPending();
    expect(w.radarr.adds).toHaveLength(1);
    expect(after.notifier.sent).toEqual([]);
  });
});
