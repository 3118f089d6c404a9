/**
 * A fake DeepL API (developers.deepl.com api-reference/translate, error-handling, usage-limits):
 * `POST /v2/translate` with `Authorization: DeepL-Auth-Key <key>` and a JSON body
 * `{text:[…], source_lang, target_lang, context?, split_sentences?}` →
 * `{"translations":[{"detected_source_language":"EN","text":"…"}]}`.
 * Over 50 texts → 400; a body over 128 KiB → 413; a wrong key → 403; the character quota used
 * up → 456 "Quota exceeded" (as DeepL Free at 500,000 a month). `context` is not billed.
 * Translations are deterministic: a small glossary, else `<target>:<text>`.
 */
import { FakeHttp, type FakeRequest, type FakeResponse } from './fake-http.js';

const GLOSSARY: Record<string, Record<string, string>> = {
  FR: { kick: 'coup de pied', dream: 'rêve', abandon: 'abandonner', totem: 'totem' },
  DE: { kick: 'Tritt', dream: 'Traum', abandon: 'aufgeben' },
};

export interface FakeDeeplOptions {
  apiKey: string;
  /** Characters that may be billed before 456. Default: no limit. */
  quota?: number;
}

export class FakeDeepl extends FakeHttp {
  readonly apiKey: string;
  quota: number;
  /** Characters billed (the texts, not the context). */
  billed = 0;
  /** Every text accepted and translated, in order. */
  readonly translated: string[] = [];
  /** The `context` of every accepted request (undefined when none). */
  readonly contexts: (string | undefined)[] = [];
  private held: Promise<void> | undefined;

  constructor(opts: FakeDeeplOptions) {
    super();
    this.apiKey = opts.apiKey;
    this.quota = opts.quota ?? Infinity;
    this.route('POST', '/v2/translate', async (req) => {
      await this.held;
      return this.translate(req);
    });
    this.route('GET', '/v2/usage', () => ({
      status: 200,
      body: {
        character_count: this.billed,
        character_limit: Number.isFinite(this.quota) ? this.quota : 1e12,
      },
    }));
  }

  /** Accepted translate requests. */
  get requests(): number {
    return this.contexts.length;
  }

  /**
   * Keep every translate request waiting, as a slow DeepL would, until the returned function is
   * called: a test can then act while a job is still translating.
   */
  hold(): () => void {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    this.held = held;
    return () => {
      if (this.held === held) this.held = undefined;
      release();
    };
  }

  protected override before(req: FakeRequest): FakeResponse | undefined {
    if (req.headers.authorization !== `DeepL-Auth-Key ${this.apiKey}`) {
      return { status: 403, body: { message: 'Wrong endpoint' } };
    }
    return undefined;
  }

  private translate(req: FakeRequest): FakeResponse {
    if (Buffer.byteLength(req.rawBody) > 128 * 1024) {
      return { status: 413, body: { message: 'Request Entity Too Large' } };
    }
    const body = req.body as Record<string, unknown>;
    const text = body.text;
    if (!Array.isArray(text) || text.length === 0 || !text.every((t) => typeof t === 'string')) {
      return { status: 400, body: { message: "Value for 'text' not supported." } };
    }
    if (text.length > 50) return { status: 400, body: { message: 'Too many texts in request.' } };
    const target = typeof body.target_lang === 'string' ? body.target_lang.toUpperCase() : '';
    if (!target) return { status: 400, body: { message: "Value for 'target_lang' not supported." } };
    if (body.source_lang !== undefined && body.source_lang !== 'EN') {
      return { status: 400, body: { message: "Value for 'source_lang' not supported." } };
    }
    if (body.context !== undefined && typeof body.context !== 'string') {
      return { status: 400, body: { message: "Value for 'context' not supported." } };
    }
    const chars = (text as string[]).reduce((n, t) => n + [...t].length, 0);
    if (this.billed + chars > this.quota) return { status: 456, body: { message: 'Quota exceeded' } };
    this.billed += chars;
    this.contexts.push(body.context as string | undefined);
    const out = (text as string[]).map((t) => {
      this.translated.push(t);
      return {
        detected_source_language: 'EN',
        text: GLOSSARY[target]?.[t.toLowerCase()] ?? `${target.toLowerCase()}:${t}`,
      };
    });
    return { status: 200, body: { translations: out } };
  }
}

export async function startFakeDeepl(opts: FakeDeeplOptions): Promise<FakeDeepl> {
  return new FakeDeepl(opts).start();
}
