/**
 * LibreTranslate `POST /translate` as a Translator: `q` as an array (one request per batch),
 * `source: "en"`, `format: "text"`, `api_key` when configured. A self-hosted server caps batches
 * (`--batch-limit`) and characters (`--char-limit`) and answers 400 `{error}` beyond them;
 * LIBRETRANSLATE_BATCH sets our batch size to match.
 */
import { z } from 'zod';
import { UpstreamError } from '../../src/core/errors.js';
import type { Logger } from '../../src/core/ports.js';
import type { TranslateOptions, Translation, Translator } from '../../src/core/vocab/enrichment/types.js';
import type { Language } from '../../src/core/vocab/types.js';
import { HttpClient } from '../http-client/http-client.js';

const translateResponse = z.object({
  translatedText: z.union([z.array(z.string()), z.string()]),
});

export interface LibreTranslateOptions {
  baseUrl: string;
  apiKey?: string;
  /** Texts per request (the server's --batch-limit). Default 50. */
  maxTexts?: number;
  /** Largest body, bytes; keeps batches under a --char-limit too. Default 5000. */
  maxBytes?: number;
  timeoutMs?: number;
  maxConcurrent?: number;
  logger?: Logger;
  fetchImpl?: typeof fetch;
}

export class LibreTranslator implements Translator {
  readonly name = 'LibreTranslate';
  readonly maxTexts: number;
  readonly maxBytes: number;
  private readonly http: HttpClient;
  private readonly apiKey: string | undefined;

  constructor(opts: LibreTranslateOptions) {
    this.maxTexts = opts.maxTexts ?? 50;
    this.maxBytes = opts.maxBytes ?? 5000;
    this.apiKey = opts.apiKey;
    this.http = new HttpClient({
      service: 'libretranslate',
      baseUrl: opts.baseUrl,
      secrets: opts.apiKey ? [opts.apiKey] : [],
      timeoutMs: opts.timeoutMs ?? 30_000,
      retries: 3,
      maxRetryAfterMs: 30_000,
      limit: { maxConcurrent: opts.maxConcurrent ?? 2 },
      ...(opts.logger ? { logger: opts.logger } : {}),
      ...(opts.fetchImpl ? { fetchImpl: opts.fetchImpl } : {}),
    });
  }

  supports(language: Language): boolean {
    return language.libre !== undefined;
  }

  async translate(texts: readonly string[], target: Language, opts: TranslateOptions): Promise<Translation> {
    if (texts.length === 0) return { texts: [], characters: 0 };
    const body: Record<string, unknown> = {
      q: texts,
      source: 'en',
      target: target.libre ?? target.code,
      format: 'text',
    };
    if (this.apiKey) body.api_key = this.apiKey;
    const res = await this.http.json({
      method: 'POST',
      path: '/translate',
      idempotent: true,
      body,
      schema: translateResponse,
      signal: opts.signal,
    });
    const out = typeof res.translatedText === 'string' ? [res.translatedText] : res.translatedText;
    if (out.length !== texts.length) {
      throw new UpstreamError(
        'libretranslate',
        'bad_response',
        `libretranslate: sent ${texts.length} texts, got ${out.length} translations back`,
      );
    }
    return { texts: out, characters: texts.reduce((n, t) => n + [...t].length, 0) };
  }
}
