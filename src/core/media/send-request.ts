/**
 * An approved request → its backend, exactly once. The backend is asked first whether the work is
 * already there; a "sending" audit event is written before the POST, so after a crash the retry
 * can tell "we added it just before dying" (→ sent) from "someone else added it" (→ already
 * present) without a second POST.
 */
import type { ErrorCounter } from '../admin/metrics.js';
import { isUpstreamError, type UpstreamError } from '../errors.js';
import { say, textReply } from '../messages.js';
import type {
  AddOptions,
  AddResult,
  Clock,
  Logger,
  MediaBackend,
  MediaCatalog,
  RequestStore,
} from '../ports.js';
import type { Candidate, ExternalIds, MediaCard, MediaRequest, Reply } from '../types.js';
import { SERVICE_FOR_KIND, type BackendRegistry } from './backend-registry.js';
import { nextAttemptAt, transition } from './request-lifecycle.js';

export interface SendDeps {
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
    catalogs
      .filter((cat) => cat.resolveIds)
      .map((cat) =>
        (cat.resolveIds as NonNullable<MediaCatalog['resolveIds']>)(c, signal).catch((e: unknown) => {
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
    if (!backend.canAdd(r.chosen as Candidate)) {
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
  const candidate = r.chosen as Candidate;
  const card = cardFor(candidate, backend.label);
  const signal = AbortSignal.timeout(SEND_BUDGET_MS);

  try {
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
  } catch (e) {
    return failed(id, actor, e, backend, title, card, deps);
  }
}

/**
 * "add Dexter season 9". A series not in the library yet is added with only that season
 * monitored, and the backend searches it once it has loaded the episodes; a series already there
 * gets the season monitored and searched now. Run again after a crash, it finds the series and
 * only monitors (monitoring twice is harmless).
 */
async function sendSeason(
  id: string,
  actor: string,
  backend: MediaBackend,
  candidate: Candidate,
  season: number,
  existingId: number | undefined,
  deps: SendDeps,
  signal: AbortSignal,
): Promise<{ request: MediaRequest; reply: Reply }> {
  const { requests, clock } = deps;
  const title = displayTitle(candidate);
  const card = cardFor(candidate, backend.label);
  const values = { title, season, backend: backend.label };
  const finish = async (
    itemId: number | undefined,
    outcome: 'added' | 'monitored' | 'already_monitored' | 'no_such_season',
  ) => {
    const code = SEASON_REPLY[outcome];
    const reply = textReply(code, values, { card, requestId: id });
    const r = await requests.update(id, (x) => {
      x.backend = backend.name;
      if (itemId !== undefined) x.backendItemId = itemId;
      if (outcome === 'no_such_season') {
        x.reason = reply.text;
        transition(x, 'failed', actor, clock.now(), `no season ${season}`);
        return;
      }
      x.attempts += 1;
      delete x.reason;
      transition(x, 'sent', actor, clock.now(), `season ${season} ${outcome.replace('_', ' ')}`);
    });
    return { request: r, reply };
  };
  let itemId = existingId;
  if (itemId === undefined) {
    const r = await markSending(id, actor, backend, deps);
    const result = await backend.add(candidate, withUser(r), signal);
    if (result.outcome === 'added' || result.outcome === 'no_such_season')
      return finish(result.itemId, result.outcome);
    // Someone added the series between our check and our POST: monitor the season on their copy.
    itemId = result.itemId;
    if (itemId === undefined) throw new Error(`${backend.label} has ${title} but gave no id`);
  }
  const monitorSeason = backend.monitorSeason;
  if (!monitorSeason) throw new Error(`${backend.label} cannot monitor seasons`);
  return finish(itemId, await monitorSeason.call(backend, itemId, season, signal));
}

const SEASON_REPLY = {
  added: 'media.seasonAdded',
  monitored: 'media.seasonMonitored',
  already_monitored: 'media.seasonAlreadyMonitored',
  no_such_season: 'media.noSuchSeason',
} as const;

/** Written before every POST, so a retry can tell our own earlier add from someone else's. */
function markSending(
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

function withUser(r: MediaRequest): AddOptions {
  const opts: AddOptions = { requestedBy: r.user };
  if (r.options.monitor) opts.monitor = r.options.monitor;
  if (r.query.season !== undefined) opts.season = r.query.season;
  return opts;
}

async function failed(
  id: string,
  actor: string,
  e: unknown,
  backend: MediaBackend,
  title: string,
  card: MediaCard,
  deps: SendDeps,
): Promise<{ request: MediaRequest; reply: Reply }> {
  const { requests, clock, logger } = deps;
  if (!isUpstreamError(e)) {
    logger.error({ err: e, requestId: id }, 'unexpected error while sending');
    const reply = textReply('media.unexpected', { title, id }, { card, requestId: id });
    const r = await requests.update(id, (x) => {
      x.reason = reply.text;
      transition(x, 'failed', actor, clock.now(), 'unexpected error', { error: String(e) });
    });
    return { request: r, reply };
  }
  deps.metrics?.upstreamError(e.service);
  logger.warn({ requestId: id, backend: backend.name, failure: e.failure, error: e.message }, 'send failed');
  const current = await requests.get(id);
  const attempts = (current?.attempts ?? 0) + 1;
  // An answer we could not read may have come after the add went through: try again later,
  // through the "is it there now?" check, rather than fail it as our own bug.
  const retryable = e.retryable || e.failure === 'bad_response';
  if (retryable && attempts < deps.maxAttempts) {
    const reply = textReply(
      e.failure === 'busy' ? 'media.retryingBusy' : 'media.retrying',
      { backend: backend.label, why: why(e), id, title },
      { card, requestId: id },
    );
    const r = await requests.update(id, (x) => {
      x.attempts = attempts;
      x.nextAttemptAt = nextAttemptAt(clock.now(), attempts);
      x.reason = reply.text;
      transition(x, 'failed_retryable', actor, clock.now(), e.message, {
        failure: e.failure,
        status: e.status,
      });
    });
    return { request: r, reply };
  }
  const reply = retryable
    ? textReply('media.gaveUp', { title, attempts, why: why(e) })
    : e.failure === 'auth'
      ? textReply('media.failedAuth', { backend: backend.label, title, envKey: envKeyFor(backend.name) })
      : textReply('media.failedRefused', { backend: backend.label, title, why: e.detail ?? why(e) });
  const r = await requests.update(id, (x) => {
    x.attempts = attempts;
    x.reason = reply.text;
    delete x.nextAttemptAt;
    transition(x, 'failed', actor, clock.now(), e.message, { failure: e.failure, status: e.status });
  });
  return { request: r, reply: { ...reply, card, requestId: id } };
}

function why(e: UpstreamError): string {
  switch (e.failure) {
    case 'timeout':
      return say('media.whyTimeout');
    case 'rate_limited':
      return say('media.whyRateLimited');
    case 'server_error':
      return say('media.whyServerError', { status: e.status ? ` ${e.status}` : '' });
    case 'unavailable':
      return say('media.whyUnavailable');
    case 'busy':
      return e.detail ?? say('media.whyBusy');
    case 'bad_response':
      return say('media.whyBadResponse');
    default:
      return say('internal.error');
  }
}

/** `radarr-4k` → `RADARR_4K_API_KEY`. */
function envKeyFor(backendName: string): string {
  return `${backendName.toUpperCase().replace(/-/g, '_')}_API_KEY`;
}
