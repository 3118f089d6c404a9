/**
 * The work is chosen: ask what is still open (which instance, which seasons), then send it, or
 * hold it for an admin when approval is required.
 */
import { say } from '../messages.js';
import type { Candidate, Reply } from '../types.js';
import { announceForApproval, needsApproval } from './approval.js';
import type { Acting, MediaDeps } from './media-deps.js';
import { transition } from './request-lifecycle.js';
import { nextQuestion } from './request-options.js';
import { cardFor, displayTitle, sendRequest } from './send-request.js';

export type ProceedDeps = Pick<
  MediaDeps,
  | 'requests'
  | 'clock'
  | 'backends'
  | 'choices'
  | 'askSeasons'
  | 'approval'
  | 'notifier'
  | 'logger'
  | 'catalogs'
  | 'maxAttempts'
  | 'metrics'
  | 'items'
>;

export async function proceed(
  id: string,
  chosen: Candidate,
  acting: Acting,
  note: string,
  detail: Record<string, unknown>,
  deps: ProceedDeps,
): Promise<Reply> {
  const { requests, clock } = deps;
  const current = await requests.get(id);
  const question = current ? nextQuestion(current, chosen, deps.backends, deps.askSeasons) : undefined;
  if (current && question) {
    const token = await deps.choices.offer(acting.chooser, question.purpose, question.values, id);
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
        noneLabel: say('choice.cancelLabel'),
      },
      requestId: id,
    };
  }
  const hold = current ? needsApproval(deps.approval, current.user, acting.byAdmin) : false;
  const r = await requests.update(id, (x) => {
    x.chosen = chosen;
    transition(x, hold ? 'awaiting_approval' : 'approved', acting.actor, clock.now(), note, detail);
  });
  if (hold) return announceForApproval(r, deps);
  return (await sendRequest(id, acting.actor, deps)).reply;
}
