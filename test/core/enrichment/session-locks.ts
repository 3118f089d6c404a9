/**
 * ClusterLocks as PgClusterLocks gives each instance (adapters/store/pg/pg-cluster-locks.ts): run
 * locks held by the instance's database session, in a table every instance shares, and this
 * process's own ProcessLocks in front. PostgreSQL's advisory locks belong to the session that took
 * them and go when it ends ("Advisory Lock Functions", functions-admin.html): `endSession` is that
 * (the instance died, or its connection was cut); the work running under the lock is not told and
 * goes on. Item locks are the transaction-level ones: one holder at a time across the instances.
 */
import type { ClusterLocks, TryRunResult } from '../../../src/core/ports.js';
import { ProcessLocks } from '../../../src/core/process-locks.js';

/** One database: the run locks each session holds, and the item locks. */
export class LockServer {
  readonly held = new Map<string, object>();
  readonly items = new ProcessLocks();
}

export class SessionLocks implements ClusterLocks {
  private readonly local = new ProcessLocks();
  private session = {};

  constructor(private readonly server: LockServer) {}

  async tryRun<T>(name: string, work: () => Promise<T>): Promise<TryRunResult<T>> {
    const r = await this.local.tryRun(name, async (): Promise<TryRunResult<T>> => {
      // pg_try_advisory_lock: false while another session holds it.
      const session = this.session;
      if (this.server.held.has(name)) return { ran: false };
      this.server.held.set(name, session);
      try {
        return { ran: true, value: await work() };
      } finally {
        // pg_advisory_unlock on a session that ended unlocks nothing.
        if (this.server.held.get(name) === session) this.server.held.delete(name);
      }
    });
    return r.ran ? r.value : r;
  }

  withItemLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    return this.local.withItemLock(key, () => this.server.items.withItemLock(key, work));
  }

  /** The session ends: every run lock it held goes; the next lock opens a new session. */
  endSession(): void {
    for (const [name, session] of this.server.held)
      if (session === this.session) this.server.held.delete(name);
    this.session = {};
  }
}
