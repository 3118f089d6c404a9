/**
 * ScriptSource over IMSDb (`IMSDB_BASE_URL`). Tries the script URL built from the title first,
 * then (when that is a 404 or a page with next to no script) the site's search and the movie's
 * detail page; the search form is posted again after a redirect between the site's host names
 * (HttpClient keepPostOnRedirect). Pages are read through the shared HttpClient with a size cap (a
 * script page is 100–800 KB; 2 MB by default) and a timeout, decoded as windows-1252. An answer
 * that is too big, not HTML or too short is a ScriptMiss, not an error; a site that is down
 * throws UpstreamError.
 */
import { HttpClient } from '../http-client/http-client.js';
import { isUpstreamError } from '../../src/core/errors.js';
import type { Logger } from '../../src/core/ports.js';
import type { ScriptLookup, ScriptQuery, ScriptSource } from '../../src/core/vocab/ports.js';
import { decodeHtml, looksLikeHtml } from './decode-html.js';
import { detailScriptLink, sameTitle, scriptPath, scriptText, searchHits } from './imsdb-pages.js';

/** Below this many characters of text a page is a placeholder, not a script. */
export const MIN_SCRIPT_CHARS = 500;

export interface ImsdbOptions {
  baseUrl: string;
  /** Largest page read, in bytes. Default 2 MB. */
  maxBytes?: number;
  /** Per request, in ms. Default 15000. */
  timeoutMs?: number;
  logger?: Logger;
  fetchImpl?: typeof fetch;
}

type Page = { ok: true; html: string; path: string } | { ok: false; lookup: ScriptLookup & { found: false } };

/**
 * Misses at the guessed URL that mean "not under this name": a 404, or a 200 page with no script
 * or next to none, which IMSDb serves too (../shared/contracts/imsdb/README.md).
 */
const TRY_SEARCH: ReadonlySet<string> = new Set(['not_found', 'too_short']);

export class ImsdbScriptSource implements ScriptSource {
  readonly name = 'IMSDb';
  readonly kind = 'screenplay' as const;
  private readonly http: HttpClient;
  private readonly maxBytes: number;
  private readonly logger: Logger | undefined;

  constructor(opts: ImsdbOptions) {
    this.maxBytes = opts.maxBytes ?? 2 * 1024 * 1024;
    this.logger = opts.logger;
    this.http = new HttpClient({
      service: 'imsdb',
      baseUrl: opts.baseUrl,
      timeoutMs: opts.timeoutMs ?? 15_000,
      retries: 1,
      limit: { maxConcurrent: 2 },
      headers: { accept: 'text/html,application/xhtml+xml', 'user-agent': 'reelbot (vocabulary lists)' },
      ...(opts.logger ? { logger: opts.logger } : {}),
      fetchImpl: opts.fetchImpl,
      keepPostOnRedirect: true,
    });
  }

  async find(query: ScriptQuery, signal: AbortSignal): Promise<ScriptLookup> {
    const guessed = scriptPath(query.title);
    const direct = await this.scriptAt(guessed, signal);
    if (direct.found || !TRY_SEARCH.has(direct.miss)) return direct;

    const href = await this.searchDetail(query.title, signal);
    if (!href) return { found: false, miss: 'not_found' };
    const detail = await this.get(href, signal);
    if (!detail.ok) return detail.lookup;
    const link = detailScriptLink(detail.html);
    if (!link) return { found: false, miss: 'not_found', detail: 'the site lists it but has no script' };
    return link === guessed ? direct : this.scriptAt(link, signal);
  }

  /** The detail page of the search hit that best matches `title`. */
  private async searchDetail(title: string, signal: AbortSignal): Promise<string | undefined> {
    const page = await this.get('/search.php', signal, { search_query: title, submit: 'Go!' });
    if (!page.ok) return undefined;
    const hits = searchHits(page.html);
    this.logger?.debug({ title, hits: hits.length }, 'imsdb search');
    return (hits.find((h) => sameTitle(h.title, title)) ?? hits[0])?.href;
  }

  private async scriptAt(path: string, signal: AbortSignal): Promise<ScriptLookup> {
    const page = await this.get(path, signal);
    if (!page.ok) return page.lookup;
    const text = scriptText(page.html);
    if (text === undefined) return { found: false, miss: 'not_found' };
    const chars = text.trim().length;
    if (chars < MIN_SCRIPT_CHARS) return { found: false, miss: 'too_short', detail: String(chars) };
    return {
      found: true,
      script: { format: 'screenplay', text, source: 'IMSDb', origin: this.http.url(page.path).toString() },
    };
  }

  /** A page as text, or the miss it amounts to. Network failures other than 404 are thrown. */
  private async get(path: string, signal: AbortSignal, form?: Record<string, string>): Promise<Page> {
    let res;
    try {
      res = await this.http.bytes({
        path,
        signal,
        maxBytes: this.maxBytes,
        // The search form only reads: posting it twice is harmless.
        ...(form ? { method: 'POST' as const, form, idempotent: true } : {}),
      });
    } catch (e) {
      if (isUpstreamError(e) && e.failure === 'not_found')
        return { ok: false, lookup: { found: false, miss: 'not_found' } };
      if (isUpstreamError(e) && e.failure === 'bad_response' && /larger than/.test(e.message)) {
        return { ok: false, lookup: { found: false, miss: 'too_large', detail: String(this.maxBytes) } };
      }
      throw e;
    }
    if (!looksLikeHtml(res.contentType, res.body)) {
      const type = res.contentType.split(';')[0]?.trim() || 'no content type';
      return { ok: false, lookup: { found: false, miss: 'not_script', detail: type } };
    }
    return { ok: true, html: decodeHtml(res.body, res.contentType), path };
  }
}
