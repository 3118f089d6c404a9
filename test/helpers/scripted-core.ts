/**
 * A Core whose answers come from the test, for testing a chat adapter's own behaviour (limits,
 * rendering, timing) in isolation; the stories run the real App instead.
 */
import type { Core, ProcessReport } from '../../src/core/core.js';
import { textReply } from '../../src/core/messages.js';
import {
  userKey,
  type IncomingMessage,
  type KindHint,
  type Reply,
  type UserRef,
} from '../../src/core/types.js';

/** A Core whose every answer comes from the test; calls are recorded. */
export class ScriptedCore implements Core {
  readonly handled: IncomingMessage[] = [];
  /** Request ids the chat said it delivered the answer for. */
  readonly deliveredIds: string[] = [];
  readonly chosen: Array<{ user: UserRef; token: string; option: number | 'none' }> = [];
  readonly suggested: Array<{ prefix: string; hint?: KindHint }> = [];
  onHandle: (msg: IncomingMessage) => Reply | Promise<Reply> = (msg) => ({
    code: 'help',
    text: `echo: ${msg.text}`,
  });
  onChoose: (user: UserRef, token: string, option: number | 'none') => Reply | Promise<Reply> = () => ({
    code: 'media.added',
    text: 'Added.',
  });
  onBrowse: (user: UserRef, data: string) => Reply | Promise<Reply> = () => ({
    code: 'vocab.profile',
    text: 'A page.',
  });
  onSuggest: (prefix: string, hint?: KindHint) => string[] | Promise<string[]> = () => [];
  /** User ids the scripted core refuses, as the real one does for people off the access list. */
  readonly refused = new Set<string>();

  async handle(msg: IncomingMessage): Promise<Reply> {
    this.handled.push(msg);
    // The real core's refusal (create-core.ts): private, with the person's id; help stays open.
    if (!this.allows(msg.user) && msg.text.trim() !== 'help')
      return textReply('access.denied', { who: userKey(msg.user) }, { private: true });
    return this.onHandle(msg);
  }
  allows(user: UserRef): boolean {
    return !this.refused.has(user.userId);
  }
  async choose(user: UserRef, token: string, option: number | 'none'): Promise<Reply> {
    this.chosen.push({ user, token, option });
    return this.onChoose(user, token, option);
  }
  async browse(user: UserRef, data: string): Promise<Reply> {
    return this.onBrowse(user, data);
  }
  async suggest(prefix: string, hint?: KindHint, user?: UserRef): Promise<string[]> {
    if (user && !this.allows(user)) return [];
    this.suggested.push(hint === undefined ? { prefix } : { prefix, hint });
    return this.onSuggest(prefix, hint);
  }
  async processPending(): Promise<ProcessReport> {
    return { retried: 0, sent: 0, failed: 0, available: 0, skipped: false };
  }
  async idle(): Promise<void> {}

  async delivered(requestId: string): Promise<void> {
    this.deliveredIds.push(requestId);
  }
}
