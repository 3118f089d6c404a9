/**
 * Is the Message Content intent on for the bot's application? GET /applications/@me reports it
 * in `flags`, so the doctor can tell without connecting to the gateway. Without it the bot still
 * runs (it logs in again without the intent), but plain messages in channels arrive empty.
 */
import { z } from 'zod';
import type { DoctorCheck } from '../../src/core/admin/doctor.js';
import type { HttpClient } from '../http-client/http-client.js';
import { MESSAGE_CONTENT_FIX } from '../chat/discord/gateway-login.js';
import { failureCheck, timed } from './describe-failure.js';

const NAME = 'Discord Message Content intent';

// discord-api-types payloads/v10/application ApplicationFlags: GatewayMessageContent (1 << 18,
// approved for a verified app) and GatewayMessageContentLimited (1 << 19, the Bot page's toggle).
const MESSAGE_CONTENT_FLAGS = (1 << 18) | (1 << 19);

const application = z.object({ flags: z.number().int() });

export async function checkMessageContent(
  http: HttpClient,
  apiBase: string,
  timeoutMs: number,
): Promise<DoctorCheck> {
  const r = await timed(timeoutMs, (signal) =>
    http.json({ path: '/applications/@me', schema: application, signal }),
  );
  if (!r.ok) return failureCheck(NAME, r.error, { label: 'Discord', url: apiBase });
  if ((r.value.flags & MESSAGE_CONTENT_FLAGS) !== 0)
    return { status: 'ok', name: NAME, detail: 'on: plain "add …" works in DISCORD_CHANNELS' };
  return {
    status: 'fail',
    name: NAME,
    detail: 'off: plain messages in channels arrive empty (slash commands, DMs and mentions work)',
    fix: `turn it on: ${MESSAGE_CONTENT_FIX}`,
  };
}
