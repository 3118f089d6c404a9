/**
 * A fake LibreTranslate (LibreTranslate/LibreTranslate `libretranslate/app.py`): `POST /translate`
 * with JSON `{q, source, target, format, api_key?}`. `q` may be a string (→ one string back) or
 * an array (→ an array). 400 `{error}` for a missing parameter or over the batch or character
 * limit; 403 `{error}` for a missing or wrong key when keys are required; 429 via `fail`.
 * Translations are deterministic: `<target>:<text>`.
 */
import { FakeHttp, type FakeRequest, type FakeResponse } from './fake-http.js';

export interface FakeLibreOptions {
  /** When set, requests must carry this api_key. */
  apiKey?: string;
  /** --batch-limit. Default 50. */
  batchLimit?: number;
  /** --char-limit, per request. Default 5000. */
  charLimit?: number;
}

export class FakeLibreTranslate extends FakeHttp {
  readonly translated: string[] = [];
  requests = 0;

  constructor(private readonly opts: FakeLibreOptions = {}) {
    super();
    this.route('POST', '/translate', (req) => this.translate(req));
    this.route('GET', '/languages', () => ({
      status: 200,
      body: [{ code: 'en', name: 'English', targets: ['fr', 'de', 'es'] }],
    }));
  }

  private translate(req: FakeRequest): FakeResponse {
    const body = (typeof req.body === 'object' && req.body ? req.body : {}) as Record<string, unknown>;
    for (const p of ['q', 'source', 'target']) {
      if (body[p] === undefined) return bad(`Invalid request: missing ${p} parameter`);
    }
    if (this.opts.apiKey !== undefined && body.api_key !== this.opts.apiKey) {
      return { status: 403, body: { error: 'Visit https://portal.libretranslate.com to get an API key' } };
    }
    const q = body.q;
    const batch = Array.isArray(q);
    const texts = batch ? q : [q];
    if (!texts.every((t) => typeof t === 'string')) return bad('Invalid request: q must be text');
    const limit = this.opts.batchLimit ?? 50;
    if (batch && texts.length > limit) {
      return bad(`Invalid request: request (${texts.length}) exceeds text limit (${limit})`);
    }
    const chars = (texts as string[]).reduce((n, t) => n + t.length, 0);
    const charLimit = this.opts.charLimit ?? 5000;
    if (chars > charLimit)
      return bad(`Invalid request: request (${chars}) exceeds text limit (${charLimit})`);
    if (body.format !== undefined && body.format !== 'text' && body.format !== 'html') {
      return bad(`${String(body.format)} format is not supported`);
    }
    this.requests += 1;
    const target = String(body.target);
    const out = (texts as string[]).map((t) => {
      this.translated.push(t);
      return `${target}:${t}`;
    });
    return { status: 200, body: { translatedText: batch ? out : out[0] } };
  }
}

function bad(error: string): FakeResponse {
  return { status: 400, body: { error } };
}

export async function startFakeLibreTranslate(opts: FakeLibreOptions = {}): Promise<FakeLibreTranslate> {
  return new FakeLibreTranslate(opts).start();
}
