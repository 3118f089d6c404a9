/**
 * Background enrichment of a movie's vocabulary: one job per (movie, target language) that
 * translates every graded word, and the ports it needs (a translator, a job store). Sentences are
 * translated only when someone opens a word or exports, and cached on the job.
 */
import type { UserRef } from '../../types.js';
import type { Language } from '../types.js';

/** `queued → running (done of total) → ready`, or `failed` (reason), or `paused` (quota, service down). */
export type JobStatus = 'queued' | 'running' | 'ready' | 'failed' | 'paused';

/** Someone who asked for the job; told once when it ends. */
export interface JobAsker {
  user: UserRef;
  /** ISO time of the latest ask. */
  at: string;
  notified: boolean;
}

export interface EnrichmentJob {
  /** `<movie key>--<language code>`. */
  key: string;
  movieKey: string;
  title: string;
  /** Our language code (`fr`, `pt-br`). */
  language: string;
  status: JobStatus;
  /** Words to translate, and how many are done (saved after each batch). */
  total: number;
  done: number;
  /** Why it failed or paused: `quota`, `unavailable`, `auth`, `rejected`, `no_vocab` … */
  reason?: string;
  /** A paused job is tried again from this time on (ISO). */
  retryAt?: string;
  /** The translator's name (`DeepL`, `LibreTranslate`). */
  translator: string;
  /** Word translations by word key (see `wordKey`). */
  words: Record<string, string>;
  /** Sentence translations by index into MovieVocab.sentences. */
  sentences: Record<string, string>;
  /** Characters sent for translation (billed): words, and sentences on demand. */
  chars: { words: number; sentences: number };
  /** Translation requests sent. */
  requests: number;
  askers: JobAsker[];
  /** userKey of the person whose ask started it (counts toward their hourly limit). */
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  finishedAt?: string;
  /** The askers were told it paused (once per job). */
  pauseNotified?: boolean;
}

/** Enrichment jobs, one per key; `put` is atomic. */
export interface JobStore {
  get(key: string): Promise<EnrichmentJob | undefined>;
  put(job: EnrichmentJob): Promise<void>;
  list(): Promise<EnrichmentJob[]>;
}

export interface TranslateOptions {
  /** Text that helps the translation and is not billed (DeepL); ignored by others. */
  context?: string;
  signal: AbortSignal;
}

export interface Translation {
  /** One per input text, in order. */
  texts: string[];
  /** Characters billed for this request (the texts, not the context). */
  characters: number;
}

/** Machine translation from English. Failures are thrown as UpstreamError (`quota` for DeepL 456). */
export interface Translator {
  /** What people read: `DeepL`, `LibreTranslate`. */
  readonly name: string;
  /** Most texts in one request (DeepL 50). */
  readonly maxTexts: number;
  /** Largest request body in bytes (DeepL 128 KiB). */
  readonly maxBytes: number;
  /** False for a dictionary: it glosses words but cannot translate example sentences. */
  readonly sentences?: boolean;
  /** Whether it translates English into this language. */
  supports(language: Language): boolean;
  /**
   * Several translators behind one (DeepL, then LibreTranslate…): the one to use for `language`.
   * Absent on a single translator, which serves every language it supports.
   */
  forLanguage?(language: Language): Translator | undefined;
  /** One request; `texts.length` ≤ maxTexts and the body ≤ maxBytes (the caller batches). */
  translate(texts: readonly string[], target: Language, opts: TranslateOptions): Promise<Translation>;
}

/** The configured translator for `language`: with several, the first that supports it. */
export function translatorFor(
  translator: Translator | undefined,
  language: Language,
): Translator | undefined {
  if (!translator) return undefined;
  if (translator.forLanguage) return translator.forLanguage(language);
  return translator.supports(language) ? translator : undefined;
}

/** The key a word's translation is stored under: lemma and word class. */
export function wordKey(entry: { lemma: string; pos: string }): string {
  return `${entry.lemma}|${entry.pos}`;
}

/** `inception--fr`. */
export function jobKey(movieKey: string, languageCode: string): string {
  return `${movieKey}--${languageCode}`;
}
