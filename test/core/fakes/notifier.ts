/** The Notifier port as a chat that keeps every later message it was asked to deliver. */
import type { Notifier } from '../../../src/core/ports.js';
import { userKey, type Reply, type UserRef } from '../../../src/core/types.js';

export class RecordingNotifier implements Notifier {
  readonly sent: { to: UserRef; reply: Reply }[] = [];

  async send(to: UserRef, reply: Reply): Promise<void> {
    this.sent.push({ to: structuredClone(to), reply: structuredClone(reply) });
  }

  /** What `user` was told later, in order. */
  to(user: UserRef): Reply[] {
    return this.sent.filter((s) => userKey(s.to) === userKey(user)).map((s) => s.reply);
  }
}
