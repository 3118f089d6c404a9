/**
 * In-memory script sources and a catalog for the vocabulary service's own tests: each behaves
 * towards the core as its adapter does (a miss is a value, an outage an UpstreamError, a used-up
 * download quota a 'quota' miss with the reset time), and records what it was asked.
 */
import { WinkAnalyzer } from '../../../adapters/vocab/wink-analyzer.js';
import { UpstreamError } from '../../../src/core/errors.js';
import type { IncomingMessage } from '../../../src/core/types.js';
import { parseVocab } from '../../../src/core/commands/parse-vocab.js';
import type {
  ResolvedTitle,
  ScriptLookup,
  ScriptQuery,
  ScriptSource,
  ScriptSourceKind,
  TitleResolver,
} from '../../../src/core/vocab/ports.js';
import type { Script } from '../../../src/core/vocab/types.js';
import { createVocabService, type VocabService } from '../../../src/core/vocab/vocab-service.js';
import { MemoryVocabStore, quietLogger } from '../enrichment/fakes.js';
import { FakeClock } from '../fakes/clock.js';
import { shippedLexicon } from './fixture-scripts.js';

/** "Heat" for a film, "Breaking Bad S01E02" for an episode: what a source holds scripts under. */
export function holdKey(q: Pick<ScriptQuery, 'title' | 'episode'>): string {
  const e = q.episode;
  return e ? `${q.title} S${e.season}E${e.episode}` : q.title;
}

export class MemorySource implements ScriptSource {
  readonly asked: ScriptQuery[] = [];
  /** Thrown by every lookup while set. */
  down: UpstreamError | undefined;
  /** Scripts it hands out before answering 'quota' (OpenSubtitles counts downloads, not searches). */
  downloadsLeft = Number.POSITIVE_INFINITY;
  resetsAt = '2025-06-02T00:00:00.000Z';
  latencyMs = 0;
  inFlight = 0;
  maxInFlight = 0;
  private readonly held = new Map<string, Script>();

  constructor(
    readonly name: string,
    readonly kind: ScriptSourceKind,
  ) {}

  hold(key: string, text: string): this {
    const format = this.kind === 'screenplay' ? 'screenplay' : 'transcript';
    this.held.set(key, { format, text, source: this.name });
    return this;
  }

  async find(query: ScriptQuery): Promise<ScriptLookup> {
    this.asked.push(query);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.latencyMs) await new Promise((r) => setTimeout(r, this.latencyMs));
      if (this.down) throw this.down;
      const script = this.held.get(holdKey(query));
      if (!script) return { found: false, miss: 'not_found' };
      if (this.downloadsLeft <= 0) return { found: false, miss: 'quota', detail: this.resetsAt };
      this.downloadsLeft--;
      return { found: true, script };
    } finally {
      this.inFlight--;
    }
  }
}

export function unavailable(service: string): UpstreamError {
  return new UpstreamError(service, 'unavailable', `${service} refused the connection`);
}

/** A catalog that knows the given works by title; a series answers only to kind 'tv', as TMDb's search/tv. */
export class MemoryTitles implements TitleResolver {
  readonly asked: { title: string; kind: string | undefined }[] = [];
  constructor(private readonly works: (ResolvedTitle & { kind: 'movie' | 'tv' })[]) {}

  async resolve(
    title: string,
    _signal: AbortSignal,
    kind?: 'movie' | 'tv',
  ): Promise<ResolvedTitle | undefined> {
    this.asked.push({ title, kind });
    const want = kind ?? 'movie';
    return this.works.find((w) => w.kind === want && w.title.toLowerCase() === title.toLowerCase());
  }
}

const LINES = [
  'We need to talk about the money before anyone else finds out.',
  'I never asked for any of this, and you know it.',
  'The shipment arrives tomorrow, so keep your head down tonight.',
  'Tell me the truth for once: where were you last night?',
  'Nobody walks away from a deal like this without paying for it.',
  'You abandoned the plan the moment you walked into that room.',
  'If the police come back, we say nothing and we stay calm.',
  'My family deserves better than a man who lies every single day.',
];

/** A subtitle transcript of ~1,100 characters, with `marker` in one line so each episode is told apart. */
export function transcript(marker: string): string {
  return [...LINES, `Remember the ${marker}, whatever happens next.`, ...LINES.slice(0, 4)].join('\n');
}

/** A short screenplay in IMSDb's layout. */
export function screenplay(marker: string): string {
  const scene = (n: number) =>
    [
      `INT. WAREHOUSE - NIGHT ${n}`,
      '',
      'Rain hammers the roof. NEIL waits by the door, counting the seconds.',
      '',
      '                    NEIL',
      `          ${LINES[n % LINES.length] ?? ''}`,
      '',
      '                    CHRIS',
      `          Remember the ${marker}. ${LINES[(n + 3) % LINES.length] ?? ''}`,
      '',
    ].join('\n');
  return [1, 2, 3, 4].map(scene).join('\n');
}

export interface Desk {
  service: VocabService;
  store: MemoryVocabStore;
  clock: FakeClock;
  ask(rest: string): Promise<{ code: string; text: string }>;
}

/** The real vocabulary service (shipped lists, real wink-nlp) over the given sources and catalog. */
export async function desk(
  sources: ScriptSource[],
  titles?: TitleResolver,
  maxReplyChars = 3500,
): Promise<Desk> {
  const store = new MemoryVocabStore();
  const clock = new FakeClock('2025-06-01T12:00:00.000Z');
  analyzer ??= new WinkAnalyzer();
  const service = createVocabService({
    sources,
    lexicon: await shippedLexicon(),
    analyzer,
    store,
    clock,
    logger: quietLogger,
    maxReplyChars,
    ...(titles ? { titles } : {}),
  });
  const msg: IncomingMessage = { user: { platform: 'telegram', userId: '7', chatId: '7' }, text: '' };
  return {
    service,
    store,
    clock,
    async ask(rest) {
      const parsed = parseVocab(rest);
      if (!parsed.ok) throw new Error(parsed.text);
      return service.handle(parsed.command, { ...msg, text: `vocab ${rest}` });
    },
  };
}

let analyzer: WinkAnalyzer | undefined;
