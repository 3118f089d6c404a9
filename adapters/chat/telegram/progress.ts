/**
 * Showing that slow work is under way. Telegram shows "typing…" for about 5 s per
 * sendChatAction, so it is repeated while the work lasts. A status message is edited as things
 * move, but at most once per `minIntervalMs` per message: more is pointless to a reader and
 * counts against the chat's rate limit. Edits in between collapse into the latest one.
 */
import { setTimeout as sleep } from 'node:timers/promises';

/** Repeat `send` every `everyMs` until stopped; the first call goes out at once. */
export function keepTyping(send: () => Promise<unknown>, everyMs: number): () => void {
  const fire = () => void send().catch(() => undefined);
  fire();
  const timer = setInterval(fire, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Applies edits to one message, never two within `minIntervalMs`: an edit that comes too soon
 * waits, and is replaced by any newer one that arrives meanwhile. Each `edit` resolves once its
 * content, or a newer one, has been applied.
 */
export class ThrottledEditor<C> {
  private lastAt: number;
  private latest: C | undefined;
  private timer: NodeJS.Timeout | undefined;
  private waiters: { resolve: () => void; reject: (e: unknown) => void }[] = [];

  /** `sentAt` counts as the first edit: a message just sent is not edited straight away. */
  constructor(
    private readonly apply: (content: C) => Promise<void>,
    private readonly minIntervalMs: number,
    sentAt: number = Date.now(),
  ) {
    this.lastAt = sentAt;
  }

  edit(content: C): Promise<void> {
    this.latest = content;
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    if (this.timer === undefined) {
      const wait = Math.max(0, this.lastAt + this.minIntervalMs - Date.now());
      this.timer = setTimeout(() => void this.flush(), wait);
    }
    return done;
  }

  /** Drop edits not yet applied (their promises resolve: a newer message replaces them). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.latest = undefined;
    for (const w of this.waiters.splice(0)) w.resolve();
  }

  private async flush(): Promise<void> {
    const content = this.latest;
    const waiters = this.waiters.splice(0);
    this.latest = undefined;
    this.lastAt = Date.now();
    try {
      if (content !== undefined) await this.apply(content);
      for (const w of waiters) w.resolve();
    } catch (err) {
      for (const w of waiters) w.reject(err);
    } finally {
      this.timer = undefined;
      this.lastAt = Date.now();
      // An edit that arrived while this one was in flight still has to go out.
      if (this.waiters.length > 0) {
        const wait = Math.max(0, this.lastAt + this.minIntervalMs - Date.now());
        this.timer = setTimeout(() => void this.flush(), wait);
      }
    }
  }
}

/** `p`'s value if it settles within `ms`, else undefined (`p` keeps running; await it later). */
export async function within<T>(p: Promise<T>, ms: number): Promise<{ value: T } | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, ms, undefined)));
  try {
    return await Promise.race([p.then((value) => ({ value })), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Whether every promise in `inflight` (including ones added meanwhile) settled within `ms`. */
export async function settledWithin(inflight: Set<Promise<unknown>>, ms: number): Promise<boolean> {
  const grace = new AbortController();
  const waited = sleep(ms, false, { signal: grace.signal }).catch(() => false);
  try {
    while (inflight.size > 0) {
      const done = await Promise.race([Promise.allSettled([...inflight]).then(() => true), waited]);
      if (!done) return false;
    }
    return true;
  } finally {
    grace.abort();
  }
}
