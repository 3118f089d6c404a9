/**
 * What people do with enrichment: the line under a vocabulary list (a job started, joined or
 * ready), `vocab status`, `vocab word <w>`, `vocab export` and `vocab stats`. Remembers each
 * person's last movie and language (in memory, and from the jobs they asked for after a restart).
 * Never throws.
 */
import { isUpstreamError } from '../../errors.js';
import type { Logger } from '../../ports.js';
import { userKey, type IncomingMessage, type Reply, type UserRef } from '../../types.js';
import { findLanguage, supportedLanguageList } from '../languages.js';
import { DEFAULT_RANGE, formatRange, inRange } from '../levels.js';
import { sayVocab, vocabReply, whyVocab } from '../messages.js';
import type { VocabStore } from '../ports.js';
import type { LevelRange, MovieVocab, VocabCommand, VocabEntry } from '../types.js';
import { ankiTsv, TAGS_COLUMN, type AnkiRow } from './anki.js';
import { pickExamples } from './examples.js';
import type { EnrichmentQueue } from './queue.js';
import { jobKey, wordKey, type EnrichmentJob } from './types.js';

export type EnrichmentCommand =
  | { kind: 'status' }
  | { kind: 'word'; word: string }
  | { kind: 'export' }
  | { kind: 'stats' }
  | { kind: 'backfill'; language: string };

/** "status", "word kick", "export", "stats" (after "vocab"); undefined for anything else. */
export function parseEnrichmentCommand(rest: string): EnrichmentCommand | undefined {
  const s = rest
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\/?vocab(?:ulary)?(?:@\w+)?\b\s*/i, '')
    .replace(/[\s.!?]+$/, '');
  if (/^status$/i.test(s)) return { kind: 'status' };
  if (/^export$/i.test(s)) return { kind: 'export' };
  if (/^stats$/i.test(s)) return { kind: 'stats' };
  const b = /^backfill(?: (?:in |into )?(.*))?$/i.exec(s);
  if (b) return { kind: 'backfill', language: (b[1] ?? '').trim() };
  const w = /^word(?: (.*))?$/i.exec(s);
  if (w) return { kind: 'word', word: (w[1] ?? '').replace(/^["“”'‘’«]+|["“”'‘’»]+$/g, '').trim() };
  return undefined;
}

interface UserContext {
  movieKey: string;
  language?: string;
  range: LevelRange;
}

export interface EnrichmentDeskOptions {
  /** Admins may backfill and are not bound by the hourly limit. */
  isAdmin?: (user: UserRef) => boolean;
  /** Keys of every stored movie vocabulary (for backfill). */
  movies?: () => Promise<string[]>;
  logger?: Logger;
}

export interface ListFooter {
  text: string;
  /** A job under way: the list's message follows it (progress edits it in place). */
  progress?: { jobKey: string };
}

const MAX_CONTEXTS = 5000;

export class EnrichmentDesk {
  private readonly contexts = new Map<string, UserContext>();

  private readonly logger: Logger | undefined;

  constructor(
    private readonly queue: EnrichmentQueue,
    private readonly vocabs: Pick<VocabStore, 'get'>,
    private readonly opts: EnrichmentDeskOptions = {},
  ) {
    this.logger = opts.logger;
  }

  /** The list text (without the footer) a person was shown for a job under way: progress edits it. */
  shown(user: UserRef, jobKey: string, listText: string): void {
    this.queue.show(jobKey, user, listText);
  }

  /** Called with every list shown: remembers the movie and starts or joins its job. */
  async onList(vocab: MovieVocab, cmd: VocabCommand, user: UserRef): Promise<ListFooter | undefined> {
    const context: UserContext = { movieKey: vocab.key, range: cmd.range };
    if (cmd.language) context.language = cmd.language.code;
    this.remember(user, context);
    const example = vocab.entries.find((e) => e.level && inRange(e.level, cmd.range))?.lemma ?? 'kick';
    const language = cmd.language;
    if (!language) return undefined;
    const values = { language: language.english, word: example };
    try {
      const outcome = await this.queue.ask(vocab, language, user, { unlimited: this.admin(user) });
      switch (outcome.kind) {
        case 'no_translator':
          return { text: sayVocab('vocab.noTranslator', values) };
        case 'unsupported':
          return {
            text: sayVocab('vocab.translatorNoLanguage', { ...values, translator: outcome.translator }),
          };
        case 'limited':
          return { text: sayVocab('vocab.enrichLimited', { limit: outcome.limit }) };
        case 'ready':
          return { text: sayVocab('vocab.enrichAlready', values) };
        case 'started':
          return {
            text: sayVocab('vocab.enrichStarted', { ...values, translator: outcome.job.translator }),
            progress: { jobKey: outcome.job.key },
          };
        case 'joined': {
          const j = outcome.job;
          const code = j.status === 'paused' ? 'vocab.enrichJoinedPaused' : 'vocab.enrichJoined';
          return {
            text: sayVocab(code, { ...values, done: j.done, total: j.total, why: why(j.reason) }),
            progress: { jobKey: j.key },
          };
        }
      }
    } catch (e) {
      this.logger?.error({ err: e, movie: vocab.key }, 'enrichment: could not start a job');
      return undefined;
    }
  }

  async handle(cmd: EnrichmentCommand, msg: IncomingMessage): Promise<Reply> {
    try {
      switch (cmd.kind) {
        case 'status':
          return await this.status(msg.user);
        case 'stats':
          return await this.stats();
        case 'word':
          return await this.word(cmd.word, msg.user);
        case 'export':
          return await this.export(msg.user);
        case 'backfill':
          return await this.backfill(cmd.language, msg.user);
      }
    } catch (e) {
      this.logger?.error({ err: e, command: cmd.kind }, 'enrichment: command failed');
      return vocabReply('vocab.unexpected', { title: 'this movie' });
    }
  }

  private async status(user: UserRef): Promise<Reply> {
    const me = userKey(user);
    const mine = (await this.queue.list())
      .map((j) => ({ j, at: j.askers.find((a) => userKey(a.user) === me)?.at }))
      .filter((x): x is { j: EnrichmentJob; at: string } => x.at !== undefined)
      .sort((a, b) => b.at.localeCompare(a.at))
      .slice(0, 10);
    if (mine.length === 0) return vocabReply('vocab.statusNone');
    const jobs = mine.map(({ j }) => `• ${j.title} → ${languageName(j.language)}: ${describe(j)}`).join('\n');
    return vocabReply('vocab.status', { jobs });
  }

  /** Admin: start (quietly) a job in `typed` language for every stored movie that has none. */
  private async backfill(typed: string, user: UserRef): Promise<Reply> {
    if (!this.admin(user)) return { ...vocabReply('vocab.adminOnly'), private: true };
    if (!typed) return vocabReply('vocab.backfillUsage');
    const language = findLanguage(typed);
    if (!language)
      return vocabReply('vocab.unknownLanguage', { language: typed, list: supportedLanguageList() });
    const counts = { started: 0, joined: 0, ready: 0 };
    for (const key of (await this.opts.movies?.()) ?? []) {
      const vocab = await this.vocabs.get(key);
      if (!vocab) continue;
      const outcome = await this.queue.ask(vocab, language, user, { unlimited: true, quiet: true });
      if (outcome.kind === 'no_translator')
        return vocabReply('vocab.noTranslator', { word: vocab.entries[0]?.lemma ?? 'kick' });
      if (outcome.kind === 'unsupported')
        return vocabReply('vocab.translatorNoLanguage', {
          translator: outcome.translator,
          language: language.english,
        });
      if (outcome.kind !== 'limited') counts[outcome.kind] += 1;
    }
    return vocabReply('vocab.backfill', { language: language.english, ...counts });
  }

  private admin(user: UserRef): boolean {
    return this.opts.isAdmin?.(user) ?? false;
  }

  private async stats(): Promise<Reply> {
    const jobs = await this.queue.list();
    const count = (s: EnrichmentJob['status']) => jobs.filter((j) => j.status === s).length;
    const sum = (f: (j: EnrichmentJob) => number) => jobs.reduce((n, j) => n + f(j), 0);
    const lines = [
      `Translation jobs: ${jobs.length} (${count('ready')} ready, ${count('running') + count('queued')} under way, ${count('paused')} paused, ${count('failed')} failed).`,
      `Words translated: ${sum((j) => Object.keys(j.words).length)}; example sentences translated: ${sum((j) => Object.keys(j.sentences).length)}.`,
      `Characters sent: ${sum((j) => j.chars.words)} for words, ${sum((j) => j.chars.sentences)} for sentences, in ${sum((j) => j.requests)} requests.`,
      ...[...jobs]
        .sort((a, b) => b.chars.words + b.chars.sentences - (a.chars.words + a.chars.sentences))
        .slice(0, 10)
        .map(
          (j) =>
            `• ${j.title} → ${languageName(j.language)}: ${j.chars.words} + ${j.chars.sentences} characters (${j.translator}), ${j.status}`,
        ),
    ];
    return vocabReply('vocab.stats', { stats: lines.join('\n') });
  }

  private async word(typed: string, user: UserRef): Promise<Reply> {
    if (!typed) return vocabReply('vocab.wordUsage');
    const found = await this.current(user);
    if (!found) return vocabReply('vocab.noMovie', { command: `vocab word ${typed}` });
    const { vocab, context, job } = found;
    const entry = findEntry(vocab, typed);
    if (!entry) return vocabReply('vocab.wordNotFound', { word: typed, title: vocab.title });
    const examples = pickExamples(vocab, entry);
    let note = '';
    if (job && this.queue.translator && examples.length) {
      try {
        await this.queue.translateSentences(
          job,
          vocab,
          examples.map((e) => e.index),
        );
      } catch (e) {
        if (!isUpstreamError(e)) throw e;
        note = `(The examples could not be translated just now: ${why(e.failure)}.)`;
      }
    }
    const language = context.language ? languageName(context.language) : undefined;
    const lines = [`${entry.lemma} (${entry.pos}) · ${levelText(entry)} · ×${entry.count} in ${vocab.title}`];
    if (language)
      lines.push(`${language}: ${translationText(job, entry, this.queue.translator !== undefined)}`);
    if (examples.length) lines.push('Examples:');
    examples.forEach((ex, i) => {
      lines.push(`${i + 1}. ${ex.speaker ? `${titleName(ex.speaker)}: ` : ''}“${ex.marked}”`);
      const t = job?.sentences[String(ex.index)];
      if (t) lines.push(`   → ${t}`);
    });
    if (note) lines.push(note);
    return { code: 'vocab.word', text: lines.join('\n') };
  }

  private async export(user: UserRef): Promise<Reply> {
    const found = await this.current(user);
    if (!found) return vocabReply('vocab.noMovie', { command: 'vocab export' });
    const { vocab, context, job } = found;
    const range = context.range;
    const entries = vocab.entries.filter((e) => e.level && inRange(e.level, range));
    if (entries.length === 0)
      return vocabReply('vocab.exportEmpty', { title: vocab.title, range: formatRange(range) });
    const examples = new Map(entries.map((e) => [wordKey(e), pickExamples(vocab, e, 1)[0]]));
    let note = '';
    if (job && this.queue.translator) {
      try {
        const indexes = [...examples.values()].flatMap((ex) => (ex ? [ex.index] : []));
        await this.queue.translateSentences(job, vocab, indexes);
      } catch (e) {
        if (!isUpstreamError(e)) throw e;
        note = ` Some example translations are missing: ${why(e.failure)}.`;
      }
    }
    if (!job && context.language)
      note = ` ${sayVocab('vocab.noTranslator', { word: entries[0]?.lemma ?? '' })}`;
    else if (job && job.status !== 'ready')
      note += ` Translations are at ${job.done} of ${job.total} words; export again when they’re ready.`;
    const movieTag = `reelbot::${vocab.key}`;
    const rows: AnkiRow[] = entries.map((e) => {
      const ex = examples.get(wordKey(e));
      return {
        word: e.lemma,
        level: levelText(e),
        translation: job?.words[wordKey(e)] ?? '',
        example: ex ? ex.marked : '',
        exampleTranslation: ex ? (job?.sentences[String(ex.index)] ?? '') : '',
        tags: [movieTag, `cefr::${e.level ?? 'unlisted'}`],
      };
    });
    const suffix = context.language ? `-${context.language}` : '';
    const reply = vocabReply('vocab.exportReady', {
      title: vocab.title,
      words: rows.length,
      range: formatRange(range),
      tagsColumn: TAGS_COLUMN,
      note,
    });
    reply.document = {
      filename: `${vocab.key}${suffix}-${formatRange(range).replace(/[^A-Za-z0-9]+/g, '')}.tsv`,
      mimeType: 'text/tab-separated-values',
      content: ankiTsv(rows),
    };
    return reply;
  }

  /** The person's last movie (and its job in their language), from memory or from their jobs. */
  private async current(
    user: UserRef,
  ): Promise<{ vocab: MovieVocab; context: UserContext; job?: EnrichmentJob } | undefined> {
    let context = this.contexts.get(userKey(user));
    if (!context) {
      const me = userKey(user);
      let latest: { job: EnrichmentJob; at: string } | undefined;
      for (const job of await this.queue.list()) {
        const at = job.askers.find((a) => userKey(a.user) === me)?.at;
        if (at && (!latest || at > latest.at)) latest = { job, at };
      }
      if (!latest) return undefined;
      context = { movieKey: latest.job.movieKey, language: latest.job.language, range: DEFAULT_RANGE };
    }
    const vocab = await this.vocabs.get(context.movieKey);
    if (!vocab) return undefined;
    const job = context.language ? await this.queue.get(jobKey(vocab.key, context.language)) : undefined;
    return job ? { vocab, context, job } : { vocab, context };
  }

  private remember(user: UserRef, context: UserContext): void {
    const k = userKey(user);
    this.contexts.delete(k);
    if (this.contexts.size >= MAX_CONTEXTS) this.contexts.delete(this.contexts.keys().next().value as string);
    this.contexts.set(k, context);
  }
}

/** The entry for a typed word: its headword first, then any form seen in the script. */
function findEntry(vocab: MovieVocab, typed: string): VocabEntry | undefined {
  const w = typed.toLowerCase().replace(/\s+/g, ' ');
  return vocab.entries.find((e) => e.lemma === w) ?? vocab.entries.find((e) => e.forms.includes(w));
}

function levelText(e: VocabEntry): string {
  if (!e.level) return 'no level (unlisted)';
  return e.source === 'estimated' ? `~${e.level} (estimated)` : `${e.level} (${e.source})`;
}

function translationText(job: EnrichmentJob | undefined, e: VocabEntry, hasTranslator: boolean): string {
  const t = job?.words[wordKey(e)];
  if (t) return t;
  if (t === '') return `no entry in ${job?.translator ?? 'the dictionary'}`;
  if (!hasTranslator) return 'no translation (translations need DEEPL_API_KEY or LIBRETRANSLATE_URL)';
  if (!job) return 'no translation yet';
  if (job.status === 'failed' || job.status === 'paused') return `not translated yet (${why(job.reason)})`;
  return `on its way (${job.done} of ${job.total} words done)`;
}

function describe(j: EnrichmentJob): string {
  switch (j.status) {
    case 'queued':
      return `waiting to start (${j.done} of ${j.total} words)`;
    case 'running':
      return `translating, ${j.done} of ${j.total} words`;
    case 'ready':
      return `ready, ${j.total} words (${j.translator})`;
    case 'paused':
      return `paused at ${j.done} of ${j.total} words: ${why(j.reason)}${j.retryAt ? `; carrying on after ${j.retryAt.slice(11, 16)} UTC` : ''}`;
    case 'failed':
      return `failed: ${why(j.reason)}`;
  }
}

function why(reason: string | undefined): string {
  return whyVocab(reason);
}

function languageName(code: string): string {
  return findLanguage(code)?.english ?? code;
}

/** "COBB" → "Cobb". */
function titleName(speaker: string): string {
  return speaker
    .toLowerCase()
    .replace(/(^|[\s'-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
}
