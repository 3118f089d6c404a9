import { z } from 'zod';
import {
  boolWithDefault,
  commaList,
  intWithDefault,
  numberWithDefault,
  optionalString,
} from './env-helpers.js';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** `telegram:123,discord:456`: every entry names its platform, since ids are only unique per platform. */
const PLATFORM_KEY = /^(telegram|discord|terminal|http):[^\s:,]+$/;
const platformKeys = (example: string) =>
  commaList().superRefine((list, ctx) => {
    for (const entry of list) {
      if (!PLATFORM_KEY.test(entry))
        ctx.addIssue({ code: 'custom', message: `"${entry}" is not platform:id (e.g. ${example})` });
    }
  });

/** Where data lives, logging, the decision's tuning, the retry cron, and who may use the bot. */
const fields = z.object({
  DATA_DIR: z.preprocess((v) => (v === '' ? undefined : v), z.string().default('./data')),
  LOG_LEVEL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  /** Name people use to mention the bot in text ("@reelbot add Dune"); stripped before parsing. */
  BOT_NAME: optionalString(),
  /** Milliseconds a decision waits for slow or rate-limited catalogs before answering without them. */
  DECISION_DEADLINE_MS: intWithDefault(2000, 100, 60_000),
  /** Add without asking when the best candidate scores at least this … */
  AUTO_MIN_SCORE: numberWithDefault(0.72, 0, 1),
  /** … and leads the next one by at least this. */
  AUTO_MIN_MARGIN: numberWithDefault(0.12, 0, 1),
  /** Below this, a candidate is not offered at all. */
  OFFER_MIN_SCORE: numberWithDefault(0.4, 0, 1),
  /** Minutes a set of buttons stays valid. */
  CHOICE_TTL_MINUTES: intWithDefault(60, 1, 7 * 24 * 60),
  PROCESS_CRON: z.preprocess((v) => (v === '' ? undefined : v), z.string().default('*/5 * * * *')),
  /** Attempts before a retryable failure becomes final. */
  MAX_ATTEMPTS: intWithDefault(8, 1, 100),
  /** Ask which seasons to monitor (all, first, latest, future) when a series is added. */
  ASK_SEASONS: boolWithDefault(false),
  /** Who may request (`telegram:123,discord:456`). Empty, with no ALLOWED_CHATS or request roles: everyone. */
  ALLOWED_USERS: platformKeys('telegram:123456789'),
  /** Who may administer (and always request): admin commands, approvals. */
  ADMIN_USERS: platformKeys('telegram:123456789'),
  /** Chats whose every member may request: a Telegram group (`telegram:-1001234567890`), a Discord channel. */
  ALLOWED_CHATS: platformKeys('telegram:-1001234567890'),
  /** Requests from people who are not admins wait for an admin's Approve before they are sent. */
  REQUIRE_APPROVAL: boolWithDefault(false),
  /** Requests one person may make per rolling 24 hours; 0 = no limit. Admins are exempt. */
  QUOTA_PER_DAY: intWithDefault(0, 0, 10_000),
  /** Requests one person may make per rolling 7 days; 0 = no limit. */
  QUOTA_PER_WEEK: intWithDefault(0, 0, 100_000),
  /** Serve the HTTP API (/api, /healthz, /metrics) on this port; unset = no server. 0 picks a free port. */
  HTTP_PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(65_535).optional()),
  /** Address the HTTP server listens on; the default keeps it on this machine. */
  HTTP_HOST: z.preprocess(blankToUndefined, z.string().trim().default('127.0.0.1')),
  /** Bearer token every /api call must carry (`Authorization: Bearer …`); at least 16 characters. */
  API_TOKEN: optionalString().refine((t) => t === undefined || t.length >= 16, {
    error: 'must be at least 16 characters (e.g. the output of `openssl rand -hex 24`)',
  }),
});

/** Checked even when other variables are invalid (`when`), so every problem is listed at once. */
export const coreEnv = fields.refine((env) => env.HTTP_PORT === undefined || env.API_TOKEN !== undefined, {
  path: ['API_TOKEN'],
  message: 'HTTP_PORT is set but API_TOKEN is not: the API needs a token (e.g. `openssl rand -hex 24`)',
  when: (payload) => {
    const v = payload.value as Record<string, unknown> | null;
    return typeof v === 'object' && v !== null && blankToUndefined(v.HTTP_PORT) !== undefined;
  },
});
export type CoreEnv = z.infer<typeof coreEnv>;
