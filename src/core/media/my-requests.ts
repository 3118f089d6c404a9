/**
 * "requests" and "cancel <id>": what a person asked for, and dropping what has not gone out yet.
 */
import { textReply } from '../messages.js';
import type { Clock, RequestStore } from '../ports.js';
import { userKey, type MediaRequest, type Reply, type RequestStatus, type UserRef } from '../types.js';
import { transition } from './request-lifecycle.js';
import { displayTitle } from './send-request.js';

const STATUS_WORDS: Record<RequestStatus, string> = {
  received: 'received',
  classified: 'searched',
  needs_choice: 'waiting for your pick',
  awaiting_approval: 'waiting for an admin’s approval',
  approved: 'sending',
  sent: 'added, waiting for the download',
  already_present: 'already in the library',
  available: 'ready',
  failed_retryable: 'will retry',
  failed: 'failed',
  cancelled: 'cancelled',
};

const CANCELLABLE: readonly RequestStatus[] = [
  'received',
  'classified',
  'needs_choice',
  'awaiting_approval',
  'approved',
  'failed_retryable',
];
const SHOWN = 10;

function titleOf(r: MediaRequest): string {
  return r.chosen ? displayTitle(r.chosen) : r.query.title;
}

function ago(iso: string, now: Date): string {
  const mins = Math.round((now.getTime() - Date.parse(iso)) / 60_000);
  if (mins < 1) return 'just now';
  if (mins < 60) return `${mins} min ago`;
  if (mins < 48 * 60) return `${Math.round(mins / 60)} h ago`;
  return `${Math.round(mins / 1440)} days ago`;
}

export async function describeRequests(user: UserRef, store: RequestStore, clock: Clock): Promise<Reply> {
  const mine = await store.list({ user: userKey(user) });
  if (mine.length === 0) return textReply('requests.none');
  const now = clock.now();
  const lines = mine.slice(0, SHOWN).map((r) => {
    const where = r.backend && (r.status === 'sent' || r.status === 'available') ? ` (${r.backend})` : '';
    return `• ${r.id} ${titleOf(r)} — ${STATUS_WORDS[r.status]}${where} · ${ago(r.createdAt, now)}`;
  });
  if (mine.length > SHOWN) lines.push(`… and ${mine.length - SHOWN} older`);
  return textReply('requests.list', { lines: lines.join('\n') });
}

/** One request as it stands now: for a person whose answer was lost with the instance deciding it. */
export function statusReply(r: MediaRequest): Reply {
  const where = r.backend && (r.status === 'sent' || r.status === 'available') ? ` (${r.backend})` : '';
  return textReply(
    'media.statusNow',
    {
      id: r.id,
      title: titleOf(r),
      status: `${STATUS_WORDS[r.status]}${where}`,
      reason: r.reason ? ` ${r.reason}` : '',
    },
    { requestId: r.id },
  );
}

export async function cancelRequest(
  user: UserRef,
  id: string,
  store: RequestStore,
  clock: Clock,
): Promise<Reply> {
  const r = await store.get(id);
  if (!r || userKey(r.user) !== userKey(user)) return textReply('cancel.notFound', { id });
  if (!CANCELLABLE.includes(r.status)) {
    return textReply('cancel.tooLate', { id, title: titleOf(r), status: STATUS_WORDS[r.status] });
  }
  await store.update(id, (x) => transition(x, 'cancelled', userKey(user), clock.now(), 'cancelled by user'));
  return textReply('cancel.done', { id, title: titleOf(r) }, { requestId: id });
}
