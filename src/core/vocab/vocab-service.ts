/**
 * "vocab Inception in French" end to end: find the movie's script (a file the person sent, a local
 * path in the terminal, or the script source), grade its words, store the result per movie and
 * answer with the profile and the words at the asked level. A stored vocabulary answers at once;
 * concurrent askers for one movie share one fetch and one analysis. Never throws: a missing or
 * unusable script, bad input and upstream failures all end in a Reply.
 */
import { isUpstreamError } from '../errors.js';
import type { Clock, Logger } from '../ports.js';
import type { IncomingMessage, Reply, UserRef } from '../types.js';
import { ANALYSIS_VERSION, VocabBuilder } from './build-vocab.js';
import { vocabReply } from './messages.js';
import { fingerprint, movieKey, slug, titleCase } from './movie-key.js';
import type {
  AttachmentReader,
  Lexicon,
  ScriptFileReader,
  ScriptLookup,
  ScriptQuery,
  ScriptSource,
  TextAnalyzer,
  TitleResolver,
  VocabStore,
} from './ports.js';
import { listReply } from './list-reply.js';
import { fileTitle, missReply, sourceName, why, type Origin } from './vocab-replies.js';
import { SingleFlight } from './single-flight.js';
import type { MovieVocab, Script, VocabCommand } from './types.js';
import type { EnrichmentDesk } from './enrichment/enrichment-desk.js';

/** Below this many characters a script cannot be graded meaningfully (IMSDb placeholders are shorter). */
export const MIN_SCRIPT_CHARS = 500;
/** Remembered misses, oldest dropped first. */
const MAX_MISSES = 500;

export interface VocabServiceDeps {
  /** Where scripts come from by title (IMSDb behind the on-disk cache). */
  scripts: ScriptSource;
  lexicon: Lexicon;
  analyzer: TextAnalyzer;
  store: VocabStore;
  /** Reads .srt/.vtt files sent with the command. */
  attachments?: AttachmentReader;
  /** Local paths; only used for the terminal. */
  files?: ScriptFileReader;
  /** Canonical title and year (TMDb); without it the title is used as typed, in Title Case. */
  titles?: TitleResolver;
  clock?: Clock;
  logger?: Logger;
  /** Milliseconds to find a script, all requests together. Default 30000. */
  findTimeoutMs?: number;
  /** Milliseconds to wait for the title resolver before using the title as typed. Default 5000. */
  resolveTimeoutMs?: number;
  /** Longest reply text. Default 3500. */
  maxReplyChars?: number;
  /** Minutes a "no script" answer is remembered before the source is asked again. Default 10. */
  missTtlMinutes?: number;
  /** Translations and examples in the background; each list shown starts or joins its job. */
  enrichment?: EnrichmentDesk;
}

export interface VocabService {
  handle(cmd: VocabCommand, msg: IncomingMessage): Promise<Reply>;
}

type Outcome = { ok: true; vocab: MovieVocab } | { ok: false; reply: Reply };

interface Movie {
  key: string;
  title: string;
  year?: number;
}

export function createVocabService(deps: VocabServiceDeps): VocabService {
  const builder = new VocabBuilder(deps.lexicon, deps.analyzer);
  const flights = new SingleFlight<Outcome>();
  const misses = new Map<string, { reply: Reply; until: number }>();
  const now = () => (deps.clock ? deps.clock.now() : new Date());
  const log = deps.logger;
  const listDeps = {
    maxReplyChars: deps.maxReplyChars ?? 3500,
    ...(deps.enrichment ? { enrichment: deps.enrichment } : {}),
  };

  async function handle(cmd: VocabCommand, msg: IncomingMessage): Promise<Reply> {
    try {
      if (msg.attachment) return await fromAttachment(cmd, msg.attachment, msg.user);
      if (cmd.path) return await fromPath(cmd, cmd.path, msg);
      if (!cmd.title) return vocabReply('vocab.emptyTitle');
      return await fromTitle(cmd, cmd.title, msg.user);
    } catch (e) {
      const title = cmd.title ?? cmd.path ?? 'this movie';
      if (isUpstreamError(e)) {
        log?.warn(
          { service: e.service, failure: e.failure, status: e.status },
          'vocab: script source failed',
        );
        return vocabReply('vocab.sourceDown', {
          source: sourceName(e.service, deps.scripts.name),
          why: why(e),
        });
      }
      log?.error({ err: e, title }, 'vocab: unexpected failure');
      return vocabReply('vocab.unexpected', { title });
    }
  }

  async function fromTitle(cmd: VocabCommand, typed: string, user: UserRef): Promise<Reply> {
    const movie = await resolve(titleCase(typed));
    const missed = misses.get(movie.key);
    if (missed && missed.until > now().getTime()) return missed.reply;
    const outcome = await flights.run(movie.key, () =>
      storedOr(
        movie,
        async () => {
          const query: ScriptQuery = movie.year
            ? { title: movie.title, year: movie.year }
            : { title: movie.title };
          const started = Date.now();
          const lookup = await deps.scripts.find(query, AbortSignal.timeout(deps.findTimeoutMs ?? 30_000));
          log?.info(
            { key: movie.key, found: lookup.found, ms: Date.now() - started },
            'vocab: script lookup',
          );
          return lookup;
        },
        { site: deps.scripts.name },
      ),
    );
    if (!outcome.ok) {
      if (misses.size >= MAX_MISSES) misses.delete(misses.keys().next().value as string);
      misses.set(movie.key, {
        reply: outcome.reply,
        until: now().getTime() + (deps.missTtlMinutes ?? 10) * 60_000,
      });
    }
    return outcome.ok ? listReply(outcome.vocab, cmd, user, listDeps) : outcome.reply;
  }

  async function fromAttachment(
    cmd: VocabCommand,
    file: { filename: string; content: string },
    user: UserRef,
  ): Promise<Reply> {
    if (!deps.attachments?.accepts(file.filename))
      return vocabReply('vocab.attachmentUnsupported', { file: file.filename });
    const title = titleCase(cmd.title ?? fileTitle(file.filename));
    const movie = { key: `${slug(title)}--subtitles-${fingerprint(file.content)}`, title };
    const reader = deps.attachments;
    const outcome = await flights.run(movie.key, () =>
      storedOr(movie, async () => reader.read(file), { file: file.filename }),
    );
    return outcome.ok ? listReply(outcome.vocab, cmd, user, listDeps) : outcome.reply;
  }

  async function fromPath(cmd: VocabCommand, path: string, msg: IncomingMessage): Promise<Reply> {
    if (msg.user.platform !== 'terminal') return vocabReply('vocab.pathNotAllowed');
    if (!deps.files) return vocabReply('vocab.noFileSource');
    const lookup = await deps.files.read(path);
    const name = path.split(/[\\/]/).pop() ?? path;
    const title = titleCase(fileTitle(name));
    if (!lookup.found) return missReply(lookup, title, { file: name });
    const movie = { key: `file-${slug(title)}-${fingerprint(lookup.script.text)}`, title };
    const outcome = await flights.run(movie.key, () => storedOr(movie, async () => lookup, { file: name }));
    return outcome.ok ? listReply(outcome.vocab, cmd, msg.user, listDeps) : outcome.reply;
  }

  /** The stored vocabulary, or fetch the script and build it. */
  async function storedOr(
    movie: Movie,
    fetchScript: () => Promise<ScriptLookup>,
    from: Origin,
  ): Promise<Outcome> {
    const stored = await deps.store.get(movie.key);
    if (stored && stored.analysisVersion === ANALYSIS_VERSION) return { ok: true, vocab: stored };
    const lookup = await fetchScript();
    if (!lookup.found) return { ok: false, reply: missReply(lookup, movie.title, from) };
    const chars = lookup.script.text.trim().length;
    if (chars < MIN_SCRIPT_CHARS) {
      return {
        ok: false,
        reply: missReply({ found: false, miss: 'too_short', detail: String(chars) }, movie.title, from),
      };
    }
    return { ok: true, vocab: await analyse(movie, lookup.script) };
  }

  async function analyse(movie: Movie, script: Script): Promise<MovieVocab> {
    const started = Date.now();
    const built = builder.build(script);
    const vocab: MovieVocab = {
      key: movie.key,
      title: movie.title,
      script: { source: script.source, format: script.format, characters: script.text.length },
      analysisVersion: ANALYSIS_VERSION,
      analysedAt: now().toISOString(),
      profile: built.profile,
      entries: built.entries,
      sentences: built.sentences,
    };
    if (movie.year) vocab.year = movie.year;
    if (script.origin) vocab.script.origin = script.origin;
    const analysedMs = Date.now() - started;
    await deps.store.put(vocab);
    log?.info(
      {
        key: movie.key,
        analysedMs,
        storedMs: Date.now() - started - analysedMs,
        words: built.profile.runningWords,
        distinct: built.entries.length,
      },
      'vocab: analysed',
    );
    return vocab;
  }

  async function resolve(title: string): Promise<Movie> {
    if (deps.titles) {
      try {
        const found = await deps.titles.resolve(title, AbortSignal.timeout(deps.resolveTimeoutMs ?? 5000));
        if (found) return { key: movieKey(found.title, found.year), ...found };
      } catch (e) {
        log?.warn({ err: e, title }, 'vocab: title lookup failed; using the title as typed');
      }
    }
    return { key: movieKey(title), title };
  }

  return { handle };
}
