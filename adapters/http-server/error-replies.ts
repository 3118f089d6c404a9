/**
 * Every refusal fastify or a route raises, as `{"error": {"code", "message", "issues"?}}` with the
 * status that says what to change; unknown paths (404) and known paths with another method (405);
 * and what the HTTP parser itself refuses before there is a request (431 headers too large).
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Logger } from '../../src/core/ports.js';
import { ApiError, type ApiErrorDetails } from './api-error.js';

const INTERNAL = { code: 'internal', message: 'Something went wrong on the server; see its log.' };
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

const pathOf = (url: string) => (url.split('?')[0] ?? '').replace(/\/+$/, '') || '/';

const unsupportedType = () =>
  new ApiError(415, 'unsupported_media_type', 'Send the body as JSON with "Content-Type: application/json".');
const invalidJson = () => new ApiError(400, 'invalid_json', 'The body is not valid JSON.');

/** `title: must not be empty; year: …` */
function describeIssues(validation: readonly FastifySchemaValidationError[]): {
  message: string;
  issues: NonNullable<ApiErrorDetails['issues']>;
} {
  const issues = validation.map((v) => {
    const path = v.instancePath.split('/').filter(Boolean).join('.');
    const unknown = v.keyword === 'unrecognized_keys' ? (v.params.keys as string[]) : undefined;
    return {
      path: path || unknown?.join(', ') || '(body)',
      message: unknown ? 'not a field this endpoint takes' : (v.message ?? 'is not valid'),
    };
  });
  return { message: issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues };
}

function toApiError(err: unknown, req: FastifyRequest, maxBodyBytes: number): ApiError | undefined {
  if (err instanceof ApiError) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    // No body at all where one is needed: not JSON (415), or JSON with nothing in it.
    if (err.validationContext === 'body' && req.body === undefined)
      return /^application\/json\b/i.test(req.headers['content-type'] ?? '')
        ? invalidJson()
        : unsupportedType();
    const code =
      err.validationContext === 'querystring'
        ? 'invalid_query'
        : err.validationContext === 'params'
          ? 'invalid_path'
          : 'invalid_body';
    const { message, issues } = describeIssues(err.validation);
    return new ApiError(400, code, message, { issues });
  }
  const e = err as FastifyError;
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return new ApiError(413, 'too_large', `The body is larger than ${maxBodyBytes} bytes.`);
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return unsupportedType();
  if (e.code === 'FST_ERR_CTP_INVALID_JSON_BODY') return invalidJson();
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500)
    return new ApiError(e.statusCode, 'bad_request', e.message);
  return undefined;
}

/** The path is not routed: 405 with the methods it takes when it exists with another, else 404. */
function routeMiss(app: FastifyInstance, req: FastifyRequest): ApiError {
  const path = pathOf(req.url);
  // fastify answers 404 for a known path with another method; HTTP says 405 and Allow.
  const allow = METHODS.filter((method) => app.findRoute({ method, url: path }));
  if (allow.length > 0)
    return new ApiError(405, 'method_not_allowed', `Use ${allow.join(' or ')} here.`, {
      headers: { allow: allow.join(', ') },
    });
  return new ApiError(404, 'not_found', `There is no ${path}. See README.md → HTTP API.`);
}

export function replyWithErrors(app: FastifyInstance, maxBodyBytes: number): void {
  app.setNotFoundHandler((req) => {
    throw routeMiss(app, req);
  });
  app.setErrorHandler((err, req, reply) => {
    // fastify reads the body even for a path it has no route for: the missing route comes first.
    const api =
      req.is404 && !(err instanceof ApiError) ? routeMiss(app, req) : toApiError(err, req, maxBodyBytes);
    if (!api) {
      req.log.error({ err, method: req.method, path: pathOf(req.url) }, 'HTTP API handler failed');
      return reply.code(500).send({ error: INTERNAL });
    }
    return reply
      .code(api.status)
      .headers(api.details.headers ?? {})
      .send(api.body);
  });
}

/** Node's parser refused the request (headers too large, too slow, not HTTP): answer in our shape and hang up. */
export function clientErrorHandler(log: Logger, maxHeaderBytes: number) {
  return (err: NodeJS.ErrnoException, socket: Socket) => {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    const [status, code, message] =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'headers_too_large', `The request headers are larger than ${maxHeaderBytes} bytes.`]
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'timeout', 'The request took too long to arrive.']
          : [400, 'bad_request', 'That is not an HTTP request this server can read.'];
    log.debug({ code: err.code, status }, 'HTTP client error');
    const body = JSON.stringify({ error: { code, message } });
    if (socket.writable)
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\n` +
          `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
    socket.destroy(err);
  };
}
