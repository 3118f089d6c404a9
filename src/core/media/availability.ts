/** Sent requests whose media has arrived: mark them available and tell the person, once. */
import { isUpstreamError } from '../errors.js';
import { textReply } from '../messages.js';
import type { MediaDeps } from './media-deps.js';
import { transition } from './request-lifecycle.js';
import { cardFor, displayTitle } from './send-request.js';
import { tell } from './tell-person.js';

export type AvailabilityDeps = Pick<
  MediaDeps,
  'requests' | 'backends' | 'clock' | 'logger' | 'notifier' | 'metrics'
>;

/** How long one backend status check may take. */
const STATUS_TIMEOUT_MS = 15_000;

export async function checkAvailability(deps: AvailabilityDeps): Promise<number> {
  const { requests, backends, clock, logger } = deps;
  let available = 0;
  for (const r of await requests.list({ status: ['sent'] })) {
    const backend = r.backend ? backends.byName(r.backend) : undefined;
    const chosen = r.chosen;
    if (!backend || r.backendItemId === undefined || !chosen) continue;
    try {
      const item = await backend.status(r.backendItemId, chosen.kind, AbortSignal.timeout(STATUS_TIMEOUT_MS));
      if (!item?.available) continue;
      await requests.update(r.id, (x) => transition(x, 'available', 'cron', clock.now(), 'media on disk'));
      available += 1;
      await tell(
        deps,
        r.user,
        textReply(
          'media.available',
          { title: displayTitle(chosen), backend: backend.label },
          { card: cardFor(chosen, backend.label), requestId: r.id },
        ),
      );
    } catch (e) {
      if (isUpstreamError(e)) deps.metrics.upstreamError(e.service);
      logger.warn(
        { requestId: r.id, error: isUpstreamError(e) ? e.message : String(e) },
        'status check failed',
      );
    }
  }
  return available;
}
