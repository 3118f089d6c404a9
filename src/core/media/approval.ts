/**
 * REQUIRE_APPROVAL: a request from someone who is not an admin stops in `awaiting_approval`
 * instead of being sent; every admin listed in ADMIN_USERS gets Approve/Decline buttons in a
 * private message, and the person is told it waits. The first admin to decide wins; the other
 * admins' buttons then answer that it was already decided.
 */
import type { Choices } from '../choices.js';
import { say, textReply } from '../messages.js';
import type { Logger, Notifier } from '../ports.js';
import { userKey, type MediaRequest, type Reply, type UserRef } from '../types.js';
import type { BackendRegistry } from './backend-registry.js';
import { cardFor, displayTitle } from './send-request.js';

/** What the core knows about who decides. */
export interface ApprovalPolicy {
  /** REQUIRE_APPROVAL. */
  required: boolean;
  isAdmin(user: UserRef): boolean;
  /** Admins to notify (those listed by id; role-only admins cannot be addressed). */
  admins: readonly UserRef[];
}

export const APPROVE = 'admin.approve';
/** Approval buttons wait a week: admins are not always at their phone within the hour. */
export const APPROVAL_TTL_MS = 7 * 24 * 3600_000;
const VERDICTS = ['approve', 'decline'] as const;
export type Verdict = (typeof VERDICTS)[number];

export function verdictOf(value: string | undefined): Verdict | undefined {
  return VERDICTS.find((v) => v === value);
}

/** Requests from non-admins wait for an admin, unless an admin is the one acting on them. */
export function needsApproval(policy: ApprovalPolicy, requester: UserRef, byAdmin: boolean): boolean {
  return policy.required && !byAdmin && !policy.isAdmin(requester);
}

interface AnnounceDeps {
  choices: Choices;
  notifier: Notifier;
  backends: BackendRegistry;
  logger: Logger;
  approval: ApprovalPolicy;
}

/** Offer every admin the buttons; returns what the person who asked is told. */
export async function announceForApproval(r: MediaRequest, deps: AnnounceDeps): Promise<Reply> {
  const chosen = r.chosen;
  const title = chosen ? displayTitle(chosen) : r.query.title;
  const backend = chosen ? deps.backends.forCandidate(chosen, r.options.backend) : undefined;
  const card = chosen ? cardFor(chosen, backend?.label) : undefined;
  let told = 0;
  for (const admin of deps.approval.admins) {
    try {
      const token = await deps.choices.offer(admin, APPROVE, [...VERDICTS], r.id, APPROVAL_TTL_MS);
      const text = say('approval.request', {
        who: r.user.name ? `${r.user.name} (${userKey(r.user)})` : userKey(r.user),
        title,
        backend: backend?.label ?? say('approval.noService'),
        id: r.id,
        confidence: chosen ? say('approval.confidence', { score: chosen.score.toFixed(2) }) : '',
      });
      await deps.notifier.send(admin, {
        code: 'approval.request',
        text,
        ...(card ? { card } : {}),
        choices: {
          token,
          options: [{ label: say('approval.approveLabel') }, { label: say('approval.declineLabel') }],
        },
        private: true,
        requestId: r.id,
      });
      told += 1;
    } catch (e) {
      deps.logger.warn(
        { admin: userKey(admin), requestId: r.id, error: String(e) },
        'approval notice failed',
      );
    }
  }
  if (told === 0)
    deps.logger.warn(
      { requestId: r.id },
      'a request awaits approval but no admin could be notified (set ADMIN_USERS); an admin can type "approve <id>"',
    );
  return textReply(
    'media.awaitingApproval',
    { title, id: r.id },
    { ...(card ? { card } : {}), requestId: r.id },
  );
}
