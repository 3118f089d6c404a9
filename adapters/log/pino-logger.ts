/**
 * One pino root logger; modules take children (`logger.child({ module: 'sonarr' })`). pino's
 * `redact` covers fields (tokens, keys, auth headers) but not the inside of strings, so every
 * string argument and error message/stack is also scrubbed of the configured secret values and
 * key-like URL parameters. Logs go to stderr: stdout belongs to the terminal chat.
 */
import pino, { type DestinationStream } from 'pino';
import type { Logger } from '../../src/core/ports.js';
import { scrub } from '../http-client/scrub.js';

export const REDACT_PATHS = [
  'token',
  'apiKey',
  'api_key',
  'password',
  'secret',
  '*.token',
  '*.apiKey',
  '*.api_key',
  '*.password',
  '*.secret',
  '*.clientSecret',
  'headers.authorization',
  'headers["x-api-key"]',
  '*.headers.authorization',
  '*.headers["x-api-key"]',
];

export interface LoggerOptions {
  level: string;
  /** Secret values (API keys, bot tokens) to mask wherever they appear in a string. */
  secrets: readonly string[];
  destination?: DestinationStream;
}

export function createLogger(opts: LoggerOptions): Logger & pino.Logger {
  const secrets = opts.secrets.filter((s) => s.length >= 4);
  const clean = (s: string) => scrub(s, secrets);
  return pino(
    {
      level: opts.level,
      redact: { paths: REDACT_PATHS, censor: '***' },
      serializers: {
        err: (e: unknown) => {
          const out = pino.stdSerializers.err(e as Error) as unknown as Record<string, unknown>;
          for (const k of ['message', 'stack'])
            if (typeof out[k] === 'string') out[k] = clean(out[k] as string);
          return out;
        },
      },
      hooks: {
        logMethod(args, method) {
          const cleaned = args.map((a: unknown) => (typeof a === 'string' ? clean(a) : a));
          return method.apply(this, cleaned as Parameters<typeof method>);
        },
      },
      formatters: {
        log: (obj) => {
          for (const [k, v] of Object.entries(obj)) if (typeof v === 'string') obj[k] = clean(v);
          return obj;
        },
      },
    },
    opts.destination ?? pino.destination({ fd: 2, sync: true }),
  );
}
