/**
 * fastify logs through our logger: the app's pino logger goes in as is (its redaction and secret
 * scrubbing apply); any other Logger (the tests' capture) gets the few methods fastify also wants.
 * One debug line per request instead of fastify's two info lines, so the terminal is not flooded.
 */
import { LogController, type FastifyBaseLogger, type FastifyReply, type FastifyRequest } from 'fastify';
import type { LogFn } from 'pino';
import type { Logger } from '../../src/core/ports.js';

const isFull = (log: Logger): log is Logger & FastifyBaseLogger =>
  ['fatal', 'trace', 'silent'].every(
    (m) => typeof (log as unknown as Record<string, unknown>)[m] === 'function',
  );

export function fastifyLogger(log: Logger): FastifyBaseLogger {
  if (isFull(log)) return log;
  const at = (level: 'debug' | 'info' | 'warn' | 'error'): LogFn =>
    ((a: unknown, msg?: string) =>
      typeof a === 'string' ? log[level](a) : log[level](a as object, msg)) as LogFn;
  return {
    level: 'debug',
    fatal: at('error'),
    error: at('error'),
    warn: at('warn'),
    info: at('info'),
    debug: at('debug'),
    trace: () => undefined,
    silent: () => undefined,
    child: (bindings) => fastifyLogger(log.child(bindings)),
  };
}

export class RequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, req: FastifyRequest, reply: FastifyReply): void {
    const fields = {
      method: req.method,
      path: req.url.split('?')[0],
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
    };
    if (error) req.log.warn({ ...fields, err: error }, 'HTTP response failed');
    else req.log.debug(fields, 'HTTP request');
  }
}
