/**
 * The Clock and Timers ports, standing still until the test moves them: backoffs, expiries and
 * wake-ups without waiting. `advance` fires the timers falling due, in time order.
 */
import type { Clock, Timers } from '../../../src/core/ports.js';

export class FakeClock implements Clock, Timers {
  private t: number;
  private seq = 0;
  private readonly timers: { at: number; seq: number; fire: () => void }[] = [];

  constructor(start: string | Date = '2025-06-01T12:00:00.000Z') {
    this.t = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.t);
  }

  after(ms: number, fire: () => void): () => void {
    const timer = { at: this.t + Math.max(0, ms), seq: ++this.seq, fire };
    this.timers.push(timer);
    return () => {
      const i = this.timers.indexOf(timer);
      if (i >= 0) this.timers.splice(i, 1);
    };
  }

  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const next = this.timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!next) break;
      this.timers.splice(this.timers.indexOf(next), 1);
      this.t = next.at;
      next.fire();
    }
    this.t = end;
  }

  /** Timers set and neither fired nor cancelled. */
  get pending(): number {
    return this.timers.length;
  }
}
