/**
 * A reply that announces a job (a vocabulary list being enriched) keeps following it: the job's
 * later progress edits the message that reply became, through ProgressEdits, for as long as
 * Discord lets that message be edited.
 */
import type { Reply, UserRef } from '../../../src/core/types.js';
import type { ProgressEdits } from './progress-edits.js';
import type { RenderedMessage } from './render.js';

/** Interaction tokens allow edits for 15 minutes; stop a little before. */
export const INTERACTION_EDIT_TTL_MS = 14 * 60_000;
/** A channel message can be edited for as long as it exists; follow a job for a day at most. */
export const MESSAGE_EDIT_TTL_MS = 24 * 60 * 60_000;

type EditMessage = (m: RenderedMessage) => Promise<unknown>;

/** When `reply` follows a job, later progress for it edits the message `edit` changes. */
export type Follow = (user: UserRef, reply: Reply, edit: EditMessage, ttlMs?: number) => void;

/** Progress of one job for one person in one chat. */
export function progressKey(user: UserRef, jobKey: string): string {
  return `${user.userId}|${user.chatId}|${jobKey}`;
}

/**
 * Tracking starts before the message is sent, so progress that arrives while it is on its way is
 * not posted as a second message; the first edit waits a full interval anyway.
 */
export function followWith(progress: ProgressEdits<RenderedMessage>): Follow {
  return (user, reply, edit, ttlMs = INTERACTION_EDIT_TTL_MS) => {
    if (reply.progress) progress.track(progressKey(user, reply.progress.jobKey), edit, ttlMs);
  };
}
