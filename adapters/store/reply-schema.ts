/**
 * zod schema of a Reply read back from storage (a relayed message, an answer a request still
 * owes): another instance, maybe of another release, wrote it. It follows src/core/types.ts; tsc
 * holds the output to that type. Objects are loose: a field a newer release added passes through.
 */
import { z } from 'zod';
import type { MessageCode } from '../../src/core/types.js';

const str = z.string();
export const mediaKind = z.enum(['movie', 'series', 'artist', 'album']);

export const reply = z.looseObject({
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
