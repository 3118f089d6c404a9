/**
 * The one entry point every chat (Telegram, Discord, the terminal, HTTP) calls. It never throws
 * for bad input or an upstream failure: every path ends in a Reply the person can read.
 */
import type { LastProcessRun, Metrics } from './admin/metrics.js';
import type { RequestFilter } from './ports.js';
import type {
  Candidate,
  KindHint,
  IncomingMessage,
  MediaRequest,
  Reply,
  SourceReport,
  UserRef,
} from './types.js';

export interface ProcessReport {
  /** Requests retried this run. */
  retried: number;
  sent: number;
  failed: number;
  /** Sent requests whose media turned up. */
  available: number;
  /** The run was skipped because another was still going. */
  skipped: boolean;
}

export interface Core {
  /**
   * A chat message, already stripped of platform detail. `stored` is called once an "add" is on
   * disk, before it is decided: a platform that would deliver the message again may be told it
   * arrived then. Anything else is safe to confirm only once its reply is delivered.
   */
  handle(msg: IncomingMessage, stored?: () => void): Promise<Reply>;
  /**
   * The chat delivered the answer to a message with an origin (`reply.requestId`): until it says
   * so, a request answer is kept, and sent by the cron should this instance die first. Never throws.
   */
  delivered(requestId: string): Promise<void>;
  /** A button click: the option's index, or 'none' for "none of these". */
  choose(user: UserRef, token: string, option: number | 'none'): Promise<Reply>;
  /** A click on a button that carries its own state (`Reply.buttons`: the vocabulary browser). */
  browse(user: UserRef, data: string): Promise<Reply>;
  /**
   * Up to 25 title suggestions for a prefix (Discord autocomplete); fast, from cache or one quick
   * search. None for a `user` who may not request.
   */
  suggest(prefix: string, hint?: KindHint, user?: UserRef): Promise<string[]>;
  /**
   * The access rule (ALLOWED_USERS, ALLOWED_CHATS, request and admin roles): may this person
   * request? `handle` applies it itself; a chat asks only to skip work for a refused person
   * (downloading an attachment). Adapters never compute it themselves.
   */
  allows(user: UserRef): boolean;
  /** The cron body: send what is due, retry what failed, tell people what became available. */
  processPending(): Promise<ProcessReport>;
  /** Resolves when no message, click or cron run is in flight. */
  idle(): Promise<void>;
}

/** What the bot makes of a title, without storing anything. */
export interface ClassifyOutcome {
  decision: 'auto' | 'ask' | 'none' | 'unavailable';
  /** Ranked, best first; `score` is the confidence 0..1. */
  candidates: Candidate[];
  sources: SourceReport[];
  ms: number;
}

/** A call the core answered with a stored request (when one was stored) and the reply a chat would show. */
export interface OpResult {
  reply: Reply;
  request?: MediaRequest;
}

/**
 * The same core for callers that authenticated as an operator (the HTTP API's bearer token, the
 * host's `npm run` scripts): no access list, quota or approval applies to them.
 */
export interface Operations {
  /** "Dune 2021", "show Fargo": ranked candidates with confidence, or the reply saying why it can’t. */
  classify(text: string): Promise<{ result: ClassifyOutcome } | { reply: Reply }>;
  request(
    user: UserRef,
    input: { title: string; year?: number; hint?: KindHint; key?: string },
  ): Promise<OpResult>;
  /** Search again as `kind` and/or send to `service`; with neither, a fresh search. */
  reclassify(admin: UserRef, id: string, target: { kind?: KindHint; service?: string }): Promise<OpResult>;
  get(id: string): Promise<MediaRequest | undefined>;
  list(filter?: RequestFilter): Promise<MediaRequest[]>;
  /** An admin command as typed ("retry", "report --days 7"), run as `admin`. */
  admin(admin: UserRef, text: string): Promise<Reply>;
  /** The last finished cron run, for /healthz. */
  lastProcess(): LastProcessRun | undefined;
  readonly metrics: Metrics;
}

export interface ReelCore extends Core {
  readonly ops: Operations;
}
