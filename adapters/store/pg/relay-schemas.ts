/**
 * zod schemas of a relayed message (pg-message-relay.ts), read back from the database: another
 * instance, maybe of another release, wrote it. They follow src/core/types.ts (UserRef, Reply);
 * tsc holds the output to those types. Objects are loose, as record-schemas.ts's: a field a newer
 * release added passes through to the chat untouched.
 */
import { z } from 'zod';
import type { MessageCode, Reply, UserRef } from '../../../src/core/types.js';

const str = z.string();
const mediaKind = z.enum(['movie', 'series', 'artist', 'album']);

const userRef = z.looseObject({
  platform: z.enum(['telegram', 'discord', 'terminal', 'http']),
  userId: str,
  chatId: str,
  name: str.optional(),
  roles: z.array(str).optional(),
});

const reply = z.looseObject({
  // Any string: a newer instance's code is still worth sending. The chat shows `text`; the code
  // only picks a rendering (Discord's click refusals) and names the message in logs.
  code: z.custom<MessageCode>((v) => typeof v === 'string' && v.length > 0),
  text: str,
  card: z
    .looseObject({
      title: str,
      year: z.number().optional(),
      kind: mediaKind,
      confidence: z.number().optional(),
      destination: str.optional(),
      posterUrl: str.optional(),
      overview: str.optional(),
    })
    .optional(),
  choices: z
    .looseObject({
      token: str,
      options: z.array(z.looseObject({ label: str, kind: mediaKind.optional() })),
      noneLabel: str.optional(),
    })
    .optional(),
  buttons: z
    .array(z.array(z.looseObject({ label: str, data: str, key: str, current: z.boolean().optional() })))
    .optional(),
  private: z.boolean().optional(),
  progress: z.looseObject({ jobKey: str }).optional(),
  vocab: z.looseObject({ movieKey: str }).optional(),
  document: z.looseObject({ filename: str, mimeType: str, content: str }).optional(),
  requestId: str.optional(),
});

export interface RelayedMessage {
  to: UserRef;
  reply: Reply;
}

export const relayedMessage: z.ZodType<RelayedMessage> = z.object({ to: userRef, reply });
