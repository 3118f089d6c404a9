/**
 * A fake Apertium APy (wiki.apertium.org/wiki/Apertium-apy): `POST /translate` (form or query
 * `langpair=eng|spa`, `q`, `markUnknown`) → `{"responseData":{"translatedText":"…"},
 * "responseDetails":null,"responseStatus":200}`; a pair it lacks → 400 with APy's error body;
 * `GET /listPairs`. Translations are deterministic: `<target>:<text>`, unknown words starred
 * (`*word`) unless markUnknown=no, as APy does.
 */
import { FakeHttp, type FakeRequest, type FakeResponse } from './fake-http.js';

export class FakeApertium extends FakeHttp {
  readonly translated: string[] = [];

  constructor(readonly pairs: string[] = ['eng|spa', 'eng|cat']) {
    super();
    this.route('POST', '/translate', (req) => this.translate(req));
    this.route('GET', '/translate', (req) => this.translate(req));
    this.route('GET', '/listPairs', () => ({
      status: 200,
      body: {
        responseData: this.pairs.map((p) => {
          const [sourceLanguage, targetLanguage] = p.split('|');
          return { sourceLanguage, targetLanguage };
        }),
        responseDetails: null,
        responseStatus: 200,
      },
    }));
  }

  private translate(req: FakeRequest): FakeResponse {
    const args = {
      ...req.query,
      ...(typeof req.body === 'object' && req.body ? (req.body as Record<string, string>) : {}),
    };
    const pair = args.langpair ?? '';
    const q = args.q;
    if (q === undefined) return error(400, 'Missing argument q');
    if (!this.pairs.includes(pair)) return error(400, 'That pair is not installed');
    this.translated.push(q);
    const target = pair.split('|')[1] ?? '';
    const text = args.markUnknown === 'no' ? `${target}:${q}` : `${target}:*${q}`;
    return {
      status: 200,
      body: { responseData: { translatedText: text }, responseDetails: null, responseStatus: 200 },
    };
  }
}

function error(code: number, explanation: string): FakeResponse {
  return { status: code, body: { status: 'error', code, message: 'Bad Request', explanation } };
}

export async function startFakeApertium(pairs?: string[]): Promise<FakeApertium> {
  return new FakeApertium(pairs).start();
}
