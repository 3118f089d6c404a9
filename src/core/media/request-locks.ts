/**
 * One piece of work at a time per request in this process. A second approval, click or cron run
 * on the same request waits for the first to finish, then sees what it did (the request is no
 * longer awaiting approval, the token is used) instead of sending it again.
 */
export class RequestLocks {
  private readonly tails = new Map<string, Promise<void>>();

  /** Some work on `id` is running or waiting: the cron leaves such a request for its next run. */
  isBusy(id: string): boolean {
    return this.tails.has(id);
  }

  run<T>(id: string, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(id) ?? Promise.resolve();
    const result = before.then(work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(id, tail);
    void tail.then(() => {
      if (this.tails.get(id) === tail) this.tails.delete(id);
    });
    return result;
  }
}
