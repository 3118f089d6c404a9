/**
 * In-memory fakes of the enrichment ports, so the core's tests run in milliseconds: a job store
 * and a vocabulary store that keep JSON copies (as the files under DATA_DIR do), a clock with
 * timers that fire only when the test moves time on, and a translator that behaves as the DeepL
 * adapter does towards the core.
 */
import { UpstreamError, type UpstreamFailure } from '../../../src/core/errors.js';
import type { Logger } from '../../../src/core/ports.js';
import { FakeClock } from '../fakes/clock.js';
import type {
  EnrichmentJob,
  JobStore,
  TranslateOptions,
  Translation,
  Translator,
} from '../../../src/core/vocab/enrichment/types.js';
import type { VocabStore } from '../../../src/core/vocab/ports.js';
import type { Language, MovieVocab } from '../../../src/core/vocab/types.js';

export const quietLogger: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => quietLogger };

/**
 * Jobs as JSON copies by key: a put stores what the job is at that moment, a read returns a fresh
 * copy (adapters/vocab/json-job-store.ts writes one file per job and parses it on every read).
 */
export class MemoryJobStore implements JobStore {
  private readonly files = new Map<string, EnrichmentJob>();

  async get(key: string): Promise<EnrichmentJob | undefined> {
    const job = this.files.get(key);
    return job && jsonCopy(job);
  }

  async put(job: EnrichmentJob): Promise<void> {
    this.files.set(job.key, jsonCopy(job));
  }

  async list(): Promise<EnrichmentJob[]> {
    return [...this.files.values()].map(jsonCopy);
  }

  keys(): string[] {
    return [...this.files.keys()];
  }
}

/** Vocabularies as JSON copies by key (adapters/vocab/json-vocab-store.ts). */
export class MemoryVocabStore implements VocabStore {
  private readonly files = new Map<string, MovieVocab>();

  async get(key: string): Promise<MovieVocab | undefined> {
    const vocab = this.files.get(key);
    return vocab && jsonCopy(vocab);
  }

  async put(vocab: MovieVocab): Promise<void> {
    this.files.set(vocab.key, jsonCopy(vocab));
  }
}

/** What a value looks like after a trip through a JSON file. */
function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

/** The core's fake clock and timers (test/core/fakes/clock.ts), started where these stories expect. */
export class FakeTime extends FakeClock {
  constructor(start = '2026-01-01T10:00:00Z') {
    super(start);
  }
}

/**
 * The Translator port as DeepL's adapter presents it (adapters/translate/deepl.ts): at most 50
 * texts and 128 KiB a request, characters billed per code point of the texts (not the context),
 * the used-up quota (HTTP 456) as UpstreamError `quota`, an aborted signal as `timeout` (as
 * adapters/http-client/http-client.ts reports it). Translations are `<target>:<text>`, as the fake
 * DeepL server's (test/fakes/deepl.ts).
 */
export class FakeTranslator implements Translator {
  readonly maxTexts = 50;
  readonly maxBytes = 128 * 1024;
  /** Characters that may be billed before `quota`. */
  quota = Infinity;
  billed = 0;
  /** Every text translated, in order. */
  readonly translated: string[] = [];
  /** The `context` of every request that was answered. */
  readonly contexts: (string | undefined)[] = [];
  private failure: UpstreamFailure | undefined;
  private holdFrom = Infinity;
  private started = 0;
  private release: (() => void) | undefined;
  private onHeld: (() => void) | undefined;

  constructor(readonly name = 'DeepL') {}

  /** Requests answered. */
  get requests(): number {
    return this.contexts.length;
  }

  supports(language: Language): boolean {
    return language.deepl !== undefined;
  }

  /** Every request fails so from now on (`undefined`: answers again). */
  fail(failure: UpstreamFailure | undefined): void {
    this.failure = failure;
  }

  /** From now on, requests after the next `answered` wait until `letGo` or aborted; resolves when one waits. */
  holdAfter(answered: number): Promise<void> {
    this.holdFrom = this.started + answered;
    return new Promise((resolve) => (this.onHeld = resolve));
  }

  /** Answer the waiting request and stop holding. */
  letGo(): void {
    this.holdFrom = Infinity;
    this.release?.();
  }

  async translate(texts: readonly string[], target: Language, opts: TranslateOptions): Promise<Translation> {
    if (texts.length > this.maxTexts) throw new RangeError(`DeepL takes at most ${this.maxTexts} texts`);
    if (++this.started > this.holdFrom) await this.held(opts.signal);
    if (opts.signal.aborted) throw new UpstreamError('deepl', 'timeout', 'deepl: POST /v2/translate gave up');
    if (this.failure) throw new UpstreamError('deepl', this.failure, `deepl: answered ${this.failure}`);
    const characters = texts.reduce((n, t) => n + [...t].length, 0);
    if (this.billed + characters > this.quota) {
      throw new UpstreamError('deepl', 'quota', 'deepl: POST /v2/translate answered 456', { status: 456 });
    }
    this.billed += characters;
    this.contexts.push(opts.context);
    this.translated.push(...texts);
    const code = (target.deepl ?? target.code).toLowerCase();
    return { texts: texts.map((t) => `${code}:${t}`), characters };
  }

  private held(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      this.release = resolve;
      signal.addEventListener('abort', () => resolve(), { once: true });
      this.onHeld?.();
    });
  }
}
