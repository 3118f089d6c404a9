/**
 * One piece of work per key at a time: a second caller asking for the same key while the first is
 * running gets the same promise. Two people asking for Inception at once cause one fetch and one
 * analysis; once it settles, the next call starts afresh (stores and caches answer it then).
 */
export class SingleFlight<T> {
  private readonly running = new Map<string, Promise<T>>();

  run(key: string, work: () => Promise<T>): Promise<T> {
    const inFlight = this.running.get(key);
    if (inFlight) return inFlight;
    const p = work().finally(() => this.running.delete(key));
    this.running.set(key, p);
    return p;
  }

  get size(): number {
    return this.running.size;
  }
}
