/** Every /api call needs `Authorization: Bearer <API_TOKEN>`; compared in constant time. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { ApiError } from './api-error.js';

const CHALLENGE = { 'www-authenticate': 'Bearer realm="reelbot"' };
/** Equal-length digests, so timingSafeEqual neither throws nor leaks the token's length. */
const digest = (s: string) => createHash('sha256').update(s).digest();

/** An onRequest hook: it runs before the body is read, and for unknown /api paths too. */
export function requireToken(token: string) {
  const expected = digest(token);
  return async (req: FastifyRequest): Promise<void> => {
    if (!req.url.startsWith('/api/')) return;
    const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!m)
      throw new ApiError(401, 'unauthorized', 'Send the API token as "Authorization: Bearer <API_TOKEN>".', {
        headers: CHALLENGE,
      });
    if (!timingSafeEqual(digest(m[1] ?? ''), expected))
      throw new ApiError(401, 'unauthorized', 'That API token is not the one this bot has (API_TOKEN).', {
        headers: CHALLENGE,
      });
  };
}
