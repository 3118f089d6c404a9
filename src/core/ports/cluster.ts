/**
 * Locks that hold across every instance on one database. One process needs nothing more than its
 * own memory (../process-locks.ts, the default); instances on PostgreSQL share advisory locks
 * (adapters/store/pg/pg-cluster-locks.ts).
 */

/** What `tryRun` did: ran the work (and what it returned), or skipped it. */
export type TryRunResult<T> = { ran: true; value: T } | { ran: false };

export interface ClusterLocks {
  /** Run `work` unless `name` is running now, here or on another instance; then skip it. */
  tryRun<T>(name: string, work: () => Promise<T>): Promise<TryRunResult<T>>;
  /** Run `work` once no other holder of `key`, here or on another instance, is running; in turn. */
  withItemLock<T>(key: string, work: () => Promise<T>): Promise<T>;
}

/**
 * This process among the instances on one store: its id, and whether the instance behind another
 * id still runs (request-owner.ts leaves a live instance's requests to it).
 */
export interface Instances {
  readonly self: string;
  /** Whether other instances may share the store (PostgreSQL): then any of them may die any time. */
  readonly shared: boolean;
  isAlive(id: string): Promise<boolean>;
}
