/**
 * The vocabulary API against the real App (config → adapters → core → vocab → enrichment) and
 * fake TMDb, IMSDb and DeepL on 127.0.0.1: the list made as the chat makes it and its job, the
 * words page by page with their translations, the job's state (paused by a DeepL 456 included),
 * one word with its examples, the totals; and each refusal as a 4xx with a stable code.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeDeepl, type FakeDeepl } from '../../fakes/deepl.js';
import { startFakeImsdb, type FakeImsdb } from '../../fakes/imsdb.js';
import { startWorld, type World } from '../../helpers/world.js';

const TOKEN = 'vocab-api-token-0123456789';
const DEEPL_KEY = 'deepl-vocab-api-key-0004:fx';
const MOVIE = 'inception-2010';
let imsdb: FakeImsdb;
let deepl: FakeDeepl;
let world: World;
let base: string;

beforeAll(async () => {
  imsdb = await startFakeImsdb();
  deepl = await startFakeDeepl({ apiKey: DEEPL_KEY });
  world = await startWorld({
    musicbrainz: false,
    sonarr: false,
    radarr: false,
    lidarr: false,
    env: {
      HTTP_PORT: '0',
      API_TOKEN: TOKEN,
      IMSDB_BASE_URL: imsdb.url,
      SCRIPT_TIMEOUT_MS: '3000',
      DEEPL_API_KEY: DEEPL_KEY,
      DEEPL_BASE_URL: deepl.url,
      // One new job per person per hour: the limit the chat applies holds for API callers too.
      ENRICH_PER_HOUR: '1',
    },
  });
  base = world.app.httpUrl ?? '';
});
afterAll(async () => {
  await world.close();
  await Promise.all([imsdb.close(), deepl.close()]);
});
beforeEach(() => {
  deepl.quota = Infinity;
});

type Json = Record<string, unknown>;

async function call(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  token: string | null = TOKEN,
): Promise<{ status: number; json: Json }> {
  const headers: Record<string, string> = {};
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, json: (await res.json()) as Json };
}

const errorOf = (r: { json: Json }) => r.json.error as { code: string; message: string };

async function until<T>(what: string, get: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await get();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`${what}: not in time; last ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const statusOf = (lang: string) => call('GET', `/api/vocab/movies/${MOVIE}/status?lang=${lang}`);

interface Entry {
  lemma: string;
  level: string;
  source: string;
  count: number;
  translation?: string;
}

describe('GIVEN a valid token', () => {
  it('POST /api/vocab → the list at the level, and the job it started; then pages, status, a word, stats', async () => {
    const posted = await call('POST', '/api/vocab', { title: 'inception', lang: 'French', level: 'B1' });
    expect(posted.status).toBe(200);
    expect(posted.json).toMatchObject({
      movie: { key: MOVIE, title: 'Inception', year: 2010, script: { source: 'IMSDb' } },
      language: { code: 'fr', name: 'French' },
      level: 'B1',
      page: 1,
      perPage: 50,
      reply: { code: 'vocab.profile' },
    });
    expect((posted.json.reply as { text: string }).text).toContain(
      'Translations into French are on their way',
    );
    expect(['enriching', 'ready']).toContain((posted.json.enrichment as Json).status);
    const entries = posted.json.entries as Entry[];
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.level === 'B1')).toBe(true);
    expect(posted.json.count).toBe(entries.length);

    const ready = await until(
      'job ready',
      () => statusOf('fr'),
      (r) => r.json.status === 'ready',
    );
    expect(ready.json).toMatchObject({
      movie: { key: MOVIE, title: 'Inception' },
      language: { code: 'fr' },
      status: 'ready',
      translator: 'DeepL',
    });

    // Every level, page 2: the same order as the chat's list (most frequent first), translated.
    const all = await call('GET', `/api/vocab/movies/${MOVIE}?lang=fr&level=A1-C2`);
    const count = all.json.count as number;
    expect(all.json.pages).toBe(Math.ceil(count / 50));
    const second = await call('GET', `/api/vocab/movies/${MOVIE}?lang=fr&level=A1-C2&page=2`);
    expect(second.status).toBe(200);
    const page2 = second.json.entries as Entry[];
    expect(page2).toHaveLength(Math.min(50, count - 50));
    expect(page2.every((e) => typeof e.translation === 'string')).toBe(true);
    const counts = [...(all.json.entries as Entry[]), ...page2].map((e) => e.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const b1 = await call('GET', `/api/vocab/movies/${MOVIE}?lang=fr&level=B1`);
    expect((b1.json.entries as Entry[]).find((e) => e.lemma === 'abandon')).toMatchObject({
      level: 'B1',
      source: 'CEFR-J',
      count: 3,
      translation: 'abandonner',
    });
    // Without a language: the words and their levels, nothing about translations.
    const bare = await call('GET', `/api/vocab/movies/${MOVIE}`);
    expect(bare.json.level).toBe('B1+');
    expect(bare.json.enrichment).toBeUndefined();
    expect((bare.json.entries as Entry[])[0]?.translation).toBeUndefined();

    const billedBefore = deepl.billed;
    const word = await call('GET', `/api/vocab/movies/${MOVIE}/words/abandoned?lang=fr`);
    expect(word.status).toBe(200);
    expect(word.json).toMatchObject({
      word: { lemma: 'abandon', level: 'B1', source: 'CEFR-J', count: 3 },
      translation: 'abandonner',
      enrichment: { status: 'ready' },
    });
    const examples = word.json.examples as { marked: string; translation?: string; speaker?: string }[];
    expect(examples.length).toBeGreaterThan(0);
    expect(examples.length).toBeLessThanOrEqual(3);
    expect(examples[0]?.marked).toContain('«abandoned»');
    expect(examples.every((e) => e.translation?.startsWith('fr:'))).toBe(true);
    const sentencesBilled = deepl.billed - billedBefore;
    expect(sentencesBilled).toBeGreaterThan(0);

    const stats = await call('GET', '/api/vocab/stats');
    expect(stats.status).toBe(200);
    expect(stats.json).toMatchObject({ movies: 1, enrichedMovies: 1, examples: examples.length });
    expect((stats.json.byLanguage as Record<string, Json>).fr).toMatchObject({ jobs: 1, ready: 1 });
    const billed = stats.json.charactersBilled as { words: number; sentences: number; total: number };
    expect(billed.sentences).toBe(sentencesBilled);
    expect(billed.total).toBe(billed.words + billed.sentences);
    expect(stats.json.averageExamplesPerMovie).toBe(examples.length);

    // A language nobody asked for yet: nothing started, and nothing stops one from starting.
    expect((await statusOf('ja')).json).toMatchObject({ status: 'not_started', language: { code: 'ja' } });
    expect((await statusOf('ja')).json.reason).toBeUndefined();
  });

  it('asking again joins or reuses the one job per movie and language; a second new job in the hour is refused', async () => {
    const [a, b] = await Promise.all([
      call('POST', '/api/vocab', { title: 'Inception', lang: 'es', user: 'ana' }),
      call('POST', '/api/vocab', { title: 'Inception', lang: 'es', user: 'ben' }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await until(
      'es ready',
      () => statusOf('es'),
      (r) => r.json.status === 'ready',
    );
    const jobs = (await call('GET', '/api/vocab/stats')).json.byLanguage as Record<string, Json>;
    expect(jobs.es).toMatchObject({ jobs: 1 });

    // Whoever's ask made the es job has used their one job this hour.
    const limited = await Promise.all(
      ['ana', 'ben'].map((user) => call('POST', '/api/vocab', { title: 'Inception', lang: 'it', user })),
    );
    const texts = limited.map((r) => (r.json.reply as { text: string }).text);
    expect(texts.filter((t) => t.includes('translation jobs in the last hour'))).toHaveLength(1);
    expect(limited.every((r) => r.status === 200)).toBe(true);
  });
});

describe('GIVEN DeepL answers 456 (quota exceeded) to the job', () => {
  it('THEN the status is paused with the time it tries again, and a word is a 404 with that status', async () => {
    deepl.quota = deepl.billed + 10;
    const started = Date.now();
    const posted = await call('POST', '/api/vocab', { title: 'Inception', lang: 'de', user: 'quota-user' });
    expect(posted.status).toBe(200);
    const paused = await until(
      'paused',
      () => statusOf('de'),
      (r) => r.json.status === 'paused',
    );
    expect(paused.json).toMatchObject({ status: 'paused', reason: 'quota', done: 0, translator: 'DeepL' });
    const until60 = Date.parse(paused.json.until as string) - started;
    // ENRICH_QUOTA_PAUSE_MINUTES defaults to 60.
    expect(until60).toBeGreaterThan(59 * 60_000);
    expect(until60).toBeLessThan(61 * 60_000);

    const word = await call('GET', `/api/vocab/movies/${MOVIE}/words/abandon?lang=de`);
    expect(word.status).toBe(404);
    expect(errorOf(word).code).toBe('not_ready');
    expect(errorOf(word).message).toContain('paused (quota) until');
    expect(word.json.enrichment).toEqual(pick(paused.json));
    const page = await call('GET', `/api/vocab/movies/${MOVIE}?lang=de`);
    expect(page.json.enrichment).toMatchObject({ status: 'paused', until: paused.json.until });
    expect((page.json.entries as Entry[]).some((e) => e.translation !== undefined)).toBe(false);
  });
});

/** The job's state out of a status answer (which also names the movie and the language). */
function pick(status: Json): Json {
  const { movie: _m, language: _l, ...state } = status;
  return state;
}

describe('refusals', () => {
  const routes = [
    ['POST', '/api/vocab', { title: 'Inception', lang: 'fr' }],
    ['GET', `/api/vocab/movies/${MOVIE}?lang=fr`],
    ['GET', `/api/vocab/movies/${MOVIE}/status?lang=fr`],
    ['GET', `/api/vocab/movies/${MOVIE}/words/abandon?lang=fr`],
    ['GET', '/api/vocab/stats'],
  ] as const;

  it('GIVEN no token or a wrong one THEN every route is a 401', async () => {
    for (const [method, path, body] of routes) {
      for (const token of [null, 'not-the-token-at-all']) {
        const r = await call(method, path, body, token);
        expect(r.status, `${method} ${path}`).toBe(401);
        expect(errorOf(r).code).toBe('unauthorized');
      }
    }
  });

  it('GIVEN a language no translator knows THEN 400 unknown_language', async () => {
    for (const [method, path, body] of routes.slice(0, 4)) {
      const r = await call(
        method,
        path.replace('lang=fr', 'lang=klingon'),
        body && { ...body, lang: 'klingon' },
      );
      expect(r.status, `${method} ${path}`).toBe(400);
      expect(errorOf(r).code).toBe('unknown_language');
      expect(errorOf(r).message).toContain('French (fr)');
    }
  });

  it('GIVEN an unknown movie THEN 404 unknown_movie; an unknown word 404 unknown_word', async () => {
    for (const path of ['', '/status?lang=fr', '/words/abandon?lang=fr']) {
      const r = await call('GET', `/api/vocab/movies/inception-1999${path}${path ? '' : '?lang=fr'}`);
      expect(r.status, path).toBe(404);
      expect(errorOf(r).code).toBe('unknown_movie');
    }
    const word = await call('GET', `/api/vocab/movies/${MOVIE}/words/xylophone?lang=fr`);
    expect(word.status).toBe(404);
    expect(errorOf(word)).toEqual({
      code: 'unknown_word',
      message: '"xylophone" is not in the vocabulary of Inception.',
    });
  });

  it('GIVEN a bad level, page, key or body THEN 400 naming the field; past the last page 404', async () => {
    const level = await call('GET', `/api/vocab/movies/${MOVIE}?level=D1`);
    expect(level.status).toBe(400);
    expect(errorOf(level)).toMatchObject({
      code: 'invalid_query',
      message: expect.stringMatching(/^level: /),
    });
    for (const page of ['0', 'two', '1.5']) {
      const r = await call('GET', `/api/vocab/movies/${MOVIE}?page=${page}`);
      expect(r.status, page).toBe(400);
      expect(errorOf(r).message).toMatch(/^page: /);
    }
    const past = await call('GET', `/api/vocab/movies/${MOVIE}?level=C2&page=99`);
    expect(past.status).toBe(404);
    expect(errorOf(past).code).toBe('page_not_found');
    const key = await call('GET', '/api/vocab/movies/..%2Fjobs/status?lang=fr');
    expect(key.status).toBe(400);
    expect(errorOf(key).code).toBe('invalid_path');
    const noLang = await call('GET', `/api/vocab/movies/${MOVIE}/status`);
    expect(errorOf(noLang).code).toBe('invalid_query');
    const body = await call('POST', '/api/vocab', { title: '', lang: 'fr', level: 'B2', year: 2010 });
    expect(body.status).toBe(400);
    expect(errorOf(body)).toMatchObject({ code: 'invalid_body' });
    expect(errorOf(body).message).toContain('title: must not be empty');
    expect(errorOf(body).message).toContain('year: not a field this endpoint takes');
  });

  it('GIVEN a title no script source has THEN 404 with the chat’s own answer', async () => {
    const r = await call('POST', '/api/vocab', { title: 'No Such Film Anywhere', lang: 'fr' });
    expect(r.status).toBe(404);
    expect(errorOf(r).code).toBe('vocab.noScript');
  });
});
