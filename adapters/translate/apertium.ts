/**
 * Apertium APy (wiki.apertium.org/wiki/Apertium-apy) as a Translator: `POST /translate` with the
 * form fields `langpair=eng|spa`, `q` and `markUnknown=no` → `{"responseData":{"translatedText":
 * "…"},"responseDetails":null,"responseStatus":200}`. APy takes one text per request, so a batch
 * is sent as parallel requests (the limiter keeps to `maxConcurrent`). Rule-based, free and
 * offline when self-hosted; English pairs are few (Spanish, Catalan, Galician, Esperanto …): a
 * pair the server lacks answers 400 "That pair is not installed", and the job fails saying so.
 */
import { z } from 'zod';
import type { Logger } from '../../src/core/ports.js';
import type { TranslateOptions, Translation, Translator } from '../../src/core/vocab/enrichment/types.js';
import type { Language } from '../../src/core/vocab/types.js';
import { HttpClient } from '../http-client/http-client.js';

/**
 * Our language codes (src/core/vocab/languages.ts) → the ISO 639-3 codes Apertium names its
 * pairs with, for the languages with an English pair. APy reads `langpair` as 639-3
 * (apertium_apy/handlers/translate.py `get_pair_or_error`, via utils `to_alpha3_code`); the code
 * names no region, so European and Brazilian Portuguese both ask for `por`.
 */
export const APERTIUM_CODES: Readonly<Record<string, string>> = {
  es: 'spa',
  ca: 'cat',
  gl: 'glg',
  eo: 'epo',
  it: 'ita',
  'pt-pt': 'por',
  'pt-br': 'por',
  fr: 'fra',
  de: 'deu',
  nl: 'nld',
  sv: 'swe',
  da: 'dan',
  nb: 'nob',
  eu: 'eus',
};

const translateResponse = z.object({
  responseData: z.object({ translatedText: z.string() }),
  responseStatus: z.number(),
});

export interface ApertiumOptions {
  baseUrl: string;
  /** Texts per batch (sent as parallel requests). Default 50. */
  maxTexts?: number;
  timeoutMs?: number;
  maxConcurrent?: number;
  logger?: Logger;
  fetchImpl?: typeof fetch;
}

export class ApertiumTranslator implements Translator {
  readonly name = 'Apertium';
  readonly maxTexts: number;
  readonly maxBytes = 64 * 1024;
  private readonly http: HttpClient;

  constructor(opts: ApertiumOptions) {
    this.maxTexts = opts.maxTexts ?? 50;
    this.http = new HttpClient({
      service: 'apertium',
      baseUrl: opts.baseUrl,
      timeoutMs: opts.timeoutMs ?? 20_000,
      retries: 2,
      limit: { maxConcurrent: opts.maxConcurrent ?? 4 },
      ...(opts.logger ? { logger: opts.logger } : {}),
      ...(opts.fetchImpl ? { fetchImpl: opts.fetchImpl } : {}),
    });
  }

  supports(language: Language): boolean {
    return APERTIUM_CODES[language.code] !== undefined;
  }

  async translate(texts: readonly string[], target: Language, opts: TranslateOptions): Promise<Translation> {
    const pair = `eng|${APERTIUM_CODES[target.code] ?? target.code}`;
    const out = await Promise.all(
      texts.map(async (q) => {
        const res = await this.http.json({
          method: 'POST',
          path: '/translate',
          form: { langpair: pair, q, markUnknown: 'no' },
          idempotent: true,
          schema: translateResponse,
          signal: opts.signal,
        });
        return res.responseData.translatedText;
      }),
    );
    return { texts: out, characters: texts.reduce((n, t) => n + [...t].length, 0) };
  }
}
