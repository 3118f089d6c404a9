/**
 * The Map stores the fast core tests use behave like the lowdb ones the app uses: the same
 * checks run against both (adapters/store/request-store.ts, choice-store.ts).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LowdbChoiceStore } from '../../../adapters/store/choice-store.js';
import { LowdbRequestStore } from '../../../adapters/store/request-store.js';
import { newRequest, transition } from '../../../src/core/media/request-lifecycle.js';
import type { ChoiceStore, RequestStore } from '../../../src/core/ports.js';
import { MemoryChoiceStore } from './choice-store.js';
import { alice, bob } from './fake-core.js';
import { MemoryRequestStore } from './request-store.js';

const freshDir = () => mkdtempSync(join(tmpdir(), 'reelbot-stores-'));

const requestStores: [string, () => Promise<RequestStore>][] = [
  ['lowdb', () => LowdbRequestStore.open(freshDir())],
  ['memory', async () => new MemoryRequestStore()],
];
const choiceStores: [string, () => Promise<ChoiceStore>][] = [
  ['lowdb', () => LowdbChoiceStore.open(freshDir())],
  ['memory', async () => new MemoryChoiceStore()],
];

const at = (minute: number) => new Date(Date.UTC(2025, 5, 1, 12, minute));
const request = (id: string, minute: number, user = alice) =>
  newRequest(id, user, { text: `add ${id}`, title: id }, at(minute));

describe.each(requestStores)('RequestStore (%s)', (_name, open) => {
  it('hands out copies: changing what get or list returned changes nothing stored', async () => {
    const store = await open();
    const r = request('aaaaaa', 0);
    await store.insert(r);
    r.query.title = 'changed after insert';
    const got = await store.get('aaaaaa');
    if (!got) throw new Error('not stored');
    got.status = 'failed';
    (await store.list())[0]?.audit.push({ at: at(1).toISOString(), actor: 'x', to: 'failed' });
    expect(await store.get('aaaaaa')).toMatchObject({ status: 'received', query: { title: 'aaaaaa' } });
    expect((await store.get('aaaaaa'))?.audit).toHaveLength(1);
  });

  it('update applies the change to the stored copy and returns a new copy', async () => {
    const store = await open();
    await store.insert(request('aaaaaa', 0));
    const updated = await store.update('aaaaaa', (x) => transition(x, 'classified', 'cron', at(1)));
    updated.attempts = 99;
    const again = await store.update('aaaaaa', (x) => void (x.attempts += 1));
    expect(again).toMatchObject({ status: 'classified', attempts: 1 });
  });

  it('a duplicate insert and an update of an unknown id throw', async () => {
    const store = await open();
    await store.insert(request('aaaaaa', 0));
    await expect(store.insert(request('aaaaaa', 1))).rejects.toThrow('already exists');
    await expect(store.update('zzzzzz', () => undefined)).rejects.toThrow('no request zzzzzz');
  });

  it('lists newest first (ties in insertion order), filtered by status and user', async () => {
    const store = await open();
    await store.insert(request('first1', 0));
    await store.insert(request('second', 5, bob));
    await store.insert(request('third3', 5));
    await store.update('first1', (x) => transition(x, 'failed', 'cron', at(6)));
    expect((await store.list()).map((r) => r.id)).toEqual(['second', 'third3', 'first1']);
    expect((await store.list({ status: ['failed'] })).map((r) => r.id)).toEqual(['first1']);
    expect((await store.list({ user: 'terminal:alice' })).map((r) => r.id)).toEqual(['third3', 'first1']);
    // The finished one is in the archive on disk for lowdb: the filter applies there too.
    const since = at(0).toISOString();
    expect((await store.list({ user: 'terminal:alice', since })).map((r) => r.id)).toEqual(['third3']);
    expect((await store.list({ since: at(-1).toISOString() })).map((r) => r.id)).toHaveLength(3);
  });
});

describe.each(choiceStores)('ChoiceStore (%s)', (_name, open) => {
  const choice = (token: string, expiresMinute: number) => ({
    token,
    owner: 'terminal:alice',
    purpose: 'media.pick',
    requestId: 'aaaaaa',
    values: ['movie:tmdb:78'],
    expiresAt: at(expiresMinute).toISOString(),
  });

  it('take removes, so a second take finds nothing', async () => {
    const store = await open();
    await store.put(choice('tok0000001', 60));
    expect(await store.get('tok0000001')).toEqual(choice('tok0000001', 60));
    expect(await store.take('tok0000001')).toBe(true);
    expect(await store.take('tok0000001')).toBe(false);
    expect(await store.get('tok0000001')).toBeUndefined();
  });

  it('purgeExpired drops what expired at or before now, and says how many', async () => {
    const store = await open();
    await store.put(choice('tok0000001', 10));
    await store.put(choice('tok0000002', 20));
    expect(await store.purgeExpired(at(10))).toBe(1);
    expect(await store.get('tok0000002')).toBeDefined();
  });
});
