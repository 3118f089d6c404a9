/**
 * An instance killed while it tells a job's askers it ended (the job saved `ready` first, the
 * messages going out one by one through a slow chat API): the askers it had not told yet are told
 * once, by the other instance's takeover scan or by the next start-up, and the one it had told is
 * not told again. An end older than a day is not told any more: its askers are marked told.
 */
import { describe, expect, it } from 'vitest';
import { SCAN_MS } from '../../../src/core/vocab/enrichment/cluster-watch.js';
import type { EnrichmentJob, JobStore } from '../../../src/core/vocab/enrichment/types.js';
import { findLanguage } from '../../../src/core/vocab/languages.js';
import type { Language } from '../../../src/core/vocab/types.js';
import { FakeTime, FakeTranslator, MemoryJobStore, MemoryVocabStore } from './fakes.js';
import { person, queueOn, StallingNotifier, syntheticVocab, settle, toldReady } from './helpers.js';
import { LockServer, SessionLocks } from './session-locks.js';

const fr = findLanguage('fr') as Language;
const KEY = 'test-movie--fr';
const HOUR = 3_600_000;

function queue(jobs: JobStore, vocabs: MemoryVocabStore, time: FakeTime, locks?: SessionLocks) {
  const notifier = new StallingNotifier();
  const translator = new FakeTranslator();
  const q = queueOn({ jobs, vocabs, translator, notifier, time, ...(locks ? { locks } : {}) });
  return { q, notifier, translator };
}

const flags = (job: EnrichmentJob | undefined) => job?.askers.map((a) => `${a.user.userId}:${a.notified}`);

/**
 * Three people ask on `first`; it translates the whole job and tells u1, and its send to u2 never
 * comes back: the process is as good as killed from then on (nothing more goes out from it).
 */
async function killedWhileTelling(first: ReturnType<typeof queue>, vocabs: MemoryVocabStore) {
  const vocab = (await vocabs.get('test-movie'))!;
  const stalled = first.notifier.stallAt(person(2));
  const held = first.translator.holdAfter(0);
  const asked = [];
  for (const i of [1, 2, 3]) asked.push((await first.q.ask(vocab, fr, person(i))).kind);
  expect(asked).toEqual(['started', 'joined', 'joined']);
  await held;
  first.translator.letGo();
  await stalled;
  await settle();
  first.notifier.kill();
  expect(toldReady(first.notifier)).toEqual(['telegram:u1']);
}

describe('GIVEN two instances on one job store, and the one ending a job is killed while telling its askers', () => {
  it('THEN the other tells the untold once, after the teller is gone, and not the one already told', async () => {
    const [jobs, vocabs, time, server] = [
      new MemoryJobStore(),
      new MemoryVocabStore(),
      new FakeTime(),
      new LockServer(),
    ];
    await vocabs.put(syntheticVocab('test-movie', 120));
    const aLocks = new SessionLocks(server);
    const a = queue(jobs, vocabs, time, aLocks);
    const b = queue(jobs, vocabs, time, new SessionLocks(server));
    await b.q.resume();

    await killedWhileTelling(a, vocabs);
    // Saved as each send came back (at least once): only the send in flight is not marked.
    expect(flags(await jobs.get(KEY))).toEqual(['u1:true', 'u2:false', 'u3:false']);

    // B's scan while A still holds the job's tell lock (a live teller, slow): B waits, sends nothing.
    time.advance(SCAN_MS);
    await settle();
    expect(toldReady(b.notifier)).toEqual([]);

    // A's database session ends with it: the lock goes and B tells the two A had not told.
    aLocks.endSession();
    await b.q.idle();
    expect(toldReady(a.notifier, b.notifier)).toEqual(['telegram:u1', 'telegram:u2', 'telegram:u3']);
    expect(toldReady(b.notifier)).toEqual(['telegram:u2', 'telegram:u3']);
    expect(b.notifier.sent.map((s) => s.reply.text)).toEqual([
      a.notifier.sent[0]?.reply.text,
      a.notifier.sent[0]?.reply.text,
    ]);
    expect(flags(await jobs.get(KEY))).toEqual(['u1:true', 'u2:true', 'u3:true']);

    // Later scans find everyone told.
    time.advance(3 * SCAN_MS);
    await b.q.idle();
    expect(toldReady(b.notifier)).toEqual(['telegram:u2', 'telegram:u3']);
  });
});

describe("GIVEN one process (its own store, no shared locks) killed while telling a job's askers", () => {
  async function crashed() {
    const [jobs, vocabs, time] = [new MemoryJobStore(), new MemoryVocabStore(), new FakeTime()];
    await vocabs.put(syntheticVocab('test-movie', 120));
    const before = queue(jobs, vocabs, time);
    await killedWhileTelling(before, vocabs);
    expect(await jobs.get(KEY)).toMatchObject({ status: 'ready', done: 120 });
    return { jobs, vocabs, time, told: before.notifier.sent[0]?.reply };
  }

  it('THEN the restart tells the untold once, with the message the worker sends, and the next restart nobody', async () => {
    const { jobs, vocabs, time, told } = await crashed();
    const after = queue(jobs, vocabs, time);
    expect(await after.q.resume()).toBe(0);
    await after.q.idle();
    expect(toldReady(after.notifier)).toEqual(['telegram:u2', 'telegram:u3']);
    expect(after.notifier.sent.map((s) => s.reply)).toEqual([told, told]);
    expect(flags(await jobs.get(KEY))).toEqual(['u1:true', 'u2:true', 'u3:true']);

    await after.q.resume();
    await after.q.idle();
    const again = queue(jobs, vocabs, time);
    await again.q.resume();
    await again.q.idle();
    expect(after.notifier.sent).toHaveLength(2);
    expect(again.notifier.sent).toEqual([]);
  });

  it('THEN an end less than a day old is still told at the restart', async () => {
    const { jobs, vocabs, time } = await crashed();
    time.advance(24 * HOUR - 60_000);
    const after = queue(jobs, vocabs, time);
    await after.q.resume();
    await after.q.idle();
    expect(toldReady(after.notifier)).toEqual(['telegram:u2', 'telegram:u3']);
  });

  it('THEN an end more than a day old is not told: its askers are marked told without a message', async () => {
    const { jobs, vocabs, time } = await crashed();
    time.advance(24 * HOUR + 60_000);
    const after = queue(jobs, vocabs, time);
    await after.q.resume();
    await after.q.idle();
    expect(after.notifier.sent).toEqual([]);
    expect(flags(await jobs.get(KEY))).toEqual(['u1:true', 'u2:true', 'u3:true']);
    const again = queue(jobs, vocabs, time);
    await again.q.resume();
    await again.q.idle();
    expect(again.notifier.sent).toEqual([]);
  });
});
