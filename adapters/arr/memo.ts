/**
 * Remembers a successful answer for `ttlMs` (profiles, root folders and the server version change
 * rarely); a failure is forgotten at once so the next call asks again.
 */
export class Memo<T> {
  private entry: { until: number; value: Promise<T> } | undefined;

  constructor(private readonly ttlMs: number) {}

  get(load: () => Promise<T>): Promise<T> {
    const now = Date.now();
    if (this.entry && this.entry.until > now) return this.entry.value;
    const value = load();
    const entry = { until: now + this.ttlMs, value };
    this.entry = entry;
    value.catch(() => {
      if (this.entry === entry) this.entry = undefined;
    });
    return value;
  }
}
