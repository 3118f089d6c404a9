/**
 * Progress of slow work (a vocabulary list being enriched) is shown by editing the one message
 * that announced it, not by posting a new message per step. Edits are rate-limited per message:
 * within the interval only the newest payload is kept and sent when the interval ends, so a job
 * reporting every word costs Discord a handful of edits.
 */
export type EditFn<P> = (payload: P) => Promise<unknown>;

interface Tracked<P> {
  edit: EditFn<P>;
  expiresAt: number;
  lastEditAt: number;
  pending?: P;
  timer?: NodeJS.Timeout;
  inFlight?: Promise<void>;
}

export class ProgressEdits<P> {
  private readonly tracked = new Map<string, Tracked<P>>();

  constructor(
    private readonly minIntervalMs: number,
    /** Told when an edit fails (the message was deleted, the token expired). */
    private readonly onError: (key: string, err: unknown) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Remember how to edit the message for `key` until `ttlMs` from now (interaction tokens last 15 min). */
  track(key: string, edit: EditFn<P>, ttlMs: number): void {
    this.drop(key);
    this.tracked.set(key, { edit, expiresAt: this.now() + ttlMs, lastEditAt: this.now() });
  }

  /** Edit the tracked message (now or at the end of the interval); false when nothing is tracked. */
  offer(key: string, payload: P): boolean {
    const t = this.tracked.get(key);
    if (!t) return false;
    if (t.expiresAt <= this.now()) {
      this.drop(key);
      return false;
    }
    t.pending = payload;
    if (t.timer) return true;
    const wait = Math.max(0, t.lastEditAt + this.minIntervalMs - this.now());
    t.timer = setTimeout(() => this.flush(key, t), wait);
    return true;
  }

  /** Cancel pending edits (shutdown); edits already sent are awaited. */
  async stop(): Promise<void> {
    const inFlight = [...this.tracked.values()].map((t) => t.inFlight);
    for (const key of [...this.tracked.keys()]) this.drop(key);
    await Promise.allSettled(inFlight);
  }

  private flush(key: string, t: Tracked<P>): void {
    t.timer = undefined;
    const payload = t.pending;
    if (payload === undefined) return;
    t.pending = undefined;
    t.lastEditAt = this.now();
    t.inFlight = t.edit(payload).then(
      () => undefined,
      (err: unknown) => {
        // The message is gone or the token expired: stop editing it; later updates post anew.
        this.onError(key, err);
        if (this.tracked.get(key) === t) this.drop(key);
      },
    );
  }

  private drop(key: string): void {
    const t = this.tracked.get(key);
    if (t?.timer) clearTimeout(t.timer);
    this.tracked.delete(key);
  }
}
