/** Work the core is doing for someone: tracked so a shutdown can wait for it, never left to throw. */
import { textReply } from './messages.js';
import type { Logger } from './ports.js';
import { userKey, type Reply, type UserRef } from './types.js';

export class WorkInFlight {
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly logger: Logger) {}

  /** Track `work` for idle(), and turn any escaped exception into an apology instead of a crash. */
  async guarded(what: string, user: UserRef | undefined, work: () => Promise<Reply>): Promise<Reply> {
    return this.track(
      work().catch((err: unknown) => {
        this.logger.error({ err, what, user: user ? userKey(user) : undefined }, 'handler failed');
        return textReply('internal.error');
      }),
    );
  }

  async track<T>(p: Promise<T>): Promise<T> {
    this.inFlight.add(p);
    try {
      return await p;
    } finally {
      this.inFlight.delete(p);
    }
  }

  /** Resolves when nothing is in flight, including work started while waiting. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }
}
