/**
 * The media request's story, start to end: store it, classify the title, decide, ask or send,
 * take the person's pick, retry what failed, and tell people what became available. Every step
 * is on disk before anyone is answered.
 */
import type { Choices } from '../choices.js';
import { isUpstreamError } from '../errors.js';
import { say, textReply } from '../messages.js';
import type { Clock, Logger, MediaCatalog, Notifier, RequestStore } from '../ports.js';
import {
  userKey,
  type Candidate,
  type Classification,
  type KindHint,
  type MediaRequest,
  type Reply,
  type SourceReport,
  type UserRef,
} from '../types.js';
import type { BackendRegistry } from './backend-registry.js';
import type { ClassificationCache } from './classification-cache.js';
import { classify, type DecisionPolicy } from './classify.js';
import { newRequest, newRequestId, nextAttemptAt, PENDING_STATES, transition } from './request-lifecycle.js';
import { cardFor, displayTitle, sendRequest } from './send-request.js';

export interface MediaDeps {
  catalogs: readonly MediaCatalog[];
  backends: BackendRegistry;
  requests: RequestStore;
  choices: Choices;
  notifier: Notifier;
  clock: Clock;
  logger: Logger;
  policy: DecisionPolicy;
  maxAttempts: number;
  cache?: ClassificationCache;
}

export interface ProcessCounts {
  retried: number;
  sent: number;
  failed: number;
  available: number;
}

const PICK = 'media.pick';
const KEPT_CANDIDATES = 5;

export class MediaRequests {
  /** Requests being worked on in this process, so a cron run never sends one a chat is sending. */
  private readonly busy = new Set<string>();

  constructor(private readonly deps: MediaDeps) {}

  async add(
    user: UserRef,
    text: string,
    query: { title: string; year?: number; hint?: KindHint },
  ): Promise<Reply> {
    const { requests, clock } = this.deps;
    const id = newRequestId();
    await requests.insert(newRequest(id, user, { text, ...query }, clock.now()));
    return this.exclusive(id, async () => {
      if (this.deps.catalogs.length === 0) {
        const reply = textReply('media.noCatalogs', {}, { requestId: id });
        await requests.update(id, (r) => {
          r.reason = reply.text;
          transition(r, 'failed', 'system', clock.now(), 'no catalogs configured');
        });
        return reply;
      }
      const c = await classify(query, this.deps);
      return this.decide(id, c, userKey(user));
    });
  }

  /** Turn a classification into the next state and the words for the person. */
  private async decide(id: string, c: Classification, actor: string): Promise<Reply> {
    const { requests, clock } = this.deps;
    const d = c.decision;
    const top = c.ranked.slice(0, KEPT_CANDIDATES);
    let r = await requests.update(id, (x) => {
      x.sources = c.sources;
      x.candidates = top;
      transition(x, 'classified', actor, clock.now(), d.type, {
        ms: c.ms,
        scores: top.map((t) => ({ key: t.key, title: displayTitle(t), score: t.score, factors: t.factors })),
      });
    });
    const note = sourcesNote(c.sources);

    if (d.type === 'unavailable') {
      const attempts = r.attempts + 1;
      const down = c.sources.map((s) => s.source).join(', ');
      if (attempts >= this.deps.maxAttempts) {
        const reply = textReply('media.gaveUp', {
          title: r.query.title,
          attempts,
          why: `no search source answered (${down})`,
        });
        await requests.update(id, (x) => {
          x.attempts = attempts;
          x.reason = reply.text;
          transition(x, 'failed', actor, clock.now(), 'catalogs unavailable');
        });
        return { ...reply, requestId: id };
      }
      const reply = textReply(
        'media.catalogsDown',
        { sources: `${down} did not answer`, id },
        { requestId: id },
      );
      await requests.update(id, (x) => {
        x.attempts = attempts;
        x.nextAttemptAt = nextAttemptAt(clock.now(), attempts);
        x.reason = reply.text;
        transition(x, 'failed_retryable', actor, clock.now(), 'catalogs unavailable');
      });
      return reply;
    }
    if (d.type === 'none') {
      const closest = d.closest.length ? `. Closest: ${d.closest.map(displayTitle).join(', ')}` : '';
      const reply = textReply(
        'media.notFound',
        { title: r.query.title, closest, sourcesNote: note },
        { requestId: id },
      );
      await requests.update(id, (x) => {
        x.reason = reply.text;
        transition(x, 'failed', actor, clock.now(), 'not found');
      });
      return reply;
    }
    if (d.type === 'ask') {
      const token = await this.deps.choices.offer(
        r.user,
        PICK,
        d.candidates.map((x) => x.key),
        id,
      );
      r = await requests.update(id, (x) =>
        transition(x, 'needs_choice', actor, clock.now(), 'asked', { token }),
      );
      return {
        code: 'media.pick',
        text: say('media.pick', { sourcesNote: note }),
        choices: {
          token,
          options: choiceLabels(d.candidates).map((label, i) => ({
            label,
            kind: d.candidates[i]?.kind ?? 'movie',
          })),
          noneLabel: 'None of these',
        },
        requestId: id,
      };
    }
    const chosen = d.candidate;
    const second = c.ranked[1];
    await requests.update(id, (x) => {
      x.chosen = chosen;
      transition(x, 'approved', actor, clock.now(), 'decided without asking', {
        score: chosen.score,
        margin: Math.round((chosen.score - (second?.score ?? 0)) * 1000) / 1000,
      });
    });
    const { reply } = await sendRequest(id, actor, this.deps);
    return note ? { ...reply, text: `${reply.text}\n(${note.replace(/^ — /, '')})` } : reply;
  }

  /** A click on one of the options offered for a request. */
  async pick(user: UserRef, token: string, option: number | 'none'): Promise<Reply> {
    const { choices, requests, clock } = this.deps;
    const check = await choices.check(user, token, option);
    if (!check.ok) return textReply(check.code, {}, { private: true });
    const { choice } = check;
    if (choice.purpose !== PICK || !choice.requestId)
      return textReply('choice.invalid', {}, { private: true });
    const requestId = choice.requestId;
    return this.exclusive(requestId, async () => {
      if (!(await choices.take(token))) return textReply('choice.expired', {}, { private: true });
      const r = await requests.get(requestId);
      if (!r || r.status !== 'needs_choice') return textReply('choice.expired', {}, { private: true });
      const actor = userKey(user);
      if (option === 'none') {
        await requests.update(requestId, (x) =>
          transition(x, 'cancelled', actor, clock.now(), 'none of these'),
        );
        return textReply('media.cancelledNone', { title: r.query.title }, { requestId });
      }
      const key = choice.values[option];
      const chosen = r.candidates.find((c) => c.key === key);
      if (!chosen) return textReply('choice.invalid', {}, { private: true });
      await requests.update(requestId, (x) => {
        x.chosen = chosen;
        transition(x, 'approved', actor, clock.now(), 'picked', { key, score: chosen.score, option });
      });
      return (await sendRequest(requestId, actor, this.deps)).reply;
    });
  }

  /** Cron body, media part: send what is due, re-search what could not be searched, check what was sent. */
  async processDue(): Promise<ProcessCounts> {
    const { requests, clock, logger } = this.deps;
    const counts: ProcessCounts = { retried: 0, sent: 0, failed: 0, available: 0 };
    const now = clock.now().getTime();
    const due = (await requests.list({ status: PENDING_STATES })).filter(
      (r) => r.status === 'approved' || !r.nextAttemptAt || Date.parse(r.nextAttemptAt) <= now,
    );
    for (const r of due.reverse()) {
      if (this.busy.has(r.id)) continue;
      counts.retried += 1;
      const reply = await this.exclusive(r.id, async () => {
        if (r.chosen) return (await sendRequest(r.id, 'cron', this.deps)).reply;
        const c = await classify({ title: r.query.title, ...pickDefined(r) }, this.deps);
        return this.decide(r.id, c, 'cron');
      });
      const after = await requests.get(r.id);
      if (!after) continue;
      if (after.status === 'sent' || after.status === 'already_present') counts.sent += 1;
      if (after.status === 'failed') counts.failed += 1;
      // A request still waiting to retry was already told so; say nothing until something changes.
      if (after.status !== 'failed_retryable') await this.tell(after.user, reply, logger);
    }
    counts.available = await this.checkSent();
    return counts;
  }

  /** Sent requests whose media has arrived: mark them available and tell the person. */
  private async checkSent(): Promise<number> {
    const { requests, backends, clock, logger } = this.deps;
    let available = 0;
    for (const r of await requests.list({ status: ['sent'] })) {
      const backend = r.backend ? backends.byName(r.backend) : undefined;
      if (!backend || r.backendItemId === undefined || !r.chosen) continue;
      try {
        const item = await backend.status(r.backendItemId, AbortSignal.timeout(15_000));
        if (!item?.available) continue;
        const chosen = r.chosen;
        await requests.update(r.id, (x) => transition(x, 'available', 'cron', clock.now(), 'media on disk'));
        available += 1;
        await this.tell(
          r.user,
          textReply(
            'media.available',
            { title: displayTitle(chosen), backend: backend.label },
            {
              card: cardFor(chosen, backend.label),
              requestId: r.id,
            },
          ),
          logger,
        );
      } catch (e) {
        logger.warn(
          { requestId: r.id, error: isUpstreamError(e) ? e.message : String(e) },
          'status check failed',
        );
      }
    }
    return available;
  }

  private async tell(user: UserRef, reply: Reply, logger: Logger): Promise<void> {
    try {
      await this.deps.notifier.send(user, reply);
    } catch (e) {
      logger.warn({ user: userKey(user), error: String(e) }, 'notification failed');
    }
  }

  private async exclusive<T>(id: string, work: () => Promise<T>): Promise<T> {
    this.busy.add(id);
    try {
      return await work();
    } finally {
      this.busy.delete(id);
    }
  }
}

function pickDefined(r: MediaRequest): { year?: number; hint?: KindHint } {
  const out: { year?: number; hint?: KindHint } = {};
  if (r.query.year !== undefined) out.year = r.query.year;
  if (r.query.hint) out.hint = r.query.hint;
  return out;
}

/**
 * "Dexter (2006) · series", "Blade Runner — Vangelis (1994) · album", "Heat — Swedish hard rock
 * band · artist": enough to tell same-titled works apart; at most 80 characters (Discord's limit).
 */
export function choiceLabel(c: Candidate): string {
  const detail =
    c.kind === 'album' && c.artistName
      ? ` — ${c.artistName}`
      : c.kind === 'artist' && c.overview
        ? ` — ${c.overview}`
        : '';
  const tail = `${c.year ? ` (${c.year})` : ''} · ${c.kind}`;
  const room = 80 - tail.length;
  const head = `${c.title}${detail}`;
  return `${head.length > room ? `${head.slice(0, room - 1)}…` : head}${tail}`;
}

/** Labels of one prompt, made unique ("… · artist (2)") when two works still read the same. */
export function choiceLabels(cs: readonly Candidate[]): string[] {
  const seen = new Map<string, number>();
  return cs.map((c) => {
    const label = choiceLabel(c);
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    return n === 1 ? label : `${label.slice(0, 75)} (${n})`;
  });
}

/** " — left out: musicbrainz (too slow)" when a source did not contribute; '' when all answered. */
export function sourcesNote(sources: readonly SourceReport[]): string {
  const missing = sources.filter((s) => s.status !== 'ok');
  if (missing.length === 0) return '';
  const parts = missing.map((s) => `${s.source} (${s.status === 'late' ? 'too slow' : 'not answering'})`);
  return ` — left out: ${parts.join(', ')}`;
}
