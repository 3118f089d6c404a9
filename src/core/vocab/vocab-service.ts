/**
 * "vocab Inception in French" end to end: find the script (a file the person sent, a local path
 * in the terminal, or the script sources by title: title-vocab.ts), grade its words, store the
 * result per movie and answer with the profile and the words at the asked level. A stored
 * vocabulary answers at once; concurrent askers for one movie share one fetch and one analysis.
 * Never throws: a missing or unusable script, bad input and upstream failures all end in a Reply.
 */
import { isUpstreamError } from '../errors.js';
import type { Clock, Logger } from '../ports.js';
import type { IncomingMessage, Reply, UserRef } from '../types.js';
import type { EnrichmentDesk } from './enrichment/enrichment-desk.js';
import { listReply } from './list-reply.js';
import { vocabReply } from './messages.js';
import { fingerprint, slug, titleCase } from './movie-key.js';
import type {
  AttachmentReader,
  Lexicon,
  ScriptFileReader,
  ScriptLookup,
  ScriptSource,
  TextAnalyzer,
  TitleResolver,
  VocabStore,
} from './ports.js';
import { MIN_SCRIPT_CHARS } from './script-chain.js';
import { SingleFlight } from './single-flight.js';
import { labelFor, TitleVocab } from './title-vocab.js';
import type { MovieVocab, VocabCommand } from './types.js';
import { fileTitle, missReply, sourceName, why, type Origin } from './vocab-replies.js';
import { VocabGrader, type Movie } from './vocab-grader.js';

export interface VocabServiceDeps {
  /**
   * Where scripts come from by title, in any order: the library (Bazarr, files beside the media),
   * screenplay sites (IMSDb behind the on-disk cache), subtitle sites (OpenSubtitles).
   */
  sources: readonly ScriptSource[];
  lexicon: Lexicon;
  analyzer: TextAnalyzer;
  store: VocabStore;
  /** Reads .srt/.vtt files sent with the command. */
  attachments?: AttachmentReader;
  /** Local paths; only used for the terminal. */
  files?: ScriptFileReader;
  /** Canonical title, year and ids (TMDb); without it the title is used as typed, in Title Case. */
  titles?: TitleResolver;
  clock?: Clock;
  logger?: Logger;
  /** Milliseconds one source may take for one lookup (its requests together). Default 30000. */
  findTimeoutMs?: number;
  /** Milliseconds to wait for the title resolver before using the title as typed. Default 5000. */
  resolveTimeoutMs?: number;
  /** Longest reply text. Default 3500. */
  maxReplyChars?: number;
  /** Minutes a "no script" answer is remembered before the sources are asked again. Default 10. */
  missTtlMinutes?: number;
  /** Translations and examples in the background; each list shown starts or joins its job. */
  enrichment?: EnrichmentDesk;
}

export interface VocabService {
  handle(cmd: VocabCommand, msg: IncomingMessage): Promise<Reply>;
}

type Outcome = { ok: true; vocab: MovieVocab } | { ok: false; reply: Reply };

export function createVocabService(deps: VocabServiceDeps): VocabService {
  const grader = new VocabGrader({
    lexicon: deps.lexicon,
    analyzer: deps.analyzer,
    store: deps.store,
    ...(deps.clock ? { clock: deps.clock } : {}),
    ...(deps.logger ? { logger: deps.logger } : {}),
  });
  const flights = new SingleFlight<Outcome>();
  const log = deps.logger;
  const listDeps = {
    maxReplyChars: deps.maxReplyChars ?? 3500,
    ...(deps.enrichment ? { enrichment: deps.enrichment } : {}),
  };
  const titles = new TitleVocab({
    sources: deps.sources,
    grader,
    findTimeoutMs: deps.findTimeoutMs ?? 30_000,
    resolveTimeoutMs: deps.resolveTimeoutMs ?? 5000,
    missTtlMinutes: deps.missTtlMinutes ?? 10,
    ...listDeps,
    ...(deps.titles ? { titles: deps.titles } : {}),
    ...(log ? { logger: log } : {}),
  });

  async function handle(cmd: VocabCommand, msg: IncomingMessage): Promise<Reply> {
    try {
      if (msg.attachment) return await fromAttachment(cmd, msg.attachment, msg.user);
      if (cmd.path) return await fromPath(cmd, cmd.path, msg);
      if (!cmd.title) return vocabReply('vocab.emptyTitle');
      return await titles.handle(cmd, cmd.title, msg.user);
    } catch (e) {
      const title = cmd.title ?? cmd.path ?? 'this movie';
      if (isUpstreamError(e)) {
        log?.warn({ service: e.service, failure: e.failure, status: e.status }, 'vocab: upstream failed');
        return vocabReply('vocab.sourceDown', { source: sourceName(e.service, e.service), why: why(e) });
      }
      log?.error({ err: e, title }, 'vocab: unexpected failure');
      return vocabReply('vocab.unexpected', { title });
    }
  }

  async function fromAttachment(
    cmd: VocabCommand,
    file: { filename: string; content: string },
    user: UserRef,
  ): Promise<Reply> {
    if (!deps.attachments?.accepts(file.filename))
      return vocabReply('vocab.attachmentUnsupported', { file: file.filename });
    const title = labelFor(titleCase(cmd.title ?? fileTitle(file.filename)), cmd.part);
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

  /** The stored vocabulary of a file, or read it and build it. */
  async function storedOr(movie: Movie, read: () => Promise<ScriptLookup>, from: Origin): Promise<Outcome> {
    const stored = await grader.stored(movie.key);
    if (stored) return { ok: true, vocab: stored };
    const lookup = await read();
    if (!lookup.found) return { ok: false, reply: missReply(lookup, movie.title, from) };
    const chars = lookup.script.text.trim().length;
    if (chars < MIN_SCRIPT_CHARS) {
      return {
        ok: false,
        reply: missReply({ found: false, miss: 'too_short', detail: String(chars) }, movie.title, from),
      };
    }
    return { ok: true, vocab: await grader.grade(movie, lookup.script) };
  }

  return { handle };
}
