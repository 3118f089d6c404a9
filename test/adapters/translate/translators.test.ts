/**
 * The DeepL and LibreTranslate adapters against fakes on 127.0.0.1 that answer as the real
 * services do: request shapes, batching limits, errors (403, 400, 413, 429, 456), and keys that
 * never leak into errors.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApertiumTranslator } from '../../../adapters/translate/apertium.js';
import { DeeplTranslator, deeplHost } from '../../../adapters/translate/deepl.js';
import { LibreTranslator } from '../../../adapters/translate/libretranslate.js';
import { findLanguage } from '../../../src/core/vocab/languages.js';
import type { Language } from '../../../src/core/vocab/types.js';
import { startFakeApertium } from '../../fakes/apertium.js';
import { startFakeDeepl, type FakeDeepl } from '../../fakes/deepl.js';
import { startFakeLibreTranslate, type FakeLibreTranslate } from '../../fakes/libretranslate.js';
import { upstreamFailure } from '../../helpers/upstream-failure.js';

const KEY = 'deepl-test-key-0001:fx';
const fr = findLanguage('fr') as Language;
const signal = () => AbortSignal.timeout(5000);

let deepl: FakeDeepl;
let libre: FakeLibreTranslate;
beforeAll(async () => {
  deepl = await startFakeDeepl({ apiKey: KEY });
  libre = await startFakeLibreTranslate({ apiKey: 'libre-key-0001', batchLimit: 10 });
});
afterAll(async () => {
  await deepl.close();
  await libre.close();
});
beforeEach(() => {
  deepl.calls.length = 0;
  deepl.fail(null);
  deepl.quota = Infinity;
  deepl.billed = 0;
  libre.calls.length = 0;
  libre.fail(null);
});

describe('DeepL', () => {
  const make = (key = KEY) => new DeeplTranslator({ apiKey: key, baseUrl: deepl.url, timeoutMs: 2000 });

  it('free keys (":fx") go to the free host, others to the pro host', () => {
    expect(deeplHost('abc:fx')).toBe('https://api-free.deepl.com');
    expect(deeplHost('abc')).toBe('https://api.deepl.com');
  });

  it('sends the texts, EN → FR, the key in the header and the context; bills the texts only', async () => {
    const res = await make().translate(['kick', 'dream'], fr, {
      context: 'We need a kick.\nEvery dream starts in the middle.',
      signal: signal(),
    });
    expect(res).toEqual({ texts: ['coup de pied', 'rêve'], characters: 9 });
    const [call] = deepl.callsTo('POST', '/v2/translate');
    expect(call?.headers.authorization).toBe(`DeepL-Auth-Key ${KEY}`);
    expect(call?.body).toEqual({
      text: ['kick', 'dream'],
      source_lang: 'EN',
      target_lang: 'FR',
      split_sentences: '0',
      context: 'We need a kick.\nEvery dream starts in the middle.',
    });
    expect(deepl.billed).toBe(9);
  });

  it('a wrong key → auth, and the key is in no message', async () => {
    const e = await upstreamFailure(make('wrong-key-zz').translate(['kick'], fr, { signal: signal() }));
    expect(e.failure).toBe('auth');
    expect(e.message).not.toContain('wrong-key-zz');
    expect(JSON.stringify(e)).not.toContain('wrong-key-zz');
  });

  it('456 → quota (not retried)', async () => {
    deepl.quota = 3;
    const e = await upstreamFailure(make().translate(['kick'], fr, { signal: signal() }));
    expect(e.failure).toBe('quota');
    expect(deepl.callsTo('POST', '/v2/translate')).toHaveLength(1);
  });

  it('429 with Retry-After is waited out and retried', async () => {
    deepl.fail(
      {
        kind: 'status',
        status: 429,
        body: { message: 'Too many requests' },
        headers: { 'retry-after': '0' },
      },
      1,
    );
    const res = await make().translate(['kick'], fr, { signal: signal() });
    expect(res.texts).toEqual(['coup de pied']);
    expect(deepl.callsTo('POST', '/v2/translate')).toHaveLength(2);
  });

  it('more than 50 texts are refused before sending; the fake refuses them too', async () => {
    const many = Array.from({ length: 51 }, (_, i) => `w${i}`);
    await expect(make().translate(many, fr, { signal: signal() })).rejects.toThrow(RangeError);
    const res = await fetch(`${deepl.url}/v2/translate`, {
      method: 'POST',
      headers: { authorization: `DeepL-Auth-Key ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: many, target_lang: 'FR' }),
    });
    expect(res.status).toBe(400);
  });

  it('a body over 128 KiB → 413 rejected', async () => {
    const e = await upstreamFailure(make().translate(['x'.repeat(140 * 1024)], fr, { signal: signal() }));
    expect(e.failure).toBe('rejected');
    expect(e.status).toBe(413);
  });

  it('a wrong shape → bad_response', async () => {
    deepl.fail({ kind: 'status', status: 200, body: { translations: [{ nope: 1 }] } }, 1);
    expect((await upstreamFailure(make().translate(['kick'], fr, { signal: signal() }))).failure).toBe(
      'bad_response',
    );
  });
});

describe('LibreTranslate', () => {
  const make = (apiKey = 'libre-key-0001') =>
    new LibreTranslator({ baseUrl: libre.url, apiKey, maxTexts: 10, timeoutMs: 2000 });

  it('sends q as an array with source en, format text and the key; one string per text back', async () => {
    const res = await make().translate(['kick', 'dream'], fr, { context: 'ignored', signal: signal() });
    expect(res).toEqual({ texts: ['fr:kick', 'fr:dream'], characters: 9 });
    expect(libre.callsTo('POST', '/translate')[0]?.body).toEqual({
      q: ['kick', 'dream'],
      source: 'en',
      target: 'fr',
      format: 'text',
      api_key: 'libre-key-0001',
    });
  });

  it('a wrong key → auth without the key in the message; over the batch limit → rejected', async () => {
    const e = await upstreamFailure(make('bad-libre-key').translate(['kick'], fr, { signal: signal() }));
    expect(e.failure).toBe('auth');
    expect(e.message).not.toContain('bad-libre-key');
    const many = Array.from({ length: 11 }, (_, i) => `w${i}`);
    const over = await upstreamFailure(make().translate(many, fr, { signal: signal() }));
    expect(over.failure).toBe('rejected');
    expect(over.detail).toContain('exceeds text limit');
  });

  it('429 is retried', async () => {
    libre.fail({ kind: 'status', status: 429, body: { error: 'Slowdown: 1 per 1 second' } }, 1);
    expect((await make().translate(['kick'], fr, { signal: signal() })).texts).toEqual(['fr:kick']);
  });
});

describe('Apertium APy', () => {
  it('one form POST per text (langpair eng|spa, markUnknown=no), answers in order; a missing pair → rejected', async () => {
    const apy = await startFakeApertium(['eng|spa']);
    try {
      const t = new ApertiumTranslator({ baseUrl: apy.url, timeoutMs: 2000 });
      const es = findLanguage('es') as Language;
      expect(t.supports(es)).toBe(true);
      expect(t.supports(findLanguage('ja') as Language)).toBe(false);
      const res = await t.translate(['kick', 'dream', 'abandon'], es, { signal: signal() });
      expect(res).toEqual({ texts: ['spa:kick', 'spa:dream', 'spa:abandon'], characters: 16 });
      const calls = apy.callsTo('POST', '/translate');
      expect(calls).toHaveLength(3);
      expect(calls.map((c) => c.body)).toContainEqual({ langpair: 'eng|spa', q: 'dream', markUnknown: 'no' });
      const e = await upstreamFailure(
        t.translate(['kick'], findLanguage('ca') as Language, { signal: signal() }),
      );
      expect(e.failure).toBe('rejected');
      expect(e.status).toBe(400);
    } finally {
      await apy.close();
    }
  });
});
