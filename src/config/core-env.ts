import { z } from 'zod';
import { commaList, intWithDefault, numberWithDefault, optionalString } from './env-helpers.js';

/** Where data lives, logging, the decision's tuning, the retry cron, and who may use the bot. */
export const coreEnv = z.object({
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
  ALLOWED_USERS: commaList(),
  ADMIN_USERS: commaList(),
});
export type CoreEnv = z.infer<typeof coreEnv>;
