/**
 * A Core whose answers come from the test, for testing a chat adapter's own behaviour (limits,
 * rendering, timing) in isolation; the stories run the real App instead.
 */
import type { Core, ProcessReport } from '../../src/core/core.js';
import type { IncomingMessage, KindHint, Reply, UserRef } from '../../src/core/types.js';

/** A Core whose every answer comes from the test; calls are recorded. */
export class ScriptedCore implements Core {
  readonly handled: IncomingMessage[] = [];
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
  onSuggest: (prefix: string, hint?: KindHint) => string[] | Promise<string[]> = () => [];

  async handle(msg: IncomingMessage): Promise<Reply> {
    this.handled.push(msg);
    return this.onHandle(msg);
  }
  async choose(user: UserRef, token: string, option: number | 'none'): Promise<Reply> {
    this.chosen.push({ user, token, option });
    return this.onChoose(user, token, option);
  }
  async suggest(prefix: string, hint?: KindHint): Promise<string[]> {
    this.suggested.push(hint === undefined ? { prefix } : { prefix, hint });
    return this.onSuggest(prefix, hint);
  }
  async processPending(): Promise<ProcessReport> {
    return { retried: 0, sent: 0, failed: 0, available: 0, skipped: false };
  }
  async idle(): Promise<void> {}
}
