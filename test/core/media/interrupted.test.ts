/**
 * A request a crash left half-decided ("received" or "classified" on disk, nobody answered) is
 * taken up by the cron once it is clearly not being decided any more: twice the decision
 * deadline after its last change, by the core's clock. One being decided right now is left alone.
 */
import { describe, expect, it } from 'vitest';
import { newRequest } from '../../../src/core/media/request-lifecycle.js';
import { alice, defaultSettings, startCore } from '../fakes/fake-core.js';

const stuckAfterMs = 2 * defaultSettings().policy.deadlineMs;
const inception = { text: 'add Inception', title: 'Inception' };

describe('a request a crash left "received"', () => {
  it('a minute old → the cron decides it, sends it, and tells the person', async () => {
    const w = startCore();
    // What a kill 0.8 s after "add Inception" leaves on disk: the request, stored, not yet decided.
    await w.requests.insert(
      newRequest('stuck1', alice, inception, new Date(w.clock.now().getTime() - 60_000)),
    );
    const report = await w.core.processPending();
    expect(report.sent).toBe(1);
    expect((await w.requests.get('stuck1'))?.status).toBe('sent');
    expect(w.radarr.adds.map((a) => a.candidate.ids.tmdb)).toEqual([27205]);
    expect(w.notifier.sent.map((m) => [m.to.userId, m.reply.code])).toEqual([['alice', 'media.added']]);
  });

  it('being classified right now → left alone; once twice the deadline has passed → taken up', async () => {
    const w = startCore();
    await w.requests.insert(newRequest('fresh1', alice, inception, w.clock.now()));
    await w.core.processPending();
    expect((await w.requests.get('fresh1'))?.status).toBe('received');

    w.clock.advance(stuckAfterMs);
    await w.core.processPending();
    expect((await w.requests.get('fresh1'))?.status).toBe('sent');
  });
});
