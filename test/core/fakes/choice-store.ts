/**
 * The ChoiceStore port over a Map, with the lowdb store's semantics (adapters/store/choice-store.ts):
 * copies in and out, `take` removes so a second click finds nothing, `purgeExpired` drops what
 * expired at or before `now`.
 */
import type { ChoiceStore, StoredChoice } from '../../../src/core/ports.js';

export class MemoryChoiceStore implements ChoiceStore {
  private readonly byToken = new Map<string, StoredChoice>();

  async put(choice: StoredChoice): Promise<void> {
    this.byToken.set(choice.token, structuredClone(choice));
  }

  async get(token: string): Promise<StoredChoice | undefined> {
    const c = this.byToken.get(token);
    return c ? structuredClone(c) : undefined;
  }

  async take(token: string): Promise<boolean> {
    return this.byToken.delete(token);
  }

  async purgeExpired(now: Date): Promise<number> {
    let purged = 0;
    for (const [token, c] of this.byToken) {
      if (Date.parse(c.expiresAt) <= now.getTime()) {
        this.byToken.delete(token);
        purged += 1;
      }
    }
    return purged;
  }

  get size(): number {
    return this.byToken.size;
  }
}
