/**
 * DeepL `/v2/translate` as a Translator. Free keys (ending ":fx") go to api-free.deepl.com unless
 * DEEPL_BASE_URL says otherwise. At most 50 texts and 128 KiB per request; `context` is sent
 * (unbilled) and `split_sentences: "0"` keeps a word a word. 429 and 5xx are retried by the HTTP
 * client honouring Retry-After; 456 (quota exceeded) comes out as an UpstreamError `quota`.
 */
import { z } from 'zod';
import { UpstreamError } from '../../src/core/errors.js';
import type { Logger } from '../../src/core/ports.js';
import type { TranslateOptions, Translation, Translator } from '../../src/core/vocab/enrichment/types.js';
import type { Language } from '../../src/core/vocab/types.js';
import { HttpClient } from '../http-client/http-client.js';

export const DEEPL_MAX_TEXTS = 50;
export const DEEPL_MAX_BYTES = 128 * 1024;

const translateResponse = z.object({
  translations: z.array(z.object({ detected_source_language: z.string().optional(), text: z.string() })),
});

export interface DeeplOptions {
  apiKey: string;
  /** Host root; default by key type. */
  baseUrl?: string;
  timeoutMs?: number;
  /** Requests in flight at once. */
  maxConcurrent?: number;
  logger?: Logger;
  fetchImpl?: typeof fetch;
}

/** The host a key belongs to when none is configured. */
export function deeplHost(apiKey: string): string {
  return apiKey.endsWith(':fx') ? 'https://api-free.deepl.com' : 'https://api.deepl.com';
}

export class DeeplTranslator implements Translator {
  readonly name = 'DeepL';
  readonly maxTexts = DEEPL_MAX_TEXTS;
  readonly maxBytes = DEEPL_MAX_BYTES;
  private readonly http: HttpClient;

  constructor(opts: DeeplOptions) {
    this.http = new HttpClient({
      service: 'deepl',
      baseUrl: opts.baseUrl ?? deeplHost(opts.apiKey),
      headers: { authorization: `DeepL-Auth-Key ${opts.apiKey}` },
      secrets: [opts.apiKey],
      timeoutMs: opts.timeoutMs ?? 20_000,
      retries: 3,
      maxRetryAfterMs: 30_000,
      limit: { maxConcurrent: opts.maxConcurrent ?? 2 },
      ...(opts.logger ? { logger: opts.logger } : {}),
      ...(opts.fetchImpl ? { fetchImpl: opts.fetchImpl } : {}),
    });
  }

  supports(language: Language): boolean {
    return language.deepl !== undefined;
  }

  async translate(texts: readonly string[], target: Language, opts: TranslateOptions): Promise<Translation> {
    if (texts.length === 0) return { texts: [], characters: 0 };
    if (texts.length > DEEPL_MAX_TEXTS) throw new RangeError(`DeepL takes at most ${DEEPL_MAX_TEXTS} texts`);
    const body: Record<string, unknown> = {
      text: texts,
      source_lang: 'EN',
      target_lang: target.deepl ?? target.code.toUpperCase(),
      split_sentences: '0',
    };
    if (opts.context) body.context = opts.context;
    const res = await this.http.json({
      method: 'POST',
      path: '/v2/translate',
      // Translating twice costs characters, never a wrong result.
      idempotent: true,
      body,
      schema: translateResponse,
      signal: opts.signal,
    });
    if (res.translations.length !== texts.length) {
      throw new UpstreamError(
        'deepl',
        'bad_response',
        `deepl: sent ${texts.length} texts, got ${res.translations.length} translations back`,
      );
    }
    return {
      texts: res.translations.map((t) => t.text),
      characters: texts.reduce((n, t) => n + [...t].length, 0),
    };
  }
}
