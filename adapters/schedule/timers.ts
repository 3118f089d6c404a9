/**
 * The Clock and Timers ports on the system clock and setTimeout. Timers are unref'd: a pending
 * wake-up never keeps the process alive at shutdown.
 */
import type { Clock, Timers } from '../../src/core/ports.js';

/** setTimeout's longest delay (about 24.8 days); longer ones fire then. Job pauses are at most 7 days. */
const MAX_DELAY_MS = 2 ** 31 - 1;

export const systemClock: Clock = { now: () => new Date() };

export const systemTimers: Timers = {
  after(ms, fire) {
    const timer = setTimeout(fire, Math.min(Math.max(0, ms), MAX_DELAY_MS));
    timer.unref();
    return () => clearTimeout(timer);
  },
};
