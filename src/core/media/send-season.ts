/** "add <series> season N": one season of a series, monitored and searched. */
import { textReply } from '../messages.js';
import type { MediaBackend } from '../ports.js';
import type { Candidate, MediaRequest, Reply } from '../types.js';
import { transition } from './request-lifecycle.js';
import { cardFor, displayTitle, markSending, withUser, type SendDeps } from './send-request.js';

/**
 * "add Dexter season 9". A series not in the library yet is added with only that season
 * monitored, and the backend searches it once it has loaded the episodes; a series already there
 * gets the season monitored and searched now. Run again after a crash, it finds the series and
 * only monitors (monitoring twice is harmless).
 */
export async function sendSeason(
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
