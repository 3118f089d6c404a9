/** The Clock port, standing still until the test moves it: backoffs and expiries without waiting. */
import type { Clock } from '../../../src/core/ports.js';

export class FakeClock implements Clock {
  private t: number;

  constructor(start: string | Date = '2025-06-01T12:00:00.000Z') {
    this.t = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.t);
  }

  advance(ms: number): void {
    this.t += ms;
  }
}
