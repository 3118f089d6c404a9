/** The Timers port on setTimeout: fires once after its delay, not at all once cancelled. */
import { describe, expect, it } from 'vitest';
import { systemTimers } from '../../../adapters/schedule/timers.js';

describe('GIVEN two timers of 5 ms, one cancelled', () => {
  it('THEN only the other fires, once', async () => {
    const fired: string[] = [];
    systemTimers.after(5, () => fired.push('kept'));
    const cancel = systemTimers.after(5, () => fired.push('cancelled'));
    cancel();
    await new Promise((r) => setTimeout(r, 30));
    expect(fired).toEqual(['kept']);
  });
});
