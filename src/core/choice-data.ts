/**
 * What a button carries back: `c:<token>:<index>` or `c:<token>:x` for "none of these".
 * At most 16 bytes, well under Telegram's 64-byte callback_data and Discord's 100-character
 * custom_id; everything else about the choice stays on the server under the token.
 */
import { z } from 'zod';

export type ChoiceOptionRef = number | 'none';

const TOKEN = /^[a-z0-9]{6,12}$/;
const choiceData = z
  .string()
  .max(64)
  .regex(/^c:[a-z0-9]{6,12}:(x|\d{1,2})$/)
  .transform((s) => {
    const [, token, opt] = s.split(':') as [string, string, string];
    const option: ChoiceOptionRef = opt === 'x' ? 'none' : Number(opt);
    return { token, option };
  });

export function encodeChoice(token: string, option: ChoiceOptionRef): string {
  if (!TOKEN.test(token)) throw new Error(`not a choice token: ${token}`);
  return `c:${token}:${option === 'none' ? 'x' : option}`;
}

/** Parse button data from a platform; null for anything that is not ours or is malformed. */
export function decodeChoice(data: unknown): { token: string; option: ChoiceOptionRef } | null {
  const parsed = choiceData.safeParse(data);
  return parsed.success ? parsed.data : null;
}
