/**
 * zod schemas of the stored records (MediaRequest, StoredChoice), checked on every load. They
 * follow src/core/types.ts and tsc holds them to it (`shapeOf<T>()`): exactly T's keys (one
 * missing or extra is an error naming it), each producing T's type, accepting every value T allows
 * (a status or platform added to the core but not here would quarantine good records), and
 * optional where T is. Objects are loose: a field this release does not know (written by a newer
 * one, or by hand) is kept as it is, never stripped on the next write.
 */
import { z } from 'zod';
import { ALL_STATUSES } from '../../src/core/media/request-lifecycle.js';
import { mediaKind, reply } from './reply-schema.js';
import type { StoredChoice } from '../../src/core/ports.js';
import type {
  AuditEvent,
  Candidate,
  ExternalIds,
  MediaRequest,
  RequestOptions,
  Reply,
  RequestQuery,
  ScoreBreakdown,
  SourceReport,
  UserRef,
} from '../../src/core/types.js';

type Leaf<I> = I extends readonly (infer E)[] ? Leaf<E> : I;
/** The schema input `I` takes every value of `T`: checked on leaves; nested objects check themselves. */
type Accepts<T, I> = [Leaf<NonNullable<I>>] extends [object]
  ? undefined extends T
    ? undefined extends I
      ? true
      : false
    : true
  : [T] extends [I]
    ? true
    : false;
type Fits<T, S> = {
  [K in keyof S]: K extends keyof T
    ? S[K] extends z.ZodType
      ? Accepts<T[K], z.input<S[K]>> extends true
        ? S[K]
        : never
      : never
    : never;
};

/** A loose zod object with exactly T's keys, each producing and accepting T's type for it. */
const shapeOf =
  <T>() =>
  <S extends { [K in keyof T]-?: z.ZodType<T[K]> }>(shape: S & Fits<T, S>) =>
    z.looseObject(shape);

const num = z.number();
const str = z.string();
const opt = <S extends z.ZodType>(s: S) => s.optional();

const platform = z.enum(['telegram', 'discord', 'terminal', 'http']);
const status = z.enum(ALL_STATUSES);

export const userRef = shapeOf<UserRef>()({
  platform,
  userId: str,
  chatId: str,
  name: opt(str),
  roles: opt(z.array(str)),
});

const externalIds = shapeOf<ExternalIds>()({
  tmdb: opt(num),
  tvdb: opt(num),
  imdb: opt(str),
  mbArtist: opt(str),
  mbReleaseGroup: opt(str),
  spotify: opt(str),
});

const factors = shapeOf<ScoreBreakdown>()({
  title: num,
  year: num,
  popularity: num,
  completeness: num,
  recency: num,
  kind: num,
});

const candidate = shapeOf<Candidate>()({
  source: str,
  kind: mediaKind,
  title: str,
  otherTitles: opt(z.array(str)),
  year: opt(num),
  ids: externalIds,
  popularity: opt(num),
  posterUrl: opt(str),
  overview: opt(str),
  artistName: opt(str),
  soundtrack: opt(z.boolean()),
  anime: opt(z.boolean()),
  inLibrary: opt(z.boolean()),
  key: str,
  sources: z.array(str),
  score: num,
  factors,
});

const sourceReport = shapeOf<SourceReport>()({
  source: str,
  status: z.enum(['ok', 'failed', 'late']),
  ms: num,
  hits: num,
  error: opt(str),
});

const auditEvent = shapeOf<AuditEvent>()({
  at: str,
  actor: str,
  to: status,
  from: opt(status),
  note: opt(str),
  detail: opt(z.record(str, z.unknown())),
});

const query = shapeOf<RequestQuery>()({
  text: str,
  title: str,
  year: opt(num),
  hint: opt(z.enum(['movie', 'series', 'music', 'artist', 'album'])),
  season: opt(num),
});

const options = shapeOf<RequestOptions>()({ backend: opt(str), monitor: opt(str) });

export const storedRequest = shapeOf<MediaRequest>()({
  id: str.min(1),
  user: userRef,
  query,
  status,
  createdAt: str,
  updatedAt: str,
  candidates: z.array(candidate),
  chosen: opt(candidate),
  options,
  backend: opt(str),
  backendItemId: opt(num),
  attempts: num,
  nextAttemptAt: opt(str),
  reason: opt(str),
  sources: z.array(sourceReport),
  audit: z.array(auditEvent),
  origin: opt(str),
  owner: opt(z.looseObject({ instance: str, owes: opt(z.literal(true)), reply: opt(reply) })),
});

export const storedChoice = shapeOf<StoredChoice>()({
  token: str.min(1),
  owner: str,
  purpose: str,
  requestId: opt(str),
  values: z.array(str),
  expiresAt: str,
});

/** A later message on its way to the instance that runs the person's chat (pg/pg-message-relay.ts). */
export interface RelayedMessage {
  to: UserRef;
  reply: Reply;
}

export const relayedMessage = shapeOf<RelayedMessage>()({ to: userRef, reply });
