/**
 * A platform that did not hear "delivered" (the instance died before answering Telegram's
 * webhook, or a proxy lost the answer) sends the same message again, perhaps to another instance
 * on the same database. The request's id comes from the message (IncomingMessage.origin), so the
 * second delivery finds the first request and says nothing: one request, one answer. `stored` is
 * called once the request is on disk, before it is decided.
 */
import { describe, expect, it } from 'vitest';
import { newRequest, requestIdFor } from '../../../src/core/media/request-lifecycle.js';
import { alice, startCore } from '../fakes/fake-core.js';

const origin = 'telegram:7617087239:1394032416:42';

describe('GIVEN "add Inception" from a message with an origin', () => {
  it('WHEN it is delivered twice THEN one request, the second answer is silent, Radarr gets it once', async () => {
    const w = startCore();
    const msg = { user: alice, text: 'add Inception', origin };
    const first = await w.core.handle(msg);
    const second = await w.core.handle(msg);
    expect(first.code).toBe('media.added');
    expect(first.requestId).toBe(requestIdFor(origin));
    expect(second).toMatchObject({ code: 'media.repeat', silent: true });
    expect(await w.requests.list()).toHaveLength(1);
    expect((await w.requests.get(requestIdFor(origin)))?.origin).toBe(origin);
    expect(w.radarr.adds).toHaveLength(1);
  });

  it('WHEN another message happens to hash to the same id THEN it is stored under an id of its own', async () => {
    const w = startCore();
    await w.requests.insert(
      newRequest(requestIdFor(origin), alice, { text: 'add Heat', title: 'Heat' }, w.clock.now()),
    );
    const reply = await w.core.handle({ user: alice, text: 'add Inception', origin });
    expect(reply.code).toBe('media.added');
    expect(reply.requestId).not.toBe(requestIdFor(origin));
    expect(await w.requests.list()).toHaveLength(2);
  });

  it('THEN `stored` is called once the request is on disk, before it is decided', async () => {
    const w = startCore();
    let storedWhenTaken: string | undefined;
    const taken = new Promise<void>((resolve) => {
      void w.core.handle({ user: alice, text: 'add Inception', origin }, () => {
        void w.requests.get(requestIdFor(origin)).then((r) => {
          storedWhenTaken ??= r?.status;
          resolve();
        });
      });
    });
    await taken;
    expect(storedWhenTaken).toBe('received');
  });

  it('anything but an add stores nothing, so `stored` is never called for it', async () => {
    const w = startCore();
    let calls = 0;
    const reply = await w.core.handle({ user: alice, text: 'help', origin }, () => void (calls += 1));
    expect(reply.code).toBe('help');
    expect(calls).toBe(0);
  });
});

describe('requestIdFor', () => {
  it('is the same on every call, six characters of the id alphabet, and spreads messages apart', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => requestIdFor(`telegram:1:2:${i}`));
    expect(requestIdFor(origin)).toBe(requestIdFor(origin));
    expect(ids.every((id) => /^[a-hjkmnp-z2-9]{6}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBeGreaterThan(4990);
  });
});
