/** ClusterLocks for one process: a name is running or not, and work per item waits its turn. */
import { OneAtATime } from './one-at-a-time.js';
import type { ClusterLocks, TryRunResult } from './ports.js';

export class ProcessLocks implements ClusterLocks {
  private readonly running = new Set<string>();
  private readonly items = new OneAtATime();

  async tryRun<T>(name: string, work: () => Promise<T>): Promise<TryRunResult<T>> {
    if (this.running.has(name)) return { ran: false };
    this.running.add(name);
    try {
      return { ran: true, value: await work() };
    } finally {
      this.running.delete(name);
    }
  }

  withItemLock<T>(key: string, work: () => Promise<T>): Promise<T> {
    return this.items.run(key, work);
  }
}
