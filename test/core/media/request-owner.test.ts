/**
 * Instances on one store: the one that has a request in hand is its owner (request-owner.ts).
 * The cron elsewhere leaves a live owner's request alone — it used to send an "approved" request
 * a chat was sending right then, and tell the person a second time — and takes up a dead owner's
 * at once. An answer a Telegram chat never confirmed delivering is sent by the cron once its
 * instance is gone. Two cores on the same stores and lock service (as on PostgreSQL), fake clock.
 */
import { describe, expect, it } from 'vitest';
import { newRequest, requestIdFor, transition } from '../../../src/core/media/request-lifecycle.js';
import { alice, startCore } from '../fakes/fake-core.js';
import { inception } from '../fakes/hits.js';

const query = { text: 'add Inception', title: 'Inception' };

describe('GIVEN an "approved" request another instance has in hand', () => {
  it('WHEN that instance lives THEN the cron here leaves it; once it is gone THEN the cron sends it and tells once', async () => {
    const a = startCore();
    const b = a.sibling();
    const r = newRequest('own001', alice, query, a.clock.now());
    r.chosen = {
      ...inception,
      key: 'movie:tmdb:27205',
      score: 0.95,
      sources: ['tmdb'],
      factors: { title: 1, year: 1, popularity: 1, completeness: 1, recency: 1, kind: 1 },
    };
    transition(r, 'approved', 'telegram:alice', a.clock.now());
    await a.requests.insert({ ...r, owner: { instance: a.instances.self } });

    await b.core.processPending();
    expect(a.radarr.adds).toHaveLength(0);
    expect(b.notifier.sent).toHaveLength(0);
    expect((await a.requests.get('own001'))?.status).toBe('approved');

    await a.instances.stop();
    await b.core.processPending();
    expect(a.radarr.adds.map((x) => x.candidate.ids.tmdb)).toEqual([27205]);
    expect(b.notifier.sent.map((m) => m.reply.code)).toEqual(['media.added']);
    expect((await a.requests.get('own001'))?.owner).toBeUndefined();
  });
});

describe('GIVEN a request "received" by an instance that died a moment later', () => {
  it('THEN the cron takes it up at once, without waiting twice the decision deadline', async () => {
    const a = startCore();
    const b = a.sibling();
    await a.requests.insert({
      ...newRequest('own002', alice, query, a.clock.now()),
      owner: { instance: 'gone-1' },
    });
    await b.core.processPending();
    expect((await a.requests.get('own002'))?.status).toBe('sent');
    expect(b.notifier.sent.map((m) => m.reply.code)).toEqual(['media.added']);
  });
});

describe('GIVEN "add Inception" from Telegram (a message with an origin)', () => {
  const origin = 'telegram:1:2:3';

  it('WHEN the chat confirms delivering the answer THEN nothing is owed and no cron says it again', async () => {
    const a = startCore();
    const b = a.sibling();
    const reply = await a.core.handle({ user: alice, text: 'add Inception', origin });
    expect((await a.requests.get(requestIdFor(origin)))?.owner?.reply?.text).toBe(reply.text);
    await a.core.delivered(requestIdFor(origin));
    expect((await a.requests.get(requestIdFor(origin)))?.owner).toBeUndefined();
    await a.instances.stop();
    await b.core.processPending();
    expect(b.notifier.sent).toHaveLength(0);
  });

  it('WHEN the instance dies before the chat delivered it THEN the cron elsewhere sends that answer, once', async () => {
    const a = startCore();
    const b = a.sibling();
    const reply = await a.core.handle({ user: alice, text: 'add Inception', origin });
    await b.core.processPending();
    expect(b.notifier.sent).toHaveLength(0);

    await a.instances.stop();
    await b.core.processPending();
    await b.core.processPending();
    expect(b.notifier.sent.map((m) => [m.to.userId, m.reply.text])).toEqual([['alice', reply.text]]);
    expect(a.radarr.adds).toHaveLength(1);
  });

  it('WHEN the instance died after deciding but before writing its answer down THEN the cron says how the request stands, once', async () => {
    const a = startCore();
    const r = newRequest('own003', alice, query, a.clock.now());
    transition(r, 'already_present', 'telegram:alice', a.clock.now());
    await a.requests.insert({ ...r, backend: 'radarr', owner: { instance: 'gone-2', owes: true } });
    await a.core.processPending();
    await a.core.processPending();
    expect(a.notifier.sent.map((m) => m.reply.text)).toEqual([
      'Your request own003, Inception: already in the library.',
    ]);
  });

  it('a message without an origin (Discord, the terminal) owes nothing once answered', async () => {
    const a = startCore();
    const reply = await a.say('add Inception');
    expect((await a.requests.get(reply.requestId!))?.owner).toBeUndefined();
  });
});
