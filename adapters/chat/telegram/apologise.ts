/**
 * After a handler failed: "something went wrong" to the chat the update came from (a message's
 * chat, a click's message chat, else the clicker), through the outbox like every other write.
 */
import type { Telegram } from 'telegraf';
import type { Update } from 'telegraf/types';
import { z } from 'zod';
import { say } from '../../../src/core/messages.js';
import type { Logger } from '../../../src/core/ports.js';
import type { Outbox } from './outbox.js';

const chatOfUpdate = z.object({
  message: z.object({ chat: z.object({ id: z.number().int() }) }).optional(),
  callback_query: z
    .object({
      from: z.object({ id: z.number().int() }),
      message: z.object({ chat: z.object({ id: z.number().int() }) }).optional(),
    })
    .optional(),
});

export async function apologise(
  update: Update,
  telegram: Telegram,
  outbox: Outbox,
  describe: (err: unknown) => Record<string, unknown>,
  logger: Logger,
): Promise<void> {
  const parsed = chatOfUpdate.safeParse(update);
  const q = parsed.success ? parsed.data.callback_query : undefined;
  const chatId = parsed.success
    ? (parsed.data.message?.chat.id ?? q?.message?.chat.id ?? q?.from.id)
    : undefined;
  if (chatId === undefined) return;
  await outbox
    .send(String(chatId), 'sendMessage', (id) => telegram.sendMessage(id, say('internal.error')))
    .catch((e: unknown) => logger.warn(describe(e), 'could not apologise either'));
}
