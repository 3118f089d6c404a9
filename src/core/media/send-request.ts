/**
 * An approved request → its backend, exactly once. The backend is asked first whether the work is
 * already there; a "sending" audit event is written before the POST, so after a crash the retry
 * can tell "we added it just before dying" (→ sent) from "someone else added it" (→ already
 * present) without a second POST.
 */
import type { ErrorCounter } from '../admin/metrics.js';
import { isUpstreamError } from '../errors.js';
import { say, textReply } from '../messages.js';
import type {
  AddOptions,
  AddResult,
  ClusterLocks,
  Clock,
  Logger,
  MediaBackend,
  MediaCatalog,
  RequestStore,
} from '../ports.js';
import type { Candidate, ExternalIds, MediaCard, MediaRequest, Reply } from '../types.js';
import { SERVICE_FOR_KIND, type BackendRegistry } from './backend-registry.js';
import { transition } from './request-lifecycle.js';
import { failed } from './send-failure.js';
import { sendSeason } from './send-season.js';

export interface SendDeps {
  /**
   * Per-item single flight around "is it there?" and the add (keyed by backend and work), held
   * across every instance on one database.
   */
  items: ClusterLocks;
  requests: RequestStore;
  backends: BackendRegistry;
  catalogs: readonly MediaCatalog[];
  clock: Clock;
  logger: Logger;
  maxAttempts: number;
  /** Counts upstream failures (for /metrics). */
  metrics?: ErrorCounter;
}

const SENDING = 'sending';

const ADD_REPLY = {
  added: 'media.added',
  already_present: 'media.alreadyPresent',
  monitored: 'media.monitoredExisting',
  no_such_season: 'media.noSuchSeason',
} as const;

const STATUS_AFTER = {
  added: 'sent',
  already_present: 'already_present',
  monitored: 'sent',
  no_such_season: 'failed',
} as const;
/** Overall budget for one send (lookup + add), ms; each HTTP attempt has its own timeout too. */
const SEND_BUDGET_MS = 30_000;

export function displayTitle(c: Pick<Candidate, 'title' | 'year'>): string {
  return c.year ? `${c.title} (${c.year})` : c.title;
}

export function cardFor(c: Candidate, destination?: string): MediaCard {
  const card: MediaCard = { title: c.title, kind: c.kind, confidence: c.score };
  if (c.year !== undefined) card.year = c.year;
  if (destination) card.destination = destination;
  if (c.posterUrl) card.posterUrl = c.posterUrl;
  if (c.overview) card.overview = c.overview;
  return card;
}

/** Ask every catalog that can for ids the backend needs; merge what they find (known ids win). */
export async function resolveIds(
  c: Candidate,
  catalogs: readonly MediaCatalog[],
  logger: Logger,
  metrics?: ErrorCounter,
): Promise<ExternalIds> {
  const signal = AbortSignal.timeout(5000);
  const found = await Promise.all(
    catalogs.map((cat) =>
      (cat.resolveIds?.(c, signal) ?? Promise.resolve({})).catch((e: unknown) => {
        if (isUpstreamError(e)) metrics?.upstreamError(cat.name);
        logger.warn(
          { source: cat.name, error: isUpstreamError(e) ? e.message : String(e) },
          'id lookup failed',
        );
        return {};
      }),
    ),
  );
  return Object.assign({}, ...found, c.ids) as ExternalIds;
}

export async function sendRequest(
  id: string,
  actor: string,
  deps: SendDeps,
): Promise<{ request: MediaRequest; reply: Reply }> {
  const { requests, clock } = deps;
  let r = await requests.get(id);
  if (!r?.chosen) throw new Error(`request ${id} has nothing chosen to send`);
  const chosen: Candidate = r.chosen;
  const title = displayTitle(chosen);
  const backend = deps.backends.forCandidate(chosen, r.options.backend);

  if (!backend) {
    const svc = SERVICE_FOR_KIND[chosen.kind];
    const reply = textReply('media.noBackend', {
      kind: chosen.kind,
      service: svc.service,
      envUrl: svc.envUrl,
    });
    r = await requests.update(id, (x) => {
      x.reason = reply.text;
      transition(x, 'failed', actor, clock.now(), 'no backend for kind');
    });
    return { request: r, reply: { ...reply, requestId: id } };
  }

  if (!backend.canAdd(chosen)) {
    const ids = await resolveIds(chosen, deps.catalogs, deps.logger, deps.metrics);
    r = await requests.update(id, (x) => {
      if (x.chosen) x.chosen.ids = { ...ids, ...x.chosen.ids };
    });
    if (!r.chosen || !backend.canAdd(r.chosen)) {
      const reply = textReply('media.noId', {
        title,
        backend: backend.label,
        idName: SERVICE_FOR_KIND[chosen.kind].idName,
      });
      r = await requests.update(id, (x) => {
        x.reason = reply.text;
        x.backend = backend.name;
        transition(x, 'failed', actor, clock.now(), 'no backend id', { ids: x.chosen?.ids });
      });
      return { request: r, reply: { ...reply, card: cardFor(chosen, backend.label), requestId: id } };
    }
  }
  const candidate = r.chosen;
  if (!candidate) throw new Error(`request ${id} lost its chosen work`);
  const card = cardFor(candidate, backend.label);
  const signal = AbortSignal.timeout(SEND_BUDGET_MS);

  try {
    // One check-and-POST at a time per item: a second request for it waits, then finds it there.
    return await deps.items.withItemLock(`${backend.name}|${candidate.key}`, async () => {
      let r = await requests.get(id);
      if (!r) throw new Error(`request ${id} vanished while sending`);
      const existing = await backend.find(candidate, signal);
      const season = r.query.season;
      if (season !== undefined && candidate.kind === 'series' && backend.monitorSeason) {
        return await sendSeason(id, actor, backend, candidate, season, existing?.id, deps, signal);
      }
      if (existing) {
        const sentBeforeCrash = sentBefore(r, backend.name);
        r = await requests.update(id, (x) => {
          x.backend = backend.name;
          x.backendItemId = existing.id;
          delete x.reason;
          transition(
            x,
            sentBeforeCrash ? 'sent' : 'already_present',
            actor,
            clock.now(),
            sentBeforeCrash ? 'found after an interrupted send' : 'already in library',
          );
        });
        const code = sentBeforeCrash ? 'media.added' : 'media.alreadyPresent';
        return {
          request: r,
          reply: textReply(code, { title, backend: backend.label, searching: '' }, { card, requestId: id }),
        };
      }
      const triedBefore = sentBefore(r, backend.name);
      r = await markSending(id, actor, backend, deps);
      const added = await backend.add(candidate, withUser(r), signal);
      // "Already there" after an earlier POST of ours whose answer never came: that POST added it.
      const result: AddResult =
        added.outcome === 'already_present' && triedBefore ? { ...added, outcome: 'added' } : added;
      const searching = result.searching ? say('media.searchingNow') : '';
      const replyValues = { title, backend: backend.label, searching, season: r.query.season };
      r = await requests.update(id, (x) => {
        if (result.itemId !== undefined) x.backendItemId = result.itemId;
        if (result.outcome === 'no_such_season') x.reason = say('media.noSuchSeason', replyValues);
        else delete x.reason;
        x.attempts += 1;
        transition(
          x,
          STATUS_AFTER[result.outcome],
          actor,
          clock.now(),
          `${backend.label} answered: ${result.outcome.replace('_', ' ')}`,
        );
      });
      return {
        request: r,
        reply: textReply(ADD_REPLY[result.outcome], replyValues, { card, requestId: id }),
      };
    });
  } catch (e) {
    return failed(id, actor, e, backend, title, card, deps);
  }
}

/** Written before every POST, so a retry can tell our own earlier add from someone else's. */
export function markSending(
  id: string,
  actor: string,
  backend: MediaBackend,
  deps: SendDeps,
): Promise<MediaRequest> {
  return deps.requests.update(id, (x) => {
    x.backend = backend.name;
    x.audit.push({
      at: deps.clock.now().toISOString(),
      actor,
      from: x.status,
      to: x.status,
      note: SENDING,
      detail: { backend: backend.name },
    });
  });
}

/**
 * Did an earlier attempt of ours POST this request to `backend`? Its answer may have been lost (a
 * crash, a proxy's 502, a timeout) after the item was added. Events written before the backend
 * was recorded in them count when they were the last step (the old crash rule).
 */
function sentBefore(r: MediaRequest, backend: string): boolean {
  return r.audit.some(
    (e, i) =>
      e.note === SENDING &&
      (e.detail?.backend === backend || (e.detail?.backend === undefined && i === r.audit.length - 1)),
  );
}

export function withUser(r: MediaRequest): AddOptions {
  const opts: AddOptions = { requestedBy: r.user };
  if (r.options.monitor) opts.monitor = r.options.monitor;
  if (r.query.season !== undefined) opts.season = r.query.season;
  return opts;
}
