/**
 * Telegram sends an update again when it did not hear "delivered" (a proxy lost the answer, or
 * the instance died before answering): behind one URL the second delivery reaches the other
 * instance. Two instances on one PostgreSQL, one fake Bot API (test/fakes/telegram-webhook.ts).
 * The request's id comes from the message, so the second instance finds it stored and stays
 * quiet: one request, one POST, one answer. Skipped, with the reason, without PostgreSQL.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startTestPostgres } from '../helpers/postgres.js';
import { startWebhookCluster } from '../helpers/webhook-cluster.js';

const postgres = await startTestPostgres();
if (postgres.why) console.log(`cluster redelivery: skipped — ${postgres.why}`);
afterAll(() => postgres.pg?.stop());

describe.skipIf(postgres.why !== undefined)('GIVEN two instances behind one webhook URL', () => {
  it('WHEN the answer to "add Inception" is lost and Telegram delivers it to the other instance THEN one request, one POST, one reply', async () => {
    const c = await startWebhookCluster(await postgres.pg!.freshUrl(), 2);
    try {
      const { telegram } = c;
      await c.connected();
      const alice = { id: 7_100_001, is_bot: false, first_name: 'Alice' };
      const chat = telegram.privateChat(alice);
      telegram.webhook.loseAnswers(1);
      telegram.userSays(alice, chat, 'add Inception');
      await telegram.until(
        () => telegram.pendingUpdates === 0 && telegram.botMessages(chat.id).length > 0,
        'delivered and answered',
        10_000,
      );
      await Promise.all(c.apps.map((a) => a.core.idle()));
      // Both deliveries were answered 200, by different instances.
      const delivered = telegram.webhook.deliveries.filter((d) => d.status === 200);
      expect(delivered.map((d) => d.updateId)).toEqual([delivered[0]!.updateId, delivered[0]!.updateId]);
      expect(new Set(delivered.map((d) => d.target)).size).toBe(2);
      expect(telegram.botMessages(chat.id).map((m) => m.text?.split('\n')[0])).toHaveLength(1);
      expect((await c.apps[0]!.requests.list()).map((r) => r.query.title)).toEqual(['Inception']);
      expect([...c.postsPerItem().entries()]).toEqual([['27205', 1]]);
      expect(telegram.violations).toEqual([]);
    } finally {
      await c.close();
    }
  }, 30_000);
});
