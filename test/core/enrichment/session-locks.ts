/**
 * ClusterLocks as PgClusterLocks gives each instance (adapters/store/pg/pg-cluster-locks.ts): run
 * locks held by the instance's database session, in a table every instance shares, and this
 * process's own ProcessLocks in front. PostgreSQL's advisory locks belong to the session that took
 * them and go when it ends ("Advisory Lock Functions", functions-admin.html): `endSession` is that
 * (the instance died, or its connection was cut); the work running under the lock is not told and
 * goes on. Item locks are the transaction-level ones (pg_advisory_xact_lock): one holder at a time
 * across the instances, in turn, and released too when the holder's session ends (the server
 * rolls back the transaction of a connection that is gone).
 */
import type { ClusterLocks, TryRunResult } from '../../../src/core/ports.js';
import { ProcessLocks } from '../../../src/core/process-locks.js';

/** A database session: the item locks it holds now, each by its release. */
interface Session {
  items: Set<() => void>;
}

/** One database: the run locks each session holds, and the item locks. */
export class LockServer {
  readonly held = new Map<string, Session>();
  /** By key: resolves when the last holder or waiter so far lets go. */
  private readonly tails = new Map<string, Promise<void>>();

  /** pg_advisory_xact_lock: waits its turn; the release is also called when `session` ends. */
  async takeItem(key: string, session: Session): Promise<() => void> {
    const before = this.tails.get(key) ?? Promise.resolve();
    let letGo!: () => void;
    const tail = before.then(() => new Promise<void>((r) => (letGo = r)));
    this.tails.set(key, tail);
    await before;
    const release = () => {
      if (!session.items.delete(release)) return;
      letGo();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    };
    session.items.add(release);
    return release;
  }
}

export class SessionLocks implements ClusterLocks {
  private readonly local = new ProcessLocks();
  private session: Session = { items: new Set() };

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
    return this.local.withItemLock(key, async () => {
      const release = await this.server.takeItem(key, this.session);
      try {
        return await work();
      } finally {
        // COMMIT; after the session ended there is nothing left to release.
        release();
      }
    });
  }

  /** The session ends: every lock it held goes; the next lock opens a new session. */
  endSession(): void {
    for (const [name, session] of this.server.held)
      if (session === this.session) this.server.held.delete(name);
    for (const release of [...this.session.items]) release();
    this.session = { items: new Set() };
  }
}
