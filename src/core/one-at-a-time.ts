/**
 * Work under one key runs one piece at a time, in the order it was handed in; a piece that fails
 * does not stop the next. Unlike SingleFlight (a second caller gets the first caller's promise),
 * every caller's own work runs. Media requests use it per request and per item (a second approval
 * waits, then finds it decided); enrichment per job.
 */
export class OneAtATime {
  private readonly tails = new Map<string, Promise<void>>();

  /** Some work under `key` is running or waiting. */
  isBusy(key: string): boolean {
    return this.tails.has(key);
  }

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const result = (this.tails.get(key) ?? Promise.resolve()).then(work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Resolves when every piece handed in so far has run. */
  async drained(): Promise<void> {
    await Promise.all([...this.tails.values()]);
  }
}
