/**
 * The vocabulary browser in a terminal, which has no buttons: each button has a key the core gave
 * it (a word's number, `n` / `p`, a level such as `B2`, `b`, `e`, `l`), and typing the key is the
 * click. The keys are those of the last buttons shown, until other buttons or a choice replace them.
 */
import type { Reply } from '../../../src/core/types.js';

export class BrowserKeys {
  private keys = new Map<string, string>();

  /** A reply went on screen: its buttons are what the keys mean now; a choice prompt ends them. */
  shown(reply: Reply): void {
    if (reply.choices) this.keys.clear();
    if (!reply.buttons) return;
    this.keys = new Map(reply.buttons.flat().map((b) => [b.key.toLowerCase(), b.data]));
  }

  /** The button data a typed line stands for, if it is one of the keys. */
  data(line: string): string | undefined {
    return this.keys.get(line.trim().toLowerCase());
  }
}
