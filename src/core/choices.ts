/**
 * Buttons offered to one person: the options live on the server under a short random token, so
 * the button itself carries only `c:<token>:<n>` (see choice-data.ts). A token is single-use,
 * bound to the person it was offered to, and expires.
 */
import type { ChoiceStore, Clock, StoredChoice } from './ports.js';
import { userKey, type UserRef } from './types.js';

export type ChoiceLookup =
  | { ok: true; choice: StoredChoice }
  | { ok: false; code: 'choice.expired' | 'choice.notYours' | 'choice.invalid' };

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function newToken(random: () => number = Math.random): string {
  let t = '';
  for (let i = 0; i < 10; i++) t += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return t;
}

export class Choices {
  constructor(
    private readonly store: ChoiceStore,
    private readonly clock: Clock,
    /** How long buttons live unless an offer says otherwise. */
    readonly ttlMs: number,
  ) {}

  /** `ttlMs` overrides the default lifetime (approval buttons wait for an admin far longer). */
  async offer(
    owner: UserRef,
    purpose: string,
    values: string[],
    requestId?: string,
    ttlMs = this.ttlMs,
  ): Promise<string> {
    const token = newToken();
    const choice: StoredChoice = {
      token,
      owner: userKey(owner),
      purpose,
      values,
      expiresAt: new Date(this.clock.now().getTime() + ttlMs).toISOString(),
    };
    if (requestId) choice.requestId = requestId;
    await this.store.put(choice);
    return token;
  }

  /** Check a click without using the token up (a refused click must leave it usable). */
  async check(user: UserRef, token: string, option: number | 'none'): Promise<ChoiceLookup> {
    const choice = await this.store.get(token);
    if (!choice || Date.parse(choice.expiresAt) <= this.clock.now().getTime())
      return { ok: false, code: 'choice.expired' };
    if (choice.owner !== userKey(user)) return { ok: false, code: 'choice.notYours' };
    if (option !== 'none' && (option < 0 || option >= choice.values.length))
      return { ok: false, code: 'choice.invalid' };
    return { ok: true, choice };
  }

  /** Use the token up; false when a concurrent click got there first. */
  take(token: string): Promise<boolean> {
    return this.store.take(token);
  }
}
