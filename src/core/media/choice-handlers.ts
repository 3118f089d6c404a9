/**
 * A click on buttons the core offered. Each stored choice has a purpose; a registry maps each
 * purpose to the one handler that knows what its values mean: candidate keys, backend names,
 * Sonarr monitor options, or an admin's verdict.
 */
import type { StoredChoice } from '../ports.js';
import { textReply } from '../messages.js';
import { userKey, type MediaRequest, type Reply, type UserRef } from '../types.js';
import { APPROVE, verdictOf } from './approval.js';
import { PICK } from './decide.js';
import type { MediaDeps } from './media-deps.js';
import { proceed, type ProceedDeps } from './proceed.js';
import { transition } from './request-lifecycle.js';
import { ASK_BACKEND, ASK_MONITOR } from './request-options.js';
import { displayTitle } from './send-request.js';
import { settleApproval } from './settle-approval.js';
import { tellOutcome } from './tell-person.js';
import { workAsOwner } from './request-owner.js';

export type ClickDeps = ProceedDeps & Pick<MediaDeps, 'choices' | 'locks' | 'instances'>;

/** A click, as the registry's handlers see it: the stored choice is still unused. */
interface Click {
  user: UserRef;
  token: string;
  requestId: string;
  /** The value of the chosen option; undefined for "none of these" / Cancel. */
  value: string | undefined;
  option: number | 'none';
}

type ChoiceHandler = (click: Click, deps: ClickDeps) => Promise<Reply>;

const HANDLERS = {
  [PICK]: pick,
  [ASK_BACKEND]: (click, deps) =>
    answer(click, deps, ASK_BACKEND, (r, value) => void (r.options.backend = value)),
  [ASK_MONITOR]: (click, deps) =>
    answer(click, deps, ASK_MONITOR, (r, value) => void (r.options.monitor = value)),
  [APPROVE]: approve,
} satisfies Record<string, ChoiceHandler>;

export type ChoicePurpose = keyof typeof HANDLERS;

function handlerFor(purpose: string): ChoiceHandler | undefined {
  return Object.hasOwn(HANDLERS, purpose) ? HANDLERS[purpose as ChoicePurpose] : undefined;
}

/**
 * `allowed: false` (the person is not, or no longer, on the access list) refuses a click on their
 * own buttons; a click on someone else's gets the usual "not yours" either way.
 */
export async function handleClick(
  user: UserRef,
  token: string,
  option: number | 'none',
  allowed: boolean,
  deps: ClickDeps,
): Promise<Reply> {
  const check = await deps.choices.check(user, token, option);
  if (!check.ok) return textReply(check.code, {}, { private: true });
  if (!allowed) return textReply('access.denied', { who: userKey(user) }, { private: true });
  const choice: StoredChoice = check.choice;
  const handler = handlerFor(choice.purpose);
  if (!choice.requestId || !handler) return textReply('choice.invalid', {}, { private: true });
  const value = option === 'none' ? undefined : choice.values[option];
  return handler({ user, token, requestId: choice.requestId, value, option }, deps);
}

/** Which of the offered works: the chosen candidate goes on to its questions or its backend. */
function pick(click: Click, deps: ClickDeps): Promise<Reply> {
  const { choices, requests, clock } = deps;
  const { user, token, requestId } = click;
  return workAsOwner(requestId, deps, async () => {
    if (!(await choices.take(token))) return textReply('choice.expired', {}, { private: true });
    const r = await requests.get(requestId);
    if (!r || r.status !== 'needs_choice') return textReply('choice.expired', {}, { private: true });
    const actor = userKey(user);
    if (click.value === undefined) {
      await requests.update(requestId, (x) =>
        transition(x, 'cancelled', actor, clock.now(), 'none of these'),
      );
      return textReply('media.cancelledNone', { title: r.query.title }, { requestId });
    }
    const chosen = r.candidates.find((c) => c.key === click.value);
    if (!chosen) return textReply('choice.invalid', {}, { private: true });
    const byAdmin = deps.approval.isAdmin(user);
    const reply = await proceed(
      requestId,
      chosen,
      { actor, chooser: user, byAdmin },
      'picked',
      { key: click.value, score: chosen.score, option: click.option },
      deps,
    );
    // An admin picked for someone else (after `reclassify`): the person hears how it ended.
    if (userKey(r.user) !== actor) await tellOutcome(deps, r, reply, 'admin.reclassifiedNotice');
    return reply;
  });
}

/** An answer to "which instance?" or "which seasons?": `store` keeps it, then the request goes on. */
function answer(
  click: Click,
  deps: ClickDeps,
  purpose: string,
  store: (r: MediaRequest, value: string) => void,
): Promise<Reply> {
  const { choices, requests, clock } = deps;
  const { user, token, requestId, value } = click;
  return workAsOwner(requestId, deps, async () => {
    if (!(await choices.take(token))) return textReply('choice.expired', {}, { private: true });
    const r = await requests.get(requestId);
    if (!r?.chosen || r.status !== 'needs_choice') return textReply('choice.expired', {}, { private: true });
    const actor = userKey(user);
    if (value === undefined) {
      await requests.update(requestId, (x) =>
        transition(x, 'cancelled', actor, clock.now(), 'cancelled at a question'),
      );
      return textReply('media.cancelledOption', { title: displayTitle(r.chosen) }, { requestId });
    }
    await requests.update(requestId, (x) => store(x, value));
    const byAdmin = deps.approval.isAdmin(user);
    return proceed(
      requestId,
      r.chosen,
      { actor, chooser: user, byAdmin },
      `answered ${purpose}`,
      { value },
      deps,
    );
  });
}

/** Approve/Decline buttons: only an admin's click counts, and only once. */
async function approve(click: Click, deps: ClickDeps): Promise<Reply> {
  const verdict = click.option === 'none' ? 'decline' : verdictOf(click.value);
  if (!verdict) return textReply('choice.invalid', {}, { private: true });
  if (!deps.approval.isAdmin(click.user))
    return textReply('admin.denied', { verb: verdict }, { private: true });
  if (!(await deps.choices.take(click.token))) return textReply('choice.expired', {}, { private: true });
  return settleApproval(click.user, click.requestId, verdict, deps);
}
