/**
 * ScriptSource over the OpenSubtitles REST API v1 (OPENSUBTITLES_API_KEY; an account in
 * OPENSUBTITLES_USERNAME/PASSWORD raises the day's downloads from 5 per IP to the account's level):
 * search English subtitles by catalog id, else by title and year (opensubtitles-pick.ts), ask
 * POST /download for a temporary link (this is what counts against the quota), fetch it, and read
 * it as a transcript (subtitles.ts). A spent allowance is a `quota` miss until it renews, without
 * asking (opensubtitles-quota.ts). A link that has expired (410 Gone, "the download URL is
 * temporary": API reference, POST /download) is asked for once more. A wrong API key (403) and a
 * refused login are UpstreamError `auth`; 429 is retried by the HTTP client after its Retry-After.
 */
import type { VocabEnv } from '../../src/config/vocab-env.js';
import { isUpstreamError } from '../../src/core/errors.js';
import type { Clock, Logger } from '../../src/core/ports.js';
import type { ScriptLookup, ScriptQuery, ScriptSource } from '../../src/core/vocab/ports.js';
import { HttpClient } from '../http-client/http-client.js';
import { systemClock } from '../schedule/timers.js';
import { decodeText } from './decode-text.js';
import { MIN_SCRIPT_CHARS } from './imsdb-script-source.js';
import { firstFile, pickSubtitle, searchPlans } from './opensubtitles-pick.js';
import { DownloadQuota } from './opensubtitles-quota.js';
import { downloadAnswer, searchAnswer, type SubtitleHit } from './opensubtitles-schemas.js';
import { OpenSubtitlesSession } from './opensubtitles-session.js';
import { subtitleTranscript } from './subtitles.js';

export interface OpenSubtitlesSourceOptions {
  fetchImpl?: typeof fetch;
  clock?: Clock;
}

/** Undefined when no API key is set: OpenSubtitles answers nothing without one. */
export function createOpenSubtitlesSource(
  env: VocabEnv,
  logger: Logger,
  opts: OpenSubtitlesSourceOptions = {},
): ScriptSource | undefined {
  const apiKey = env.OPENSUBTITLES_API_KEY;
  if (!apiKey) return undefined;
  return new OpenSubtitlesSource(env, apiKey, logger.child({ source: 'opensubtitles' }), opts);
}

class OpenSubtitlesSource implements ScriptSource {
  readonly name = 'OpenSubtitles';
  readonly kind = 'subtitles' as const;
  private readonly session: OpenSubtitlesSession;
  private readonly quota: DownloadQuota;
  private readonly links = new Map<string, HttpClient>();

  constructor(
    private readonly env: VocabEnv,
    apiKey: string,
    private readonly logger: Logger,
    private readonly opts: OpenSubtitlesSourceOptions,
  ) {
    const clock = opts.clock ?? systemClock;
    this.quota = new DownloadQuota(clock);
    this.session = new OpenSubtitlesSession({
      apiKey,
      baseUrl: env.OPENSUBTITLES_BASE_URL,
      ...(env.OPENSUBTITLES_APP_NAME ? { appName: env.OPENSUBTITLES_APP_NAME } : {}),
      ...(env.OPENSUBTITLES_USERNAME ? { username: env.OPENSUBTITLES_USERNAME } : {}),
      ...(env.OPENSUBTITLES_PASSWORD ? { password: env.OPENSUBTITLES_PASSWORD } : {}),
      timeoutMs: env.SCRIPT_TIMEOUT_MS,
      clock,
      logger,
      ...(opts.fetchImpl ? { fetchImpl: opts.fetchImpl } : {}),
    });
  }

  async find(query: ScriptQuery, signal: AbortSignal): Promise<ScriptLookup> {
    const spent = this.quota.spentUntil();
    if (spent) return { found: false, miss: 'quota', detail: spent };
    const hit = await this.search(query, signal);
    if (!hit) return { found: false, miss: 'not_found' };
    return this.download(hit, signal);
  }

  private async search(query: ScriptQuery, signal: AbortSignal): Promise<SubtitleHit | undefined> {
    for (const plan of searchPlans(query)) {
      const answer = await this.session.json({
        path: '/subtitles',
        query: plan.params,
        schema: searchAnswer,
        signal,
      });
      const hit = pickSubtitle(answer.data, query, plan.byTitle);
      this.logger.debug(
        { params: plan.params, hits: answer.data.length, picked: hit?.id },
        'opensubtitles search',
      );
      if (hit) return hit;
    }
    return undefined;
  }

  private async download(hit: SubtitleHit, signal: AbortSignal): Promise<ScriptLookup> {
    const file = firstFile(hit);
    for (let attempt = 0; ; attempt++) {
      let answer;
      try {
        answer = await this.session.json({
          method: 'POST',
          path: '/download',
          body: { file_id: file.file_id },
          schema: downloadAnswer,
          signal,
        });
      } catch (e) {
        const resets = this.quota.noteRefusal(e);
        if (resets) return { found: false, miss: 'quota', detail: resets };
        throw e;
      }
      this.quota.noteAnswer(answer.remaining, answer.reset_time_utc);
      let res;
      try {
        res = await this.fetchLink(answer.link, signal);
      } catch (e) {
        if (attempt === 0 && isUpstreamError(e) && e.status === 410) continue;
        throw e;
      }
      const charset = /charset=([^;]+)/i.exec(res.contentType)?.[1];
      const text = subtitleTranscript(decodeText(res.body, charset));
      const origin = answer.file_name ?? file.file_name ?? hit.attributes.release ?? `file ${file.file_id}`;
      if (!text) return { found: false, miss: 'not_script', detail: 'no subtitle cues in the file' };
      if (text.length < MIN_SCRIPT_CHARS)
        return { found: false, miss: 'too_short', detail: String(text.length) };
      return { found: true, script: { format: 'transcript', text, source: 'opensubtitles', origin } };
    }
  }

  /** The temporary link is on another host (www.opensubtitles.com/download/…): no key goes there. */
  private fetchLink(link: string, signal: AbortSignal) {
    const url = new URL(link);
    let http = this.links.get(url.origin);
    if (!http) {
      http = new HttpClient({
        service: 'opensubtitles',
        baseUrl: url.origin,
        timeoutMs: this.env.SCRIPT_TIMEOUT_MS,
        retries: 1,
        logger: this.logger,
        ...(this.opts.fetchImpl ? { fetchImpl: this.opts.fetchImpl } : {}),
      });
      this.links.set(url.origin, http);
    }
    return http.bytes({ path: url.pathname + url.search, maxBytes: this.env.SCRIPT_MAX_BYTES, signal });
  }
}
