/**
 * The media request's story, start to end: store it, classify the title, decide, ask or send
 * (or hold it for an admin's approval), take the person's pick, retry what failed, and tell people
 * what became available. Every step is on disk before anyone is answered.
 */
import type { ErrorCounter } from '../admin/metrics.js';
import type { Choices } from '../choices.js';
import { isUpstreamError } from '../errors.js';
import { say, textReply, type MediaCode } from '../messages.js';
import type { Clock, Logger, MediaCatalog, Notifier, RequestStore } from '../ports.js';
import {
  userKey,
  type Candidate,
  type Classification,
  type KindHint,
  type MediaRequest,
  type Reply,
  type UserRef,
} from '../types.js';
import {
  announceForApproval,
  APPROVE,
  needsApproval,
  verdictOf,
  type ApprovalPolicy,
  type Verdict,
} from './approval.js';
import type { BackendRegistry } from './backend-registry.js';
import type { ClassificationCache } from './classification-cache.js';
import { classify, type DecisionPolicy } from './classify.js';
import { choiceLabels, sourcesNote } from './labels.js';
import { newRequest, newRequestId, nextAttemptAt, PENDING_STATES, transition } from './request-lifecycle.js';
import { ASK_BACKEND, ASK_MONITOR, nextQuestion } from './request-options.js';
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
  approval: ApprovalPolicy;
  /** Ask which seasons to monitor when a series is added (ASK_SEASONS). */
  askSeasons?: boolean;
  cache?: ClassificationCache;
  metrics?: ErrorCounter;
}

export interface ProcessCounts {
  retried: number;
  sent: number;
  failed: number;
  available: number;
}

/** Who is acting on a request: the person who asked, an admin, or the cron. */
interface Acting {
  /** Audit actor: `telegram:123`, `cron`. */
  actor: string;
  /** Who gets the buttons when the bot has to ask. */
  chooser: UserRef;
  /** An admin's action is their approval. */
  byAdmin: boolean;
}

/** What an admin's correction asks for: a kind to search as, and/or a backend to send to. */
export interface ReclassifyTarget {
  hint?: KindHint;
  backend?: string;
  /** How the admin said it, for the audit and the reply. */
  label: string;
}

const PICK = 'media.pick';
const KEPT_CANDIDATES = 5;
/** States in which the request is already where the person wanted: said once, then quiet. */
const SETTLED = new Set(['sent', 'already_present', 'available', 'failed']);

export class MediaRequests {
  /** Requests being worked on in this process, so a cron run never sends one a chat is sending. */
  private readonly busy = new Set<string>();

  constructor(private readonly deps: MediaDeps) {}

  /**
   * "add …". `byAdmin`: the caller is an admin (their request needs no approval). `preferKey`:
   * a candidate key from an earlier classification (the HTTP API), taken when it is among the
   * results instead of asking.
   */
  async add(
    user: UserRef,
    text: string,
    query: { title: string; year?: number; hint?: KindHint; season?: number },
    opts: { byAdmin?: boolean; preferKey?: string } = {},
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
      const byAdmin = opts.byAdmin ?? this.deps.approval.isAdmin(user);
      return this.decide(id, c, { actor: userKey(user), chooser: user, byAdmin }, opts.preferKey);
    });
  }

  /** Turn a classification into the next state and the words for the person. */
  private async decide(id: string, c: Classification, acting: Acting, preferKey?: string): Promise<Reply> {
    const { requests, clock } = this.deps;
    const { actor } = acting;
    const preferred = preferKey ? c.ranked.find((x) => x.key === preferKey) : undefined;
    const d = preferred ? { type: 'auto' as const, candidate: preferred } : c.decision;
    const top = c.ranked.slice(0, KEPT_CANDIDATES);
    let r = await requests.update(id, (x) => {
      x.sources = c.sources;
      x.candidates = top;
      transition(x, 'classified', actor, clock.now(), preferred ? 'chosen by key' : d.type, {
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
      reply.text += this.coverageNote();
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
      reply.text += this.coverageNote();
      await requests.update(id, (x) => {
        x.reason = reply.text;
        transition(x, 'failed', actor, clock.now(), 'not found');
      });
      return reply;
    }
    if (d.type === 'ask') {
      const token = await this.deps.choices.offer(
        acting.chooser,
        PICK,
        d.candidates.map((x) => x.key),
        id,
      );
      r = await requests.update(id, (x) =>
        transition(x, 'needs_choice', actor, clock.now(), 'asked', {
          token,
          chooser: userKey(acting.chooser),
        }),
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
    const reply = await this.approveOrHold(
      id,
      chosen,
      acting,
      preferred ? 'chosen by key' : 'decided without asking',
      {
        score: chosen.score,
        margin: Math.round((chosen.score - (second?.score ?? 0)) * 1000) / 1000,
      },
    );
    return note ? { ...reply, text: `${reply.text}\n(${note.replace(/^ — /, '')})` } : reply;
  }

  /**
   * The work is chosen: ask what is still open (which instance, which seasons), then send it, or
   * hold it for an admin when approval is required.
   */
  private async approveOrHold(
    id: string,
    chosen: Candidate,
    acting: Acting,
    note: string,
    detail: Record<string, unknown>,
  ): Promise<Reply> {
    const { requests, clock } = this.deps;
    const current = await requests.get(id);
    const question = current
      ? nextQuestion(current, chosen, this.deps.backends, this.deps.askSeasons ?? false)
      : undefined;
    if (current && question) {
      const token = await this.deps.choices.offer(acting.chooser, question.purpose, question.values, id);
      await requests.update(id, (x) => {
        x.chosen = chosen;
        transition(x, 'needs_choice', acting.actor, clock.now(), `${note}; asked ${question.purpose}`, {
          ...detail,
          token,
        });
      });
      return {
        code: question.code,
        text: say(question.code, { title: displayTitle(chosen) }),
        card: cardFor(chosen),
        choices: {
          token,
          options: question.labels.map((label) => ({ label, kind: chosen.kind })),
          noneLabel: 'Cancel',
        },
        requestId: id,
      };
    }
    const hold = current ? needsApproval(this.deps.approval, current.user, acting.byAdmin) : false;
    const r = await requests.update(id, (x) => {
      x.chosen = chosen;
      transition(x, hold ? 'awaiting_approval' : 'approved', acting.actor, clock.now(), note, detail);
    });
    if (hold) return announceForApproval(r, this.deps);
    return (await sendRequest(id, acting.actor, this.deps)).reply;
  }

  /** An answer to "which instance?" or "which seasons?": store it and go on. */
  private async answer(
    user: UserRef,
    token: string,
    requestId: string,
    purpose: string,
    value: string | undefined,
  ): Promise<Reply> {
    const { choices, requests, clock } = this.deps;
    return this.exclusive(requestId, async () => {
      if (!(await choices.take(token))) return textReply('choice.expired', {}, { private: true });
      const r = await requests.get(requestId);
      if (!r?.chosen || r.status !== 'needs_choice')
        return textReply('choice.expired', {}, { private: true });
      const actor = userKey(user);
      if (value === undefined) {
        await requests.update(requestId, (x) =>
          transition(x, 'cancelled', actor, clock.now(), 'cancelled at a question'),
        );
        return textReply('media.cancelledOption', { title: displayTitle(r.chosen) }, { requestId });
      }
      await requests.update(requestId, (x) => {
        if (purpose === ASK_BACKEND) x.options.backend = value;
        else x.options.monitor = value;
      });
      const byAdmin = this.deps.approval.isAdmin(user);
      return this.approveOrHold(
        requestId,
        r.chosen,
        { actor, chooser: user, byAdmin },
        `answered ${purpose}`,
        { value },
      );
    });
  }

  /**
   * A click on buttons the core offered: a pick among candidates, or an admin's verdict.
   * `allowed: false` (the person is not, or no longer, on the access list) refuses a click on
   * their own buttons; a click on someone else's gets the usual "not yours" either way.
   */
  async click(user: UserRef, token: string, option: number | 'none', allowed = true): Promise<Reply> {
    const { choices } = this.deps;
    const check = await choices.check(user, token, option);
    if (!check.ok) return textReply(check.code, {}, { private: true });
    if (!allowed) return textReply('access.denied', { who: userKey(user) }, { private: true });
    const { choice } = check;
    const requestId = choice.requestId;
    if (!requestId) return textReply('choice.invalid', {}, { private: true });
    if (choice.purpose === APPROVE) {
      const verdict = option === 'none' ? 'decline' : verdictOf(choice.values[option]);
      if (!verdict) return textReply('choice.invalid', {}, { private: true });
      if (!this.deps.approval.isAdmin(user))
        return textReply('admin.denied', { verb: verdict }, { private: true });
      if (!(await choices.take(token))) return textReply('choice.expired', {}, { private: true });
      return this.settle(user, requestId, verdict);
    }
    if (choice.purpose === ASK_BACKEND || choice.purpose === ASK_MONITOR) {
      return this.answer(
        user,
        token,
        requestId,
        choice.purpose,
        option === 'none' ? undefined : choice.values[option],
      );
    }
    if (choice.purpose !== PICK) return textReply('choice.invalid', {}, { private: true });
    return this.pick(user, token, requestId, choice.values, option);
  }

  private async pick(
    user: UserRef,
    token: string,
    requestId: string,
    values: readonly string[],
    option: number | 'none',
  ): Promise<Reply> {
    const { choices, requests, clock, logger } = this.deps;
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
      const key = values[option];
      const chosen = r.candidates.find((c) => c.key === key);
      if (!chosen) return textReply('choice.invalid', {}, { private: true });
      const byAdmin = this.deps.approval.isAdmin(user);
      const reply = await this.approveOrHold(requestId, chosen, { actor, chooser: user, byAdmin }, 'picked', {
        key,
        score: chosen.score,
        option,
      });
      // An admin picked for someone else (after `reclassify`): the person hears how it ended.
      if (userKey(r.user) !== actor) await this.tellOutcome(r, reply, 'admin.reclassifiedNotice', logger);
      return reply;
    });
  }

  /** An admin's Approve or Decline (a button, or `approve <id>` / `decline <id>`). */
  async settle(admin: UserRef, id: string, verdict: Verdict): Promise<Reply> {
    const { requests, clock, logger } = this.deps;
    return this.exclusive(id, async () => {
      const r = await requests.get(id);
      if (!r) return textReply('admin.notFound', { id });
      const title = r.chosen ? displayTitle(r.chosen) : r.query.title;
      if (r.status !== 'awaiting_approval')
        return textReply('approval.alreadyDecided', { title, id, status: r.status.replace(/_/g, ' ') });
      const actor = userKey(admin);
      if (verdict === 'decline') {
        const told = textReply('approval.declined', { title, id }, { requestId: id });
        await requests.update(id, (x) => {
          x.reason = told.text;
          transition(x, 'cancelled', actor, clock.now(), 'declined by admin');
        });
        await this.tell(r.user, told, logger);
        return textReply(
          'approval.declinedDone',
          { title, id, who: r.user.name ?? userKey(r.user) },
          { requestId: id },
        );
      }
      await requests.update(id, (x) => transition(x, 'approved', actor, clock.now(), 'approved by admin'));
      const { reply } = await sendRequest(id, actor, this.deps);
      await this.tell(
        r.user,
        { ...reply, code: 'approval.approved', text: say('approval.approved', { id, outcome: reply.text }) },
        logger,
      );
      return {
        ...reply,
        code: 'approval.approvedDone',
        text: say('approval.approvedDone', { title, id, outcome: reply.text }),
      };
    });
  }

  /**
   * An admin's correction: search again as another kind, or send the chosen work to another
   * backend. What was sent before stays where it went (the bot removes nothing from a library).
   */
  async reclassify(admin: UserRef, id: string, target: ReclassifyTarget): Promise<Reply> {
    const { requests, clock, backends, logger } = this.deps;
    return this.exclusive(id, async () => {
      const r = await requests.get(id);
      if (!r) return textReply('admin.notFound', { id });
      const actor = userKey(admin);
      const backend = target.backend ? backends.byName(target.backend) : undefined;
      const direct = Boolean(backend && r.chosen && backend.kinds.includes(r.chosen.kind));
      const hint = target.hint ?? (backend && !direct ? hintFor(backend.kinds) : undefined);
      const before = { status: r.status, backend: r.backend, chosen: r.chosen?.key, hint: r.query.hint };
      await requests.update(id, (x) => {
        if (target.backend) x.options.backend = target.backend;
        else delete x.options.backend;
        if (hint) x.query.hint = hint;
        if (!direct) delete x.chosen;
        delete x.backend;
        delete x.backendItemId;
        delete x.nextAttemptAt;
        delete x.reason;
        x.attempts = 0;
        transition(
          x,
          direct ? 'approved' : 'received',
          actor,
          clock.now(),
          `reclassified as ${target.label}`,
          {
            before,
          },
        );
      });
      let reply: Reply;
      if (direct) reply = (await sendRequest(id, actor, this.deps)).reply;
      else {
        const query = { title: r.query.title, ...pickDefined(r), ...(hint ? { hint } : {}) };
        const c = await classify(query, this.deps);
        reply = await this.decide(id, c, { actor, chooser: admin, byAdmin: true });
      }
      if (userKey(r.user) !== actor) await this.tellOutcome(r, reply, 'admin.reclassifiedNotice', logger);
      return {
        ...reply,
        text: say('admin.reclassified', { id, target: target.label, outcome: reply.text }),
      };
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
        return this.decide(r.id, c, { actor: 'cron', chooser: r.user, byAdmin: false });
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
        const item = await backend.status(r.backendItemId, r.chosen.kind, AbortSignal.timeout(15_000));
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
        if (isUpstreamError(e)) this.deps.metrics?.upstreamError(e.service);
        logger.warn(
          { requestId: r.id, error: isUpstreamError(e) ? e.message : String(e) },
          'status check failed',
        );
      }
    }
    return available;
  }

  /** Tell the person who asked how someone else's action on their request ended. */
  private async tellOutcome(r: MediaRequest, reply: Reply, code: MediaCode, logger: Logger): Promise<void> {
    const after = await this.deps.requests.get(r.id);
    if (!after || !SETTLED.has(after.status)) return;
    await this.tell(r.user, { ...reply, code, text: say(code, { id: r.id, outcome: reply.text }) }, logger);
  }

  /** When no configured source can find movies or shows, say what to set (a fresh install). */
  private coverageNote(): string {
    const video = this.deps.catalogs.some((c) => c.kinds.includes('movie') || c.kinds.includes('series'));
    return video ? '' : `\n${say('media.noVideoSources')}`;
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

/** The kind hint that makes a search land on a backend: Sonarr → series, Lidarr → music. */
function hintFor(kinds: readonly Candidate['kind'][]): KindHint | undefined {
  const video = kinds.includes('series') && kinds.includes('movie');
  if (video) return undefined; // Overseerr takes both: the search decides.
  if (kinds.includes('series')) return 'series';
  if (kinds.includes('movie')) return 'movie';
  if (kinds.includes('artist') || kinds.includes('album')) return 'music';
  return undefined;
}
