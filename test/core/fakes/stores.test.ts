/**
 * One contract per store port, run against every store behind it: the Map stores the fast core
 * tests use, the lowdb files the app uses by default (adapters/store/request-store.ts,
 * choice-store.ts), and PostgreSQL (adapters/store/pg/) when a server can be had
 * (test/helpers/postgres.ts; without one those suites print why they skip).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LowdbChoiceStore } from '../../../adapters/store/choice-store.js';
import { openPgStores, type PgStores } from '../../../adapters/store/pg/pg-stores.js';
import { LowdbRequestStore } from '../../../adapters/store/request-store.js';
import { newRequest, transition } from '../../../src/core/media/request-lifecycle.js';
import type { ChoiceStore, RequestStore } from '../../../src/core/ports.js';
import type { Candidate, MediaRequest } from '../../../src/core/types.js';
import { startTestPostgres } from '../../helpers/postgres.js';
import { MemoryChoiceStore } from './choice-store.js';
import { alice, bob } from './fake-core.js';
import { MemoryRequestStore } from './request-store.js';

const freshDir = () => mkdtempSync(join(tmpdir(), 'reelbot-stores-'));

const postgres = await startTestPostgres();
if (postgres.why) console.log(`stores (postgres): skipped — ${postgres.why}`);
const opened: PgStores[] = [];
afterAll(async () => {
  for (const s of opened) await s.close();
  await postgres.pg?.stop();
});
async function pgStores(): Promise<PgStores> {
  if (!postgres.pg) throw new Error(postgres.why);
  const stores = await openPgStores(await postgres.pg.freshUrl());
  opened.push(stores);
  return stores;
}

/** A store's name, how to open an empty one, and why it is skipped here (if it is). */
type Entry<S> = [name: string, open: () => Promise<S>, skipped?: string];

const requestStores: Entry<RequestStore>[] = [
  ['lowdb', () => LowdbRequestStore.open(freshDir())],
  ['memory', async () => new MemoryRequestStore()],
  ['postgres', async () => (await pgStores()).requests, postgres.why],
];
const choiceStores: Entry<ChoiceStore>[] = [
  ['lowdb', () => LowdbChoiceStore.open(freshDir())],
  ['memory', async () => new MemoryChoiceStore()],
  ['postgres', async () => (await pgStores()).choices, postgres.why],
];

const at = (minute: number) => new Date(Date.UTC(2025, 5, 1, 12, minute));
const request = (id: string, minute: number, user = alice) =>
  newRequest(id, user, { text: `add ${id}`, title: id }, at(minute));

/** Every field a request can carry, with upstream text a store must keep as it came (U+0000, emoji). */
function fullRequest(id: string): MediaRequest {
  const r = request(id, 0, { ...alice, name: 'Алиса 🎬', roles: ['123'] });
  const amelie: Candidate = {
    source: 'tmdb',
    kind: 'movie',
    title: 'Amélie',
    otherTitles: ['Le Fabuleux Destin d’Amélie Poulain'],
    year: 2001,
    ids: { tmdb: 194, imdb: 'tt0211915' },
    popularity: 40.5,
    posterUrl: 'https://image.tmdb.org/t/p/w500/amelie.jpg',
    overview: 'A catalog overview with a stray NUL \u0000 and 🎬 in it.',
    key: 'movie:tmdb:194',
    sources: ['tmdb', 'radarr'],
    score: 0.91,
    factors: { title: 1, year: 1, popularity: 0.5, completeness: 1, recency: 0.25, kind: 1 },
  };
  Object.assign(r, {
    query: { text: 'add Amélie 2001', title: 'Amélie', year: 2001, hint: 'movie' },
    candidates: [amelie],
    chosen: amelie,
    options: { backend: 'radarr', monitor: 'all' },
    backend: 'radarr',
    backendItemId: 12,
    sources: [{ source: 'tmdb', status: 'ok', ms: 120, hits: 3 }],
  });
  transition(r, 'sent', 'cron', at(1), 'added', { http: 201, path: '/api/v3/movie' });
  return r;
}

for (const [name, open, skipped] of requestStores)
  describe.skipIf(skipped !== undefined)(`RequestStore (${name})`, () => {
    it('keeps a request exactly as it was inserted, every field and character', async () => {
      const store = await open();
      const r = fullRequest('amelie');
      await store.insert(r);
      expect(await store.get('amelie')).toEqual(r);
      expect(await store.list()).toEqual([r]);
    });

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

    it('updates of one request made at once all land, in the order they were made', async () => {
      const store = await open();
      await store.insert(request('aaaaaa', 0));
      const order = Array.from({ length: 25 }, (_, i) => i);
      await Promise.all(
        order.map((i) =>
          store.update('aaaaaa', (x) => {
            x.attempts += 1;
            x.reason = `${x.reason ?? ''}${i},`;
          }),
        ),
      );
      expect(await store.get('aaaaaa')).toMatchObject({ attempts: 25, reason: `${order.join(',')},` });
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

    it('lists only owned requests with `owned`, open or finished; an owner removed is gone from it', async () => {
      const store = await open();
      await store.insert(request('free01', 0));
      await store.insert({ ...request('owned1', 1), owner: { instance: 'i-a' } });
      await store.insert(request('owned2', 2));
      await store.update('owned2', (x) => {
        x.owner = {
          instance: 'i-b',
          reply: { code: 'media.added', text: 'Added Heat.', requestId: 'owned2' },
        };
        transition(x, 'already_present', 'telegram:alice', at(3));
      });
      expect((await store.list({ owned: true })).map((r) => r.id)).toEqual(['owned2', 'owned1']);
      expect((await store.get('owned2'))?.owner?.reply?.text).toBe('Added Heat.');
      await store.update('owned1', (x) => delete x.owner);
      expect((await store.list({ owned: true, since: at(-1).toISOString() })).map((r) => r.id)).toEqual([
        'owned2',
      ]);
    });
  });

for (const [name, open, skipped] of choiceStores)
  describe.skipIf(skipped !== undefined)(`ChoiceStore (${name})`, () => {
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

    it('of several clicks on one button at once, exactly one takes it', async () => {
      const store = await open();
      await store.put(choice('tok0000001', 60));
      const taken = await Promise.all(Array.from({ length: 6 }, () => store.take('tok0000001')));
      expect(taken.filter(Boolean)).toHaveLength(1);
    });

    it('purgeExpired drops what expired at or before now, and says how many', async () => {
      const store = await open();
      await store.put(choice('tok0000001', 10));
      await store.put(choice('tok0000002', 20));
      expect(await store.purgeExpired(at(10))).toBe(1);
      expect(await store.get('tok0000002')).toBeDefined();
    });
  });
