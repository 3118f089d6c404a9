/**
 * The list browser in the core: what its buttons carry (within Telegram's 64 bytes and Discord's
 * 100 characters for any key, lemma and id, unique within a Discord message, in Discord's five
 * rows of five), who may click, and what a click answers after a restart, with the list gone, or
 * with a list analysed again since.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Platform, Reply, UserRef } from '../../../src/core/types.js';
import { layoutFor } from '../../../src/core/vocab/browser/layout.js';
import {
  decodeBrowse,
  encodeBrowse,
  movieHash,
  ownerTag,
  type BrowserState,
  type BrowserView,
} from '../../../src/core/vocab/browser/payload.js';
import { VocabBrowser } from '../../../src/core/vocab/browser/vocab-browser.js';
import { EnrichmentDesk } from '../../../src/core/vocab/enrichment/enrichment-desk.js';
import { EnrichmentQueue } from '../../../src/core/vocab/enrichment/queue.js';
import { LANGUAGES, findLanguage } from '../../../src/core/vocab/languages.js';
import {
  CEFR_LEVELS,
  type Language,
  type MovieVocab,
  type VocabCommand,
} from '../../../src/core/vocab/types.js';
import {
  FakeTime,
  FakeTranslator,
  MemoryJobStore,
  MemoryVocabStore,
  quietLogger,
} from '../enrichment/fakes.js';
import { RecordingNotifier, SETTINGS, syntheticVocab } from '../enrichment/helpers.js';

const fr = findLanguage('fr') as Language;
const LONG_KEY = `${'the-lord-of-the-rings-the-fellowship-of-the-ring-extended-edition-'.slice(0, 80)}-2001--subtitles-0a1b2c3d`;

function world(vocabs = new MemoryVocabStore(), keys: () => string[] = () => []) {
  const time = new FakeTime();
  const queue = new EnrichmentQueue({
    jobs: new MemoryJobStore(),
    vocabs,
    translator: new FakeTranslator(),
    notifier: new RecordingNotifier(),
    clock: time,
    timers: time,
    logger: quietLogger,
    settings: SETTINGS,
  });
  const desk = new EnrichmentDesk({
    queue,
    vocabs,
    isAdmin: () => false,
    movies: async () => keys(),
    logger: quietLogger,
  });
  return { vocabs, queue, desk, browser: new VocabBrowser(desk) };
}

function vocabWith(key: string, lemmas: readonly string[]): MovieVocab {
  const v = syntheticVocab(key, lemmas.length);
  lemmas.forEach((lemma, i) => {
    const e = v.entries[i];
    if (e) e.lemma = lemma;
  });
  return v;
}

const list = (language?: Language): VocabCommand => ({
  range: { min: 'B1', max: 'C2' },
  rangeGiven: false,
  ...(language ? { language } : {}),
});

const userOn = (platform: Platform, userId: string): UserRef => ({ platform, userId, chatId: 'c1' });

/** Every view reachable from `first` by clicking, breadth first, up to `max` clicks. */
async function explore(browser: VocabBrowser, first: Reply, user: UserRef, max = 120): Promise<Reply[]> {
  const seen = new Set<string>();
  const views = [first];
  for (let i = 0; i < views.length && seen.size < max; i++) {
    for (const b of (views[i]?.buttons ?? []).flat()) {
      if (seen.has(b.data) || seen.size >= max) continue;
      seen.add(b.data);
      views.push(await browser.click(b.data, user));
    }
  }
  return views;
}

/** The limits each chat puts on a message with buttons (layout.ts says where they come from). */
function checkLimits(platform: 'telegram' | 'discord', reply: Reply): void {
  const rows = reply.buttons ?? [];
  const all = rows.flat();
  expect(reply.text.length).toBeLessThanOrEqual(layoutFor(platform).maxChars);
  if (platform === 'telegram') {
    for (const b of all) expect(Buffer.byteLength(b.data, 'utf8')).toBeLessThanOrEqual(64);
    for (const row of rows) expect(row.length).toBeLessThanOrEqual(7);
    expect(all.length).toBeLessThanOrEqual(26);
  } else {
    for (const b of all) expect(b.data.length).toBeLessThanOrEqual(100);
    expect(new Set(all.map((b) => b.data)).size).toBe(all.length);
    expect(rows.length).toBeLessThanOrEqual(5);
    for (const row of rows) expect(row.length).toBeLessThanOrEqual(5);
  }
  for (const b of all) expect([...b.label].length).toBeLessThanOrEqual(32);
}

const slugChar = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-éøсталкер日本映画'.split(''));
const movieKey = fc.array(slugChar, { minLength: 1, maxLength: 120 }).map((a) => a.join(''));
const tab = fc.constantFrom('home' as const, ...CEFR_LEVELS);
const view: fc.Arbitrary<BrowserView> = fc.oneof(
  fc.record({ kind: fc.constant('list' as const), tab, page: fc.nat(5000) }),
  fc.record({
    kind: fc.constant('word' as const),
    tab,
    page: fc.nat(5000),
    index: fc.nat(2_000_000),
    check: fc.stringMatching(/^[0-9a-z]{2}$/),
  }),
  fc.record({ kind: fc.constant('export' as const), tab }),
  fc.record({ kind: fc.constant('languages' as const), tab, page: fc.nat(5000) }),
  fc.constant({ kind: 'ask' as const }),
);
const ownerId = fc.oneof(
  fc.bigInt({ min: 1n, max: 2n ** 64n - 1n }).map(String),
  fc.string({ minLength: 1, maxLength: 40 }),
);
const state: fc.Arbitrary<BrowserState> = fc
  .record({
    owner: ownerId.map(ownerTag),
    language: fc.option(fc.constantFrom(...LANGUAGES.map((l) => l.code)), { nil: undefined }),
    levels: fc.tuple(fc.nat(5), fc.nat(5)),
    view,
  })
  .map(({ owner, language, levels: [a, b], view: v }) => {
    const [min, max] = [CEFR_LEVELS[Math.min(a, b)], CEFR_LEVELS[Math.max(a, b)]] as const;
    const s: BrowserState = { owner, home: { min: min ?? 'A1', max: max ?? 'C2' }, view: v };
    if (language) s.language = language;
    return s;
  });

describe('what a button carries', () => {
  it('fits 64 bytes (Telegram) and 100 (Discord) for any owner, language, view and key, and reads back', () => {
    fc.assert(
      fc.property(state, movieKey, fc.constantFrom(64, 100), (s, key, max) => {
        const { data, hashed } = encodeBrowse(s, key, max);
        expect(Buffer.byteLength(data, 'utf8')).toBeLessThanOrEqual(max);
        expect(decodeBrowse(data)).toEqual({ ...s, movie: hashed ? { hash: movieHash(key) } : { key } });
      }),
      { numRuns: 2000 },
    );
  });

  it('is null for anything else: a media choice, another version, a broken view', () => {
    for (const data of [
      'c:abcdef1234:1',
      'v2:1:fr:25:lh0:inception',
      'v1:1:fr:52:lh0:x',
      'v1:1:fr:25:q:x',
      42,
    ])
      expect(decodeBrowse(data)).toBeNull();
  });
});

describe.each(['telegram', 'discord'] as const)('every button of every view on %s', (platform) => {
  it('keeps to the limits, for long keys, long lemmas and big ids', async () => {
    const lemma = fc.string({ minLength: 1, maxLength: 60, unit: 'grapheme' });
    const id =
      platform === 'telegram'
        ? fc.bigInt({ min: 1n, max: 2n ** 52n })
        : fc.bigInt({ min: 10n ** 17n, max: 2n ** 64n - 1n });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(movieKey, fc.constant(LONG_KEY)),
        fc.array(lemma, { minLength: 1, maxLength: 40 }),
        id,
        async (key, lemmas, userId) => {
          const { vocabs, browser } = world();
          const vocab = vocabWith(key, lemmas);
          await vocabs.put(vocab);
          const user = userOn(platform, String(userId));
          const first = await browser.firstPage(
            vocab,
            list(fr),
            user,
            undefined,
            layoutFor(platform).maxChars,
          );
          const views = await explore(browser, first, user, 60);
          expect(views.length).toBeGreaterThan(5);
          for (const v of views) {
            expect(v.private).toBeUndefined();
            checkLimits(platform, v);
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 60_000);
});

describe('a click', () => {
  const alice = userOn('telegram', '1394032416');
  const button = (r: Reply, label: string) =>
    (r.buttons ?? []).flat().find((b) => b.label === label)?.data ?? `no button ${label}`;

  it('by someone else is refused, privately, before anything is read', async () => {
    const { vocabs, browser } = world();
    const vocab = vocabWith('inception', ['kick', 'dream', 'totem']);
    await vocabs.put(vocab);
    const first = await browser.firstPage(vocab, list(), alice, undefined, 3500);
    const reply = await browser.click(button(first, 'C1'), userOn('telegram', '5123456789'));
    expect(reply).toMatchObject({ code: 'vocab.browseNotYours', private: true });
  });

  it('on a list that is gone, or on buttons we never made, says to ask again', async () => {
    const { browser } = world();
    for (const data of ['v1:zz', 'v1:n1yyao:xx:25:lh0:inception', 'v1:n1yyao::25:lh0:no-such-movie']) {
      const reply = await browser.click(data, alice);
      expect(reply).toMatchObject({ code: 'vocab.browseExpired', private: true });
      expect(reply.text).toContain('Ask for it again');
    }
  });

  it('after a restart finds a list whose key was too long for the button, from the stored keys', async () => {
    const vocabs = new MemoryVocabStore();
    const vocab = vocabWith(
      LONG_KEY,
      Array.from({ length: 40 }, (_, i) => `word${i}`),
    );
    await vocabs.put(vocab);
    const before = world(vocabs, () => [LONG_KEY]);
    const first = await before.browser.firstPage(vocab, list(), alice, undefined, 3500);
    const next = button(first, 'Next ›');
    expect(next).toContain(`#${movieHash(LONG_KEY)}`);

    const after = world(vocabs, () => ['inception', LONG_KEY]);
    const page2 = await after.browser.click(next, alice);
    expect(page2.code).toBe('vocab.profile');
    expect(page2.text).toContain('(16–');
    const none = world(vocabs, () => ['inception']);
    expect((await none.browser.click(next, alice)).code).toBe('vocab.browseExpired');
  });

  it('on a word of a list analysed again since shows the page the word was on', async () => {
    const { vocabs, browser } = world();
    const vocab = vocabWith(
      'inception',
      Array.from({ length: 20 }, (_, i) => `word${i}`),
    );
    await vocabs.put(vocab);
    const first = await browser.firstPage(vocab, list(), alice, undefined, 3500);
    const open = button(first, 'word1');
    expect((await browser.click(open, alice)).code).toBe('vocab.word');
    await vocabs.put(
      vocabWith(
        'inception',
        Array.from({ length: 20 }, (_, i) => `other${i}`),
      ),
    );
    const again = await browser.click(open, alice);
    expect(again.code).toBe('vocab.profile');
    expect(again.text).toContain('other1');
  });

  it('on a language starts its job, and the list follows it', async () => {
    const { vocabs, browser, queue } = world();
    const vocab = vocabWith('inception', ['kick', 'dream', 'totem']);
    await vocabs.put(vocab);
    const first = await browser.firstPage(vocab, list(), alice, undefined, 3500);
    const menu = await browser.click(button(first, 'Another language'), alice);
    expect(menu.code).toBe('vocab.languages');
    const german = await browser.click(button(menu, 'German'), alice);
    expect(german.text).toContain('For a German speaker (de).');
    expect(german.text).toContain('Translations into German are on their way (DeepL)');
    await queue.idle();
    const again = await browser.click(button(german, '★ B1+'), alice);
    expect(again.text).toMatch(/• dream = de:dream \(noun\)/);
    expect(again.progress).toBeUndefined();
  });
});
