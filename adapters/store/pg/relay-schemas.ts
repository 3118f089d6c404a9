/**
 * zod schemas of a relayed message (pg-message-relay.ts), read back from the database: another
 * instance, maybe of another release, wrote it. They follow src/core/types.ts (UserRef, Reply);
 * tsc holds the output to those types. Objects are loose, as record-schemas.ts's: a field a newer
 * release added passes through to the chat untouched.
 */
import { z } from 'zod';
import type { Reply, UserRef } from '../../../src/core/types.js';
import { reply } from '../reply-schema.js';

const str = z.string();

const userRef = z.looseObject({
  platform: z.enum(['telegram', 'discord', 'terminal', 'http']),
  userId: str,
  chatId: str,
  name: str.optional(),
  roles: z.array(str).optional(),
});

export interface RelayedMessage {
  to: UserRef;
  reply: Reply;
}

export const relayedMessage: z.ZodType<RelayedMessage> = z.object({ to: userRef, reply });
