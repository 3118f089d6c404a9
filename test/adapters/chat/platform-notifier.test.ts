/**
 * The app's Notifier without a database (adapters/chat/platform-notifier.ts): a later message goes
 * to the chat of the person's platform, and one whose chat this process does not run is dropped
 * with a warning (at debug for the HTTP API, whose callers poll), as before the relay existed.
 * With DATABASE_URL it is relayed instead: test/adapters/store/pg-message-relay.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { PlatformNotifier } from '../../../adapters/chat/platform-notifier.js';
import type { Notifier } from '../../../src/core/ports.js';
import type { Reply, UserRef } from '../../../src/core/types.js';
import { CaptureLogger } from '../../helpers/capture-logger.js';

/** What a chat adapter's send does, recorded. */
class RecordingChat implements Notifier {
  readonly sent: { to: UserRef; reply: Reply }[] = [];
  async send(to: UserRef, reply: Reply): Promise<void> {
    this.sent.push({ to, reply });
  }
}

const dana: UserRef = { platform: 'discord', userId: '80351110224678912', chatId: '81384788765712384' };
const tom: UserRef = { platform: 'telegram', userId: '4242', chatId: '4242' };
const added: Reply = { code: 'media.added', text: 'Dune (2021) is added.' };

describe('GIVEN a process running only Telegram, without a database', () => {
  const setup = () => {
    const logger = new CaptureLogger();
    const notifier = new PlatformNotifier(logger);
    const telegram = new RecordingChat();
    notifier.byPlatform.set('telegram', telegram);
    // Without a relay these do nothing, and say so by not throwing.
    notifier.startRelay();
    return { logger, notifier, telegram };
  };

  it('WHEN a Telegram person is told THEN the Telegram chat sends it', async () => {
    const { logger, notifier, telegram } = setup();
    await notifier.send(tom, added);
    expect(telegram.sent).toEqual([{ to: tom, reply: added }]);
    expect(logger.entries).toEqual([]);
  });

  it('WHEN a Discord person is told THEN it is dropped with a warning naming them', async () => {
    const { logger, notifier, telegram } = setup();
    await notifier.send(dana, added);
    expect(telegram.sent).toEqual([]);
    expect(logger.entries).toEqual([
      {
        level: 'warn',
        bindings: {},
        obj: { user: 'discord:80351110224678912', code: 'media.added' },
        msg: 'no chat adapter running for this platform; notification dropped',
      },
    ]);
    await notifier.stopRelay();
    await notifier.close();
  });

  it('WHEN an HTTP API caller is told THEN it is dropped at debug', async () => {
    const { logger, notifier } = setup();
    await notifier.send({ platform: 'http', userId: 'api', chatId: 'api' }, added);
    expect(logger.entries.map((e) => [e.level, e.msg])).toEqual([
      ['debug', 'no chat adapter running for this platform; notification dropped'],
    ]);
  });
});
